#!/usr/bin/env bash
# The stress rows of docs/performance.md against one build of the web app, as scripts/bench.sh runs
# them (10,000 synthetic cities and 20,000 links at zoom 2; 100,000 air-quality stations), one
# summary line each: frames per second, the interval between frames (mean / p95, ms) and the app's
# own CPU time per frame (mean / p95, ms). For comparing two builds on the same machine:
#   tests/bench/stress_rows.sh WEB_DIR CCAP_GEODATA [ROWS]
# WEB_DIR: a built web folder (e.g. build/web); CCAP_GEODATA: the native pipeline tool that makes
# the station file; ROWS: which rows (default "markers everything air4 air8 air8surface air8still").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
web="$(cd "$1" && pwd)"
geodata="$2"
rows="${3:-markers everything air4 air8 air8surface air8still}"
mkdir -p "$web/bench-data"
[ -f "$web/bench-data/partnership-synthetic.json" ] ||
  node "$ROOT/tests/bench/synthetic_partnership.mjs" 10000 20000 "$web/bench-data/partnership-synthetic.json" >/dev/null
[ -f "$web/bench-data/air-100k.ccapaq" ] ||
  "$geodata" airquality --out "$web/bench-data/air-100k.ccapaq" --synthetic 2025 --random-stations 100000 \
    --stations "$ROOT/geodata/airquality/stations.geojson" --hours 24 --pollutants pm25 >/dev/null

run() {  # name zoom frames query
  local out
  out="$(cd "$ROOT" && CCAP_WEB_OUT="$web" BENCH_ZOOM="$2" BENCH_FRAMES="$3" BENCH_QUERY="$4" \
    node tests/bench/browser_bench.mjs)"
  node -e '
    const r = JSON.parse(process.argv[2]);
    const f = (s) => `${s.mean.toFixed(1)} / ${s.p95.toFixed(1)}`;
    console.log(`${process.argv[1].padEnd(12)} ${r.fps.toFixed(1).padStart(5)} fps   interval ${f(r.frameIntervalMs)} ms   app ${f(r.appFrameMs)} ms`);
  ' "$1" "$out"
}

air='air=bench-data/air-100k.ccapaq&layers=1,1,1,0'
for row in $rows; do
  case "$row" in
    markers) run markers 2 40 "content=bench-data/partnership-synthetic.json&layers=1,0,1,0" ;;
    everything) run everything 2 40 "content=bench-data/partnership-synthetic.json&layers=1,1,1,1" ;;
    arcs) run arcs 2 40 "content=bench-data/partnership-synthetic.json&layers=0,1,0,0" ;;
    cities) run cities 2 40 "content=bench-data/partnership-synthetic.json&layers=1,0,0,0" ;;
    labels) run labels 2 40 "content=bench-data/partnership-synthetic.json&layers=0,0,1,0" ;;
    basemap) run basemap 2 40 "content=bench-data/partnership-synthetic.json&layers=0,0,0,0" ;;
    air4) run air4 4 200 "$air&play=1&surface=0&center=110,20" ;;
    air8) run air8 8 200 "$air&play=1&surface=0&center=121.52,25.04" ;;
    air8surface) run air8surface 8 200 "$air&play=1&surface=1&center=121.52,25.04" ;;
    air8still) run air8still 8 200 "$air&play=0&surface=1&center=121.52,25.04" ;;
    *) echo "unknown row $row" >&2; exit 2 ;;
  esac
done
