# Shared settings for the scripts in this folder; sourced, never run.
# Paths are absolute so that every script works from any current directory.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Third-party sources and builds (SDL2 for wasm, Dear ImGui): outside git, kept between runs.
DEPS_DIR="${CCAP_DEPS_DIR:-$ROOT/.deps}"
BUILD_DIR="${CCAP_BUILD_DIR:-$ROOT/build}"
NATIVE_BUILD="$BUILD_DIR/native"
WASM_BUILD="$BUILD_DIR/wasm"
WEB_OUT="$BUILD_DIR/web"          # what the server serves: wasm app + data
PORT="${CCAP_PORT:-8080}"
JOBS="${CCAP_JOBS:-$(nproc)}"

IMGUI_VERSION=1.86
SDL2_VERSION=2.26.5
UTF8PROC_VERSION=2.8.0
QRCODEGEN_VERSION=1.8.0
IMGUI_DIR="$DEPS_DIR/imgui-$IMGUI_VERSION"
SDL2_WASM_PREFIX="$DEPS_DIR/sdl2-wasm-$SDL2_VERSION"
UTF8PROC_DIR="$DEPS_DIR/utf8proc-$UTF8PROC_VERSION"
QRCODEGEN_DIR="$DEPS_DIR/qrcodegen-$QRCODEGEN_VERSION"

# emcc at -O1+ needs acorn from Debian's node modules (toolchain.md).
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"

log() { printf '\033[1m[%s]\033[0m %s\n' "$(basename "$0" .sh)" "$*"; }
die() { printf '\033[31m[%s] error:\033[0m %s\n' "$(basename "$0" .sh)" "$*" >&2; exit 1; }
