#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, then the native tests (unit, render; ctest),
# the browser tests (headless Chromium against the real wasm build), and the sanitizers: the unit
# tests again under ASan + UBSan and every fuzz target for 30 s (scripts/sanitize.sh). Ends with
# one summary line.
#   single native test:   ctest --test-dir build/native -R <regex> --output-on-failure
#   single browser test:  node --test --test-name-pattern '<regex>' tests/e2e/
#   content pipeline:     node --test tests/pipeline/
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

log "native tests (ctest)"
native_rc=0
ctest --test-dir "$NATIVE_BUILD" --output-on-failure -j "$JOBS" 2>&1 | tee "$logs/ctest.log" || native_rc=$?

log "node tests: content pipeline, and the browser tests (headless Chromium)"
browser_rc=0
# The node tests read the build's served folder (tests/e2e/harness.mjs): this run's, under CCAP_BUILD_DIR too.
( cd "$ROOT" && CCAP_WEB_OUT="${CCAP_WEB_OUT:-$WEB_OUT}" node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$logs/e2e.tap" tests/pipeline/ tests/e2e/ ) || browser_rc=$?

log "sanitizers: unit tests under ASan + UBSan, then the fuzz targets"
sanitize_rc=0
"$ROOT/scripts/sanitize.sh" 2>&1 | tee "$logs/sanitize.log" || sanitize_rc=$?
sanitize_passed=$(sed -nE 's/^sanitize: ([0-9]+) passed, ([0-9]+) failed$/\1/p' "$logs/sanitize.log" | tail -n 1)
sanitize_failed=$(sed -nE 's/^sanitize: ([0-9]+) passed, ([0-9]+) failed$/\2/p' "$logs/sanitize.log" | tail -n 1)

# The browser failures again, with their messages, where a CI log's tail shows them.
if grep -q '^not ok' "$logs/e2e.tap"; then
  echo
  log "browser tests that failed"
  awk '/^not ok/ {show = 1; n = 0} show && n < 20 {print; ++n} show && /^  \.\.\.$/ {show = 0}' "$logs/e2e.tap"
fi

# One closing line over the three runners.
native_total=$(sed -nE 's/.*tests failed out of ([0-9]+).*/\1/p' "$logs/ctest.log" | tail -n 1)
native_failed=$(sed -nE 's/.* ([0-9]+) tests failed out of.*/\1/p' "$logs/ctest.log" | tail -n 1)
browser_passed=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$logs/e2e.tap" | tail -n 1)
browser_failed=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$logs/e2e.tap" | tail -n 1)
passed=$(( ${native_total:-0} - ${native_failed:-0} + ${browser_passed:-0} + ${sanitize_passed:-0} ))
failed=$(( ${native_failed:-0} + ${browser_failed:-0} + ${sanitize_failed:-0} ))
if [ "$native_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # ctest died before its summary
if [ "$browser_rc" -ne 0 ] && [ "${browser_failed:-0}" -eq 0 ]; then failed=$((failed + 1)); fi
if [ "$sanitize_rc" -ne 0 ] && [ "${sanitize_failed:-0}" -eq 0 ]; then failed=$((failed + 1)); fi  # died early
echo
echo "native $(( ${native_total:-0} - ${native_failed:-0} )), browser and pipeline ${browser_passed:-0}, sanitizers and fuzzing ${sanitize_passed:-0} passed"
echo "all tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
