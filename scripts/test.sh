#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, then the native tests (unit, render; ctest),
# the node tests (the content pipeline, and the browser tests: headless Chromium against the real
# wasm build), and the sanitizers (scripts/sanitize.sh: the unit tests again under ASan + UBSan, and
# every fuzz target's corpus replayed, then a short run of each). Every phase's time is printed at
# the end; the closing line counts each test once:
#   all tests: N passed, N failed
#   single native test:   ctest --test-dir build/native -R <regex> --output-on-failure
#   single browser test:  node --test --test-name-pattern '<regex>' tests/e2e/
#   content pipeline:     node --test tests/pipeline/
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

logs=$(mktemp -d)
export CCAP_PHASE_LOG="$logs/phases.tsv"
: > "$CCAP_PHASE_LOG"
run_start=$(_now_us)
phases_printed=0
print_phases() {
  [ "$phases_printed" -eq 0 ] || return 0
  phases_printed=1
  echo
  log "where the time went"
  awk -F '\t' '{ printf "  %8.1f s  %s\n", $1, $2 }' "$CCAP_PHASE_LOG"
  local us=$(( $(_now_us) - run_start ))
  printf '  %8.1f s  %s\n' "$(( us / 1000 ))e-3" "the whole run"
  if command -v ccache >/dev/null; then
    ccache --print-stats 2>/dev/null | awk -F '\t' '
      $1 == "direct_cache_hit" || $1 == "preprocessed_cache_hit" { hit += $2 }
      $1 == "cache_miss" { miss = $2 }
      END { if (hit + miss > 0) printf "  compiler cache (%s): %d hits, %d misses this run\n", ENVIRON["CCACHE_DIR"], hit, miss }'
  fi
}
trap 'rc=$?; print_phases; rm -rf "$logs"; exit $rc' EXIT
command -v ccache >/dev/null && ccache --zero-stats >/dev/null 2>&1 || true

# SDL2 for wasm (built once a machine: some 12 minutes of CMake checks on one core) is built beside
# the native build, which does not need it; the wasm build waits for it.
"$ROOT/scripts/setup.sh" --without-sdl2
"$ROOT/scripts/setup.sh" --sdl2-only > "$logs/sdl2.log" 2>&1 &
sdl2=$!
native_build_rc=0
"$ROOT/scripts/build.sh" --native || native_build_rc=$?
sdl2_rc=0
wait "$sdl2" || sdl2_rc=$?
cat "$logs/sdl2.log"
[ "$sdl2_rc" -eq 0 ] || die "SDL2 for wasm could not be built (above)"
[ "$native_build_rc" -eq 0 ] || die "the native build failed (above)"
"$ROOT/scripts/build.sh" --wasm

# The sanitizer tree builds beside the native and browser tests (niced: the tests come first). It
# is also the load the browser tests must stand: none of them waits real seconds for the app.
nice -n 10 "$ROOT/scripts/sanitize.sh" --build-only > "$logs/sanitize-build.log" 2>&1 &
sanitize_build=$!

phase_begin "native tests (ctest: unit, render, pipeline)"
native_rc=0
ctest --test-dir "$NATIVE_BUILD" --output-on-failure -j "$JOBS" 2>&1 | tee "$logs/ctest.log" || native_rc=$?
phase_end

phase_begin "node tests: content pipeline, and the browser tests (headless Chromium)"
browser_rc=0
# The node tests read the build's served folder (tests/e2e/harness.mjs): this run's, under CCAP_BUILD_DIR too.
( cd "$ROOT" && CCAP_WEB_OUT="${CCAP_WEB_OUT:-$WEB_OUT}" CCAP_GEODATA="$NATIVE_BUILD/src/pipeline/ccap_geodata" node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$logs/e2e.tap" tests/pipeline/ tests/e2e/ ) || browser_rc=$?
phase_end

sanitize_rc=0
phase_begin "sanitizers: the rest of their build, after the browser tests"
wait "$sanitize_build" || sanitize_rc=$?
phase_end
if [ "$sanitize_rc" -eq 0 ]; then
  tail -n 2 "$logs/sanitize-build.log"
  "$ROOT/scripts/sanitize.sh" 2>&1 | tee "$logs/sanitize.log" || sanitize_rc=$?
else
  tail -n 40 "$logs/sanitize-build.log"
  log "the sanitizer build failed (above)"
  : > "$logs/sanitize.log"
fi
count() { sed -nE "s/^$1: ([0-9]+) passed, ([0-9]+) failed$/\\$2/p" "$logs/sanitize.log" | tail -n 1; }
san_unit_passed=$(count "unit under sanitizers" 1)
san_unit_failed=$(count "unit under sanitizers" 2)
fuzz_passed=$(count "fuzz targets" 1)
fuzz_failed=$(count "fuzz targets" 2)

# The browser failures again, with their messages, where a CI log's tail shows them.
if grep -q '^not ok' "$logs/e2e.tap"; then
  echo
  log "browser tests that failed"
  awk '/^not ok/ {show = 1; n = 0} show && n < 20 {print; ++n} show && /^  \.\.\.$/ {show = 0}' "$logs/e2e.tap"
fi

# One closing line over the runners, each test counted once: the native tests, the node tests and
# the fuzz targets. The unit tests run a second time under the sanitizers: said on a line of their
# own, and a test that fails only there is a failure in the closing line.
native_total=$(sed -nE 's/.*tests failed out of ([0-9]+).*/\1/p' "$logs/ctest.log" | tail -n 1)
native_failed=$(sed -nE 's/.* ([0-9]+) tests failed out of.*/\1/p' "$logs/ctest.log" | tail -n 1)
browser_passed=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$logs/e2e.tap" | tail -n 1)
browser_failed=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$logs/e2e.tap" | tail -n 1)
native_passed=$(( ${native_total:-0} - ${native_failed:-0} ))
passed=$(( native_passed + ${browser_passed:-0} + ${fuzz_passed:-0} ))
failed=$(( ${native_failed:-0} + ${browser_failed:-0} + ${fuzz_failed:-0} + ${san_unit_failed:-0} ))
if [ "$native_rc" -ne 0 ] && [ "${native_failed:-0}" -eq 0 ]; then failed=$((failed + 1)); fi  # ctest died before its summary
if [ "$browser_rc" -ne 0 ] && [ "${browser_failed:-0}" -eq 0 ]; then failed=$((failed + 1)); fi
if [ "$sanitize_rc" -ne 0 ] && [ "${san_unit_failed:-0}${fuzz_failed:-0}" = "00" ]; then failed=$((failed + 1)); fi  # died early
print_phases
echo
echo "native (unit, render, pipeline) ${native_passed}, node (browser, content pipeline) ${browser_passed:-0}, fuzz targets ${fuzz_passed:-0} passed"
echo "the unit tests again under ASan + UBSan: ${san_unit_passed:-0} passed, ${san_unit_failed:-0} failed (not counted twice below)"
echo "all tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
