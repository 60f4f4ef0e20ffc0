#!/usr/bin/env bash
# Builds everything into build/: the native app, tools and tests (build/native), the page's data
# (build/web/data), and the WebAssembly app with its page (build/web). Needs scripts/setup.sh first.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v emcmake >/dev/null || die "emscripten is not installed: run scripts/setup.sh"
[ -f "$SDL2_WASM_PREFIX/.built" ] || die "SDL2 for wasm is not built: run scripts/setup.sh"

common=(-G Ninja -DCCAP_DEPS_DIR="$DEPS_DIR" -DCCAP_WEB_OUT="$WEB_OUT")

log "native: app, geodata tools, tests -> $NATIVE_BUILD"
cmake -S "$ROOT" -B "$NATIVE_BUILD" "${common[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$NATIVE_BUILD" -j "$JOBS"

log "wasm: app and page -> $WEB_OUT"
emcmake cmake -S "$ROOT" -B "$WASM_BUILD" "${common[@]}" -DCMAKE_BUILD_TYPE=MinSizeRel >/dev/null
cmake --build "$WASM_BUILD" -j "$JOBS"

log "built: $(du -h "$WEB_OUT/ccap.wasm" | cut -f1) wasm, $(du -sh "$WEB_OUT/data" | cut -f1) data in $WEB_OUT"
