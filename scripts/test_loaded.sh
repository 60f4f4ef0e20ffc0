#!/usr/bin/env bash
# The whole suite with the machine loaded, RUNS times in a row (default 3): what a busy CI machine
# does to the tests. A CPU hog per core (Debian's stress-ng, at CCAP_LOAD percent, default 60) runs
# beside scripts/test.sh; a test that waits real seconds for the app, instead of moving the app's
# clock, fails here. Stops at the first run that fails.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS="${1:-3}"
LOAD="${CCAP_LOAD:-60}"
if ! command -v stress-ng >/dev/null; then
  log "installing stress-ng"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq stress-ng >/dev/null; else sudo apt-get install -y -qq stress-ng >/dev/null; fi
fi
stress-ng --cpu "$(nproc)" --cpu-load "$LOAD" --quiet &
hog=$!
trap 'kill "$hog" 2>/dev/null || true' EXIT
for run in $(seq 1 "$RUNS"); do
  log "run $run of $RUNS, with stress-ng --cpu $(nproc) --cpu-load $LOAD beside it"
  "$ROOT/scripts/test.sh" || die "run $run of $RUNS failed with the machine loaded"
done
log "$RUNS runs in a row passed with the machine loaded"
