#!/usr/bin/env bash
# Benchmarks (figures for docs/performance.md): native Google Benchmark of the pipeline and the
# format, output sizes, then frame time while panning at full detail in headless Chromium.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/scripts/build.sh" >/dev/null
cmake --build "$NATIVE_BUILD" -j "$JOBS" --target ccap_bench >/dev/null  # not part of the test run's build
log "native benchmarks"
"$NATIVE_BUILD/tests/ccap_bench" --benchmark_counters_tabular=true
log "memory: 2,000,000 OpenAQ rows on the minute and with seconds (peak RSS of the tool)"
"$ROOT/tests/bench/import_memory.sh" "$NATIVE_BUILD/src/pipeline/ccap_geodata"
log "browser: your own data, the same 2,000,000 rows opened in the page (rows per second, memory)"
( cd "$ROOT" && node tests/bench/import_browser.mjs )
log "sizes: the file, its .gz (gzip -9) and .br (brotli 11) as the build wrote them (docs/deploy.md)"
size() { if [ -f "$1" ]; then stat -c %s "$1"; else echo -; fi; }
printf '%10s %10s %10s  %s\n' bytes gzip brotli file
for f in ccap.wasm ccap.js index.html loader.js style.css data/basemap.ccapmap data/air/index.json data/air/moenv-taiwan.ccapaq \
         data/partnership.json $(cd "$WEB_OUT" && echo data/fonts/*.ttf); do
  printf '%10s %10s %10s  %s\n' "$(size "$WEB_OUT/$f")" "$(size "$WEB_OUT/$f.gz")" "$(size "$WEB_OUT/$f.br")" "$f"
done
log "browser: panning at zoom ${BENCH_ZOOM:-4} (headless Chromium, SwiftShader)"
( cd "$ROOT" && node tests/bench/browser_bench.mjs )
log "browser: the real content, all layers, zoom 2"
( cd "$ROOT" && BENCH_ZOOM=2 BENCH_FRAMES=200 node tests/bench/browser_bench.mjs )
log "browser: 10,000 synthetic cities and 20,000 links (stress), by layer, zoom 2"
node "$ROOT/tests/bench/synthetic_partnership.mjs" 10000 20000 "$WEB_OUT/bench-data/partnership-synthetic.json"
for layers in 1,1,1,1 1,0,1,0 0,1,0,0 0,0,0,0; do
  log "layers (cities, arcs, labels, flow) = $layers"
  ( cd "$ROOT" && BENCH_ZOOM=2 BENCH_FRAMES=40 \
      BENCH_QUERY="content=bench-data/partnership-synthetic.json&layers=$layers" node tests/bench/browser_bench.mjs )
done
mkdir -p "$WEB_OUT/bench-data"
log "browser: 100,000 air-quality stations x 24 hours, animating (zoom 4 clustered; zoom 8 with and without the surface)"
"$NATIVE_BUILD/src/pipeline/ccap_geodata" airquality --out "$WEB_OUT/bench-data/air-100k.ccapaq" --synthetic 2025 \
  --random-stations 100000 --stations "$ROOT/geodata/airquality/stations.geojson" --hours 24 --pollutants pm25 >/dev/null
for run in "4 110,20 0" "8 100.5,13.75 0" "8 100.5,13.75 1"; do
  read -r zoom center surface <<<"$run"
  log "zoom $zoom at $center, surface $surface"
  ( cd "$ROOT" && BENCH_ZOOM=$zoom BENCH_FRAMES=200 \
      BENCH_QUERY="air=bench-data/air-100k.ccapaq&play=1&surface=$surface&center=$center&layers=1,1,1,0" \
      node tests/bench/browser_bench.mjs )
done
