#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, then the native tests (unit, render; ctest)
# and the browser tests (headless Chromium against the real wasm build). Ends with one summary line.
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
( cd "$ROOT" && node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$logs/e2e.tap" tests/pipeline/ tests/e2e/ ) || browser_rc=$?

# One closing line over both runners.
native_total=$(sed -nE 's/.*tests failed out of ([0-9]+).*/\1/p' "$logs/ctest.log" | tail -n 1)
native_failed=$(sed -nE 's/.* ([0-9]+) tests failed out of.*/\1/p' "$logs/ctest.log" | tail -n 1)
browser_passed=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$logs/e2e.tap" | tail -n 1)
browser_failed=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$logs/e2e.tap" | tail -n 1)
passed=$(( ${native_total:-0} - ${native_failed:-0} + ${browser_passed:-0} ))
failed=$(( ${native_failed:-0} + ${browser_failed:-0} ))
if [ "$native_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # ctest died before its summary
if [ "$browser_rc" -ne 0 ] && [ "${browser_failed:-0}" -eq 0 ]; then failed=$((failed + 1)); fi
echo
echo "all tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
