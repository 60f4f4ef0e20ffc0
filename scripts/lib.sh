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

# A compiler cache shared by the three build trees (native, wasm, sanitizers), outside the clone
# beside the third-party builds: a warm machine recompiles only what changed. Paths under the
# clone are hashed relative to it (CCACHE_BASEDIR) and the build folder is not hashed, so a fresh
# clone in another folder hits the same entries.
export CCACHE_DIR="${CCACHE_DIR:-$DEPS_DIR/ccache}"
export CCACHE_BASEDIR="$ROOT"
export CCACHE_NOHASHDIR=1
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-6G}"

log() { printf '\033[1m[%s]\033[0m %s\n' "$(basename "$0" .sh)" "$*"; }
die() { printf '\033[31m[%s] error:\033[0m %s\n' "$(basename "$0" .sh)" "$*" >&2; exit 1; }

# Phase times. `phase_begin NAME` ... `phase_end` time one step of a script; the times are printed
# as the step ends and appended to $CCAP_PHASE_LOG (tab-separated: seconds, name), which
# scripts/test.sh prints as a table at the end of every run.
_phase_name=""
_phase_start=0
_now_us() { local t=${EPOCHREALTIME/[.,]/}; echo "${t#0}"; }
phase_begin() {
  _phase_name="$1"
  _phase_start=$(_now_us)
  log "$1"
}
phase_end() {
  [ -n "$_phase_name" ] || return 0
  local us=$(( $(_now_us) - _phase_start ))
  local seconds
  seconds=$(printf '%d.%d' $(( us / 1000000 )) $(( us % 1000000 / 100000 )))
  log "$_phase_name: ${seconds} s"
  if [ -n "${CCAP_PHASE_LOG:-}" ]; then printf '%s\t%s\n' "$seconds" "$_phase_name" >> "$CCAP_PHASE_LOG"; fi
  _phase_name=""
}
