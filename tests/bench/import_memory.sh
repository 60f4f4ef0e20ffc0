#!/usr/bin/env bash
# Peak memory of one OpenAQ import (issue 33, item 10): the same 2,000,000 rows (250 stations x
# 8,000 hours of PM2.5) written twice, once with every time on the minute ("...T05:00:00Z") and once
# with seconds ("...T05:00:17Z"). Both give the same output file; the pipeline keeps nothing per row
# (readings.h, "one rule for times"), so the peaks should match. Prints rows, peak RSS (MB) and
# wall time of each run, and whether the two outputs are byte-identical.
#   tests/bench/import_memory.sh CCAP_GEODATA [ROWS_PER_STATION]
set -euo pipefail
geodata="$1"
hours="${2:-8000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

write_rows() {  # seconds-suffix out
  node -e '
    const [hours, sec, out] = [Number(process.argv[1]), process.argv[2], process.argv[3]];
    const fd = require("fs").openSync(out, "w");
    require("fs").writeSync(fd, "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\n");
    for (let s = 0; s < 250; s++) {
      const lat = (10 + (s % 50) * 0.1).toFixed(4), lon = (100 + Math.floor(s / 50) * 0.1).toFixed(4);
      const lines = [];
      for (let h = 0; h < hours; h++) {
        const minute = new Date(Date.UTC(2024, 0, 1) + h * 3600e3).toISOString().slice(0, 16);
        lines.push(`${s + 1},${s + 1},Station ${s + 1},${minute}:${sec}Z,${lat},${lon},pm25,ug/m3,${(s * 7 + h) % 90 + 3}\n`);
      }
      require("fs").writeSync(fd, lines.join(""));
    }
    require("fs").closeSync(fd);
  ' "$hours" "$1" "$2"
}

run() {  # name seconds
  local csv="$work/$1.csv"
  write_rows "$2" "$csv"
  /usr/bin/time -f '%M %e' -o "$work/$1.time" \
    "$geodata" airquality --openaq "$csv" --out "$work/$1.ccapaq" >/dev/null
  read -r kb seconds <"$work/$1.time"
  printf '%-12s %9d rows  peak %6.1f MB  %6.1f s  %s\n' "$1" "$(($(wc -l <"$csv") - 1))" \
    "$(echo "$kb / 1024" | bc -l)" "$seconds" "$(du -h "$csv" | cut -f1)"
}

run on-minute 00
run seconds 17
if cmp -s "$work/on-minute.ccapaq" "$work/seconds.ccapaq"; then echo "outputs: identical"
else echo "outputs: DIFFER"; exit 1; fi
