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
