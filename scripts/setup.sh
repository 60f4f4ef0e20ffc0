#!/usr/bin/env bash
# Installs everything the build and the tests need, idempotently: Debian packages, Debian source
# packages (Dear ImGui, SDL2, utf8proc, Nayuki's QR Code generator), SDL2 built for wasm once into the deps cache, and the npm
# packages from package-lock.json. On a ready machine it takes seconds.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config dpkg-dev xz-utils python3 nodejs
  emscripten
  libsdl2-dev libegl-dev libgles-dev libegl-mesa0 libgl1-mesa-dri
  libglm-dev nlohmann-json3-dev libutf8proc-dev libfmt-dev
  libgdal-dev gdal-bin libgeos-dev libcurl4-openssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev clang-format clang-14 libclang-rt-14-dev
  chromium fonts-noto-core fonttools
  ccache
)

missing_packages() {
  dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${APT_PACKAGES[@]}" 2>/dev/null \
    | awk '$2 != "installed" {print $1}'
  # dpkg-query prints nothing for packages it has never heard of
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W "$p" >/dev/null 2>&1 || echo "$p"
  done
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_apt_packages() {
  local missing
  missing=$(missing_packages | sort -u | tr '\n' ' ')
  # Debian's nodejs ships npm separately; NodeSource's nodejs includes it and conflicts with it.
  command -v npm >/dev/null 2>&1 || missing="$missing npm"
  if [ -z "${missing// }" ]; then log "Debian packages: all present"; return; fi
  log "Debian packages: installing $missing"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

ensure_deb_src() {
  if grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then return; fi
  log "adding a deb-src entry for bookworm main"
  as_root tee /etc/apt/sources.list.d/clean-air-atlas-deb-src.sources >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  as_root apt-get update -qq
}

# fetch_source <source package> <orig tarball glob> <destination dir>
fetch_source() {
  local pkg=$1 glob=$2 dest=$3
  [ -f "$dest/.extracted" ] && return
  ensure_deb_src
  mkdir -p "$DEPS_DIR/src"
  # Only the upstream tarball is used: a mirror missing the Debian part (a 404 seen for
  # qr-code-generator's .debian.tar.xz) must not stop the build, so the tarball is checked below.
  ( cd "$DEPS_DIR/src" && { ls $glob >/dev/null 2>&1 || apt-get source --download-only "$pkg" >/dev/null 2>&1 || true; } )
  local tarball
  tarball=$(ls "$DEPS_DIR"/src/$glob | head -n 1) || die "apt-get source $pkg gave no $glob"
  rm -rf "$dest" && mkdir -p "$dest"
  tar -xf "$tarball" -C "$dest" --strip-components=1
  touch "$dest/.extracted"
  log "source: $pkg -> $dest"
}

build_sdl2_wasm() {
  if [ -f "$SDL2_WASM_PREFIX/.built" ]; then log "SDL2 for wasm: cached in $SDL2_WASM_PREFIX"; return; fi
  local src="$DEPS_DIR/sdl2-src-$SDL2_VERSION" bld="$DEPS_DIR/sdl2-wasm-build"
  fetch_source libsdl2 "libsdl2_${SDL2_VERSION}*.orig.tar.gz" "$src"
  log "SDL2 for wasm: building once (configure takes a few minutes on 2 cores)"
  rm -rf "$bld" "$SDL2_WASM_PREFIX"
  emcmake cmake -S "$src" -B "$bld" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$SDL2_WASM_PREFIX" \
    -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF >"$DEPS_DIR/sdl2-configure.log" 2>&1 \
    || die "SDL2 configure failed, see $DEPS_DIR/sdl2-configure.log"
  cmake --build "$bld" -j "$JOBS" >"$DEPS_DIR/sdl2-build.log" 2>&1 \
    || die "SDL2 build failed, see $DEPS_DIR/sdl2-build.log"
  cmake --install "$bld" >/dev/null
  rm -rf "$bld"
  touch "$SDL2_WASM_PREFIX/.built"
}

require_node_20() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  [ "$major" -ge 20 ] || die "Node.js $(node --version 2>/dev/null || echo '(none)') is too old: the browser tests' driver (playwright-core) needs Node.js 20 or newer. This project's machines have it; Debian 12's own nodejs package is 18."
}

install_npm_packages() {
  local stamp="$ROOT/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && cmp -s "$ROOT/package-lock.json" "$ROOT/node_modules/.ccap-lock"; then
    log "npm packages: up to date"; return
  fi
  log "npm packages: npm ci"
  ( cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error )
  cp "$ROOT/package-lock.json" "$ROOT/node_modules/.ccap-lock"
}

# SDL2 for wasm is needed by the wasm build only: scripts/test.sh builds it (--sdl2-only) beside
# the native build, which does not need it (--without-sdl2 here first).
case "${1:-}" in
  --sdl2-only)
    phase_begin "setup: SDL2 for wasm (beside the native build)"
    build_sdl2_wasm
    phase_end
    exit 0 ;;
  --without-sdl2 | "") ;;
  *) die "unknown option $1 (--without-sdl2, --sdl2-only)" ;;
esac

phase_begin "setup: Debian packages"
install_apt_packages
phase_end
phase_begin "setup: third-party sources"
mkdir -p "$DEPS_DIR" "$CCACHE_DIR"
fetch_source imgui "imgui_${IMGUI_VERSION}*.orig.tar.xz" "$IMGUI_DIR"
fetch_source utf8proc "utf8proc_${UTF8PROC_VERSION}*.orig.tar.gz" "$UTF8PROC_DIR"
fetch_source qr-code-generator "qr-code-generator_${QRCODEGEN_VERSION}*.orig.tar.gz" "$QRCODEGEN_DIR"
phase_end
if [ "${1:-}" != --without-sdl2 ]; then
  phase_begin "setup: SDL2 for wasm"
  build_sdl2_wasm
  phase_end
fi
phase_begin "setup: npm packages"
require_node_20
install_npm_packages
phase_end
log "ready"
