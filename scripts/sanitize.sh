#!/usr/bin/env bash
# Sanitizers and fuzzing: a native build of its own with clang-14 (CCAP_FUZZ=ON: ASan + UBSan on
# every target, UB stops the program) that builds only what runs here, the unit-test programs and
# the fuzz targets (the render tests, the app and the benchmarks are the normal tree's), then
#   1. the native unit tests under ASan + UBSan (leaks reported; the render tests are left to the
#      normal build: Mesa's llvmpipe is not instrumented and holds memory until exit),
#   2. every fuzz target replays what it has been given: the seeds in tests/fuzz/corpus (where the
#      inputs of past findings are kept as regressions), the encoders' binary seeds, the built data
#      files, the corpus grown by earlier runs on this machine and any finding not yet fixed, and
#   3. a short run of each target, two at a time, CCAP_FUZZ_SECONDS each (default 10).
# The grown corpus and the findings live outside the clone, beside the third-party builds
# ($CCAP_DEPS_DIR/fuzz), so that each run starts where the last one stopped. A finding is copied
# there and fails the run until it is fixed: make it a regression test (the unit tests, and its
# input in tests/fuzz/corpus/<target>/), then fix it. The data files come from the normal tree:
# run scripts/build.sh first. Long runs on demand:
#   CCAP_FUZZ_SECONDS=3600 scripts/sanitize.sh --fuzz-only
# Writes build/sanitize/summary.txt: the counts below, and "sanitize: <passed> passed, <failed> failed".
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SAN_BUILD="$BUILD_DIR/sanitize"
SECONDS_EACH="${CCAP_FUZZ_SECONDS:-10}"
FUZZ_DIR="$DEPS_DIR/fuzz"
FUZZ_ONLY=0
BUILD_ONLY=0
case "${1:-}" in
  --fuzz-only) FUZZ_ONLY=1 ;;
  --build-only) BUILD_ONLY=1 ;;  # scripts/test.sh builds beside the browser tests, then runs
  "") ;;
  *) die "unknown option $1 (--fuzz-only, --build-only)" ;;
esac
command -v clang++-14 >/dev/null || die "clang++-14 is not installed: run scripts/setup.sh"
DATA="$WEB_OUT/data"
[ -f "$DATA/basemap.ccapmap" ] && [ -f "$DATA/partnership.json" ] \
  || die "the data files are not built in $DATA: run scripts/build.sh first"
TARGETS=(link partnership basemap airquality importers air_datasets station_points kiosk_config font citymap file_kind data_import)

where=""
[ "$BUILD_ONLY" -eq 1 ] && where=", beside the tests"
phase_begin "sanitizers: build (clang-14, ASan + UBSan: unit tests and fuzz targets$where) -> $SAN_BUILD"
CC=clang-14 CXX=clang++-14 cmake -S "$ROOT" -B "$SAN_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCCAP_FUZZ=ON -DCCAP_DEPS_DIR="$DEPS_DIR" -DCCAP_WEB_OUT="$SAN_BUILD/web" -DCCAP_TEST_DATA_DIR="$DATA" >/dev/null
cmake --build "$SAN_BUILD" -j "$JOBS" --target unit_tests make_seeds "${TARGETS[@]/#/fuzz_}"
phase_end
[ "$BUILD_ONLY" -eq 0 ] || exit 0

unit_passed=0
unit_failed=0
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

if [ "$FUZZ_ONLY" -eq 0 ]; then
  phase_begin "sanitizers: unit tests under ASan + UBSan"
  rc=0
  ctest --test-dir "$SAN_BUILD" -j "$JOBS" --output-on-failure > "$SAN_BUILD/ctest.log" 2>&1 || rc=$?
  tail -n 3 "$SAN_BUILD/ctest.log"
  total=$(sed -nE 's/.*tests failed out of ([0-9]+).*/\1/p' "$SAN_BUILD/ctest.log" | tail -n 1)
  bad=$(sed -nE 's/.* ([0-9]+) tests failed out of.*/\1/p' "$SAN_BUILD/ctest.log" | tail -n 1)
  unit_passed=$(( ${total:-0} - ${bad:-0} ))
  unit_failed=${bad:-0}
  if [ "$rc" -ne 0 ] && [ "$unit_failed" -eq 0 ]; then unit_failed=1; fi
  grep -E "ERROR: AddressSanitizer|runtime error|ERROR: LeakSanitizer" "$SAN_BUILD/ctest.log" | sort | uniq -c | head || true
  phase_end
fi

# The inputs each target is given: its own corpus (grown by earlier runs) first, where libFuzzer
# writes what it finds new, then the seeds, read only.
rm -rf "$SAN_BUILD/seeds" "$SAN_BUILD/fuzz-logs"
mkdir -p "$SAN_BUILD/fuzz-logs"
"$SAN_BUILD/tests/fuzz/make_seeds" "$SAN_BUILD/seeds" "$DATA/basemap.ccapmap"
corpus_dirs() {
  local target=$1
  echo "$FUZZ_DIR/corpus/$target"
  for d in "$ROOT/tests/fuzz/corpus/$target" "$SAN_BUILD/seeds/$target" "$SAN_BUILD/seeds/data-$target"; do
    [ -d "$d" ] && echo "$d"
  done
  return 0
}
dict_of() {
  case $1 in
    partnership | kiosk_config | station_points) echo json ;;
    importers | file_kind | data_import) echo csv ;;
    link) echo link ;;
  esac
}
for target in "${TARGETS[@]}"; do
  mkdir -p "$FUZZ_DIR/corpus/$target" "$FUZZ_DIR/findings/$target" "$SAN_BUILD/seeds/data-$target"
  case $target in
    partnership) cp "$DATA/partnership.json" "$SAN_BUILD/seeds/data-$target/" ;;
    kiosk_config) cp "$DATA/kiosk.json" "$SAN_BUILD/seeds/data-$target/" ;;
    font) cp "$DATA/fonts/NotoSans-Regular.ttf" "$SAN_BUILD/seeds/data-$target/" ;;
  esac
done

# fuzz_one <target> <mode> [libFuzzer options]: runs a target on its inputs; 0 when nothing was found.
fuzz_one() {
  local target=$1 mode=$2
  shift 2
  local findings="$FUZZ_DIR/findings/$target" log="$SAN_BUILD/fuzz-logs/$target.$mode.log"
  local args=(-timeout=10 -rss_limit_mb=2048 -max_len=262144 -artifact_prefix="$findings/" -print_final_stats=1 "$@")
  local dict
  dict=$(dict_of "$target")
  [ -n "$dict" ] && args+=(-dict="$ROOT/tests/fuzz/dict/$dict.dict")
  local dirs
  mapfile -t dirs < <(corpus_dirs "$target")
  "$SAN_BUILD/tests/fuzz/fuzz_$target" "${args[@]}" "${dirs[@]}" > "$log" 2>&1
}

# A target's findings not yet fixed, each run once (a crash input is a file, not a corpus folder).
replay_findings() {
  local target=$1 findings="$FUZZ_DIR/findings/$target"
  local files=("$findings"/*)
  [ -e "${files[0]}" ] || return 0
  "$SAN_BUILD/tests/fuzz/fuzz_$target" -timeout=10 -rss_limit_mb=2048 "${files[@]}" \
    > "$SAN_BUILD/fuzz-logs/$target.findings.log" 2>&1
}

# Runs `fuzz_one` (or `replay`) for every target, two at a time; prints one line each and counts.
fuzz_passed=0
fuzz_failed=0
declare -A fuzz_bad=()
run_all() {
  local mode=$1
  shift
  local pids=() names=()
  for target in "${TARGETS[@]}"; do
    if [ "$mode" = replay ]; then
      ( replay_findings "$target" && fuzz_one "$target" replay -runs=0 ) &
    else
      fuzz_one "$target" run "$@" &
    fi
    pids+=($!)
    names+=("$target")
    if [ "${#pids[@]}" -ge "$JOBS" ]; then
      report "$mode" "${names[0]}" "${pids[0]}"
      pids=("${pids[@]:1}")
      names=("${names[@]:1}")
    fi
  done
  for i in "${!pids[@]}"; do report "$mode" "${names[$i]}" "${pids[$i]}"; done
}
report() {
  local mode=$1 target=$2 pid=$3 log="$SAN_BUILD/fuzz-logs/$2.$1.log"
  if wait "$pid"; then
    local runs inputs
    runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -n 1)
    inputs=$(sed -nE 's/^INFO: seed corpus: files: ([0-9]+).*/\1/p' "$log" | tail -n 1)
    if [ "$mode" = replay ]; then
      log "fuzz_$target: ${inputs:-?} inputs replayed, nothing found"
    else
      log "fuzz_$target: ${runs:-?} runs in ${SECONDS_EACH} s, nothing found"
    fi
  else
    log "fuzz_$target ($mode): FOUND A PROBLEM (input kept in $FUZZ_DIR/findings/$target/):"
    cat "$SAN_BUILD/fuzz-logs/$target.findings.log" "$log" 2>/dev/null \
      | grep -E "ERROR|runtime error|SUMMARY|deadly|timeout|error in line|Test unit written" | head -n 8 || true
    fuzz_bad[$target]=1
  fi
}

phase_begin "fuzzing: replay of every corpus and saved finding"
run_all replay
phase_end
if [ "$SECONDS_EACH" -gt 0 ]; then
  phase_begin "fuzzing: ${SECONDS_EACH} s per target, two at a time"
  run_all run -max_total_time="$SECONDS_EACH"
  phase_end
fi
for target in "${TARGETS[@]}"; do
  if [ -n "${fuzz_bad[$target]:-}" ]; then fuzz_failed=$((fuzz_failed + 1)); else fuzz_passed=$((fuzz_passed + 1)); fi
done

passed=$((unit_passed + fuzz_passed))
failed=$((unit_failed + fuzz_failed))
{
  echo "unit under sanitizers: $unit_passed passed, $unit_failed failed"
  echo "fuzz targets: $fuzz_passed passed, $fuzz_failed failed"
  echo "sanitize: $passed passed, $failed failed"
} | tee "$SAN_BUILD/summary.txt"
[ "$failed" -eq 0 ]
