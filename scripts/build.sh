#!/usr/bin/env bash
# Builds into build/: the native tree (build/native: the app, the geodata tools, the tests, and the
# page's data made by those tools into build/web/data), then the WebAssembly app with its page
# (build/web). Needs scripts/setup.sh first. Every tree compiles through ccache (scripts/lib.sh).
#   scripts/build.sh           everything the tests need
#   scripts/build.sh --serve   only what is served: the data (with the tools that make it) and the wasm app
#   scripts/build.sh --native, --wasm   one tree
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

native_targets=(all)
trees=(native wasm)
case "${1:-}" in
  --serve) native_targets=(web_compressed) ;;
  --native) trees=(native) ;;
  --wasm) trees=(wasm) ;;
  "") ;;
  *) die "unknown option $1 (--serve, --native, --wasm)" ;;
esac

common=(-G Ninja -DCCAP_DEPS_DIR="$DEPS_DIR" -DCCAP_WEB_OUT="$WEB_OUT")

if [[ " ${trees[*]} " == *" native "* ]]; then
  phase_begin "build: native (${native_targets[*]}) -> $NATIVE_BUILD"
  cmake -S "$ROOT" -B "$NATIVE_BUILD" "${common[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$NATIVE_BUILD" -j "$JOBS" --target "${native_targets[@]}"
  phase_end
fi

if [[ " ${trees[*]} " == *" wasm "* ]]; then
  command -v emcmake >/dev/null || die "emscripten is not installed: run scripts/setup.sh"
  [ -f "$SDL2_WASM_PREFIX/.built" ] || die "SDL2 for wasm is not built: run scripts/setup.sh"
  phase_begin "build: wasm app and page -> $WEB_OUT"
  emcmake cmake -S "$ROOT" -B "$WASM_BUILD" "${common[@]}" -DCMAKE_BUILD_TYPE=MinSizeRel >/dev/null
  cmake --build "$WASM_BUILD" -j "$JOBS"
  phase_end
  log "built: $(du -h "$WEB_OUT/ccap.wasm" | cut -f1) wasm, $(du -sh "$WEB_OUT/data" | cut -f1) data in $WEB_OUT"
fi

