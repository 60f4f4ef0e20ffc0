#!/usr/bin/env bash
# Benchmarks (figures for docs/performance.md): native Google Benchmark of the pipeline and the
# format, output sizes, then frame time while panning at full detail in headless Chromium.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/scripts/build.sh" >/dev/null
log "native benchmarks"
"$NATIVE_BUILD/tests/ccap_bench" --benchmark_counters_tabular=true
log "sizes"
ls -l "$WEB_OUT/ccap.wasm" "$WEB_OUT/ccap.js" "$WEB_OUT/data/basemap.ccapmap" "$WEB_OUT/data/fonts/"*.ttf \
  | awk '{printf "%10d  %s\n", $5, $9}'
printf '%10d  %s (gzip -9)\n' "$(gzip -9c "$WEB_OUT/ccap.wasm" | wc -c)" "ccap.wasm"
printf '%10d  %s (gzip -9)\n' "$(gzip -9c "$WEB_OUT/data/basemap.ccapmap" | wc -c)" "basemap.ccapmap"
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
