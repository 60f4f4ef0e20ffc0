#!/bin/bash
# The city-scale tiles (src/pipeline/city_tiles.h), cut once per set of inputs: the result is kept
# outside the clone, in $CCAP_DEPS_DIR/city-tiles/<key>, where <key> is a hash of every input (the
# fine coastline, the Natural Earth layers, the partner cities' places) and of the cutter's own
# sources. A fresh clone with the same inputs copies the tiles instead of reading the 107 MB
# coastline again (about 40 s on this machine). Called by geodata/CMakeLists.txt:
#   scripts/city_tiles.sh GEODATA_TOOL DEPS_DIR OUT_DIR --partnership FILE --land SRC ... (the tool's arguments)
set -euo pipefail
tool=$1 deps=$2 out=$3
shift 3
root=$(cd "$(dirname "$0")/.." && pwd)
files=()
for arg in "$@"; do
  file=${arg%%#*}
  [ -f "$file" ] && files+=("$file")
done
sources=("$root"/src/pipeline/city_tiles.* "$root"/src/pipeline/city_places.* "$root"/src/pipeline/land_mesh.*
  "$root"/src/pipeline/border_lines.* "$root"/src/pipeline/vector_source.* "$root"/src/map/basemap_encoder.cpp
  "$root"/src/map/basemap_format.* "$root"/src/pipeline/geodata_main.cpp)
key=$( { printf '%s\n' "$@" | sed "s|$root/||g"; sha256sum "${files[@]}" "${sources[@]}" | cut -d' ' -f1; } |
  sha256sum | cut -c1-16)
cache="$deps/city-tiles/$key"
if [ ! -f "$cache/index.json" ]; then
  work="$deps/city-tiles/.tmp-$$"
  rm -rf "$work"
  mkdir -p "$work"
  "$tool" city-tiles "$@" --out-dir "$work"
  rm -rf "$cache"
  mv "$work" "$cache"
else
  echo "city tiles: cached in $cache (inputs unchanged)"
fi
# Replaced whole: tiles of a city no longer in the partnership do not linger.
rm -rf "$out.tmp"
cp -r "$cache" "$out.tmp"
rm -rf "$out"
mv "$out.tmp" "$out"
