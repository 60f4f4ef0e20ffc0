#!/usr/bin/env bash
# Sanitizers and fuzzing: a native build of its own with clang-14 (CCAP_FUZZ=ON: ASan + UBSan on
# every target, UB stops the program), then
#   1. the native unit tests under ASan + UBSan (leaks reported; the render tests are left to the
#      normal build: Mesa's llvmpipe is not instrumented and holds memory until exit), and
#   2. every libFuzzer target of tests/fuzz for CCAP_FUZZ_SECONDS each (default 30), from the seeds
#      in tests/fuzz/corpus, the encoders' binary seeds and the built data files.
# A finding is kept in build/sanitize/findings/<target>/ and fails the run: make it a regression
# test (the unit tests), then fix it. Long runs on demand:
#   CCAP_FUZZ_SECONDS=3600 scripts/sanitize.sh --fuzz-only
# Writes build/sanitize/summary.txt: "sanitize: <passed> passed, <failed> failed".
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SAN_BUILD="$BUILD_DIR/sanitize"
SECONDS_EACH="${CCAP_FUZZ_SECONDS:-30}"
FUZZ_ONLY=0
[ "${1:-}" = "--fuzz-only" ] && FUZZ_ONLY=1
command -v clang++-14 >/dev/null || die "clang++-14 is not installed: run scripts/setup.sh"

log "ASan + UBSan + libFuzzer build (clang-14) -> $SAN_BUILD"
CC=clang-14 CXX=clang++-14 cmake -S "$ROOT" -B "$SAN_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCCAP_FUZZ=ON -DCCAP_DEPS_DIR="$DEPS_DIR" -DCCAP_WEB_OUT="$SAN_BUILD/web" >/dev/null
cmake --build "$SAN_BUILD" -j "$JOBS"

passed=0
failed=0
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

if [ "$FUZZ_ONLY" -eq 0 ]; then
  log "unit tests under ASan + UBSan"
  rc=0
  ctest --test-dir "$SAN_BUILD" -LE render -E '^(Style|TierRule)\.' -j "$JOBS" --output-on-failure \
    > "$SAN_BUILD/ctest.log" 2>&1 || rc=$?
  tail -n 3 "$SAN_BUILD/ctest.log"
  total=$(sed -nE 's/.*tests failed out of ([0-9]+).*/\1/p' "$SAN_BUILD/ctest.log" | tail -n 1)
  bad=$(sed -nE 's/.* ([0-9]+) tests failed out of.*/\1/p' "$SAN_BUILD/ctest.log" | tail -n 1)
  passed=$(( ${total:-0} - ${bad:-0} ))
  failed=${bad:-0}
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  grep -E "ERROR: AddressSanitizer|runtime error|ERROR: LeakSanitizer" "$SAN_BUILD/ctest.log" | sort | uniq -c | head || true
fi

log "fuzzing: ${SECONDS_EACH} s per target"
"$SAN_BUILD/tests/fuzz/make_seeds" "$SAN_BUILD/seeds" "$SAN_BUILD/web/data/basemap.ccapmap"
for target in link partnership basemap airquality importers station_points kiosk_config; do
  corpus="$SAN_BUILD/corpus/$target"
  findings="$SAN_BUILD/findings/$target"
  mkdir -p "$corpus" "$findings"
  for seeds in "$ROOT/tests/fuzz/corpus/$target" "$SAN_BUILD/seeds/$target"; do
    [ -d "$seeds" ] && cp -n "$seeds"/* "$corpus"/ 2>/dev/null || true
  done
  case $target in
    partnership) cp -n "$SAN_BUILD/web/data/partnership.json" "$corpus/" 2>/dev/null || true; dict=json ;;
    kiosk_config) cp -n "$SAN_BUILD/web/data/kiosk.json" "$corpus/" 2>/dev/null || true; dict=json ;;
    importers) dict=csv ;;
    station_points) dict=json ;;
    link) dict=link ;;
    *) dict="" ;;
  esac
  args=(-max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=262144
        -artifact_prefix="$findings/" -print_final_stats=1)
  [ -n "$dict" ] && args+=(-dict="$ROOT/tests/fuzz/dict/$dict.dict")
  if "$SAN_BUILD/tests/fuzz/fuzz_$target" "${args[@]}" "$corpus" > "$SAN_BUILD/fuzz_$target.log" 2>&1; then
    runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$SAN_BUILD/fuzz_$target.log" | tail -n 1)
    log "fuzz_$target: ${runs:-?} runs, nothing found"
    passed=$((passed + 1))
  else
    log "fuzz_$target: FOUND A PROBLEM (input in $findings/):"
    grep -E "ERROR|runtime error|SUMMARY|deadly|timeout|error in line" "$SAN_BUILD/fuzz_$target.log" | head -n 8 || true
    failed=$((failed + 1))
  fi
done

echo "sanitize: $passed passed, $failed failed" | tee "$SAN_BUILD/summary.txt"
[ "$failed" -eq 0 ]
