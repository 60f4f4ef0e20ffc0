#!/bin/sh
# Cuts the Natural Earth 1:10m layers the city-scale map uses (populated places, rivers and lake
# centre-lines, lakes) down to the features within 2.5 degrees of a partner city, keeping only the
# fields the pipeline reads. A maintainer's tool, run when the partner cities change; the build
# reads only its output, committed here (see PROVENANCE.md):
#   geodata/citymap/extract.sh ../shared/data/natural-earth-10m build/web/data/partnership.json
set -eu
src=$1
partnership=$2
out=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$partnership" > "$tmp/boxes" <<'PY'
import json, sys
for c in json.load(open(sys.argv[1]))["cities"]:
    d = 2.5
    print(c["lng"] - d, c["lat"] - d, c["lng"] + d, c["lat"] + d)
PY
cut() {  # layer, fields
  i=0
  while read -r w s e n; do
    i=$((i + 1))
    ogr2ogr -f GeoJSON -spat "$w" "$s" "$e" "$n" -select "$2" -lco COORDINATE_PRECISION=5 \
      "$tmp/$1.$i.geojson" "/vsigzip/$src/$1.geojson.gz"
  done < "$tmp/boxes"
  python3 - "$tmp" "$1" > "$out/$1.geojson" <<'PY'
import glob, json, sys
seen, features = set(), []
for path in sorted(glob.glob(f"{sys.argv[1]}/{sys.argv[2]}.*.geojson"), key=lambda p: int(p.split(".")[-2])):
    for f in json.load(open(path))["features"]:
        key = json.dumps(f, sort_keys=True)
        if key not in seen:
            seen.add(key)
            features.append(f)
json.dump({"type": "FeatureCollection", "features": features}, sys.stdout, separators=(",", ":"))
PY
}
cut ne_10m_populated_places "NAME,NAME_EN,SCALERANK,LABELRANK,min_zoom,POP_MAX,GEONAMEID"
cut ne_10m_rivers_lake_centerlines "name,name_en,featurecla,scalerank,min_zoom"
cut ne_10m_lakes "name,featurecla,scalerank,min_zoom"
