#!/usr/bin/env bash
# Benchmark: import of a custody roster of ROWS rows (default 1,000,000), side by side in one
# run with sqlite3's own `.import` of the same file into a plain table. Prints rows per second,
# wall and CPU seconds, peak memory, and the ratios. Results go in docs/benchmarks.md.
#
#   bench/import_roster.sh            # 1,000,000 rows
#   ROWS=100000 bench/import_roster.sh
set -euo pipefail
rows=${ROWS:-1000000}
top=$(cd "$(dirname "$0")/.." && pwd)
canje="$top/${BUILD_DIR:-build}/canje"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$canje" scenario generate cecot-2025 --size "$rows" --out "$work/gen" --quiet >/dev/null
file="$work/gen/ven_custody_roster.csv"
lines=$(($(wc -l <"$file") - 1))
bytes=$(stat -c %s "$file")

measure() {  # measure NAME COMMAND... → "NAME wall user sys peak_kb"
  local name=$1
  shift
  /usr/bin/time -f "$name %e %U %S %M" -o "$work/$name.time" "$@" >/dev/null
  cat "$work/$name.time"
}

sqlite_line=$(measure sqlite3 sqlite3 "$work/plain.db" ".import --csv $file plain")
"$canje" --db "$work/canje.db" init >/dev/null
"$canje" --db "$work/canje.db" party add VEN --name Venezuela >/dev/null
canje_line=$(measure canje "$canje" --db "$work/canje.db" --quiet import "$file" \
  --kind custody_roster --source benchmark --party VEN)
sqlite_size=$(stat -c %s "$work/plain.db")
canje_size=$(du -cb "$work"/canje.db* | tail -1 | cut -f1)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "file: $lines rows, $((bytes / 1048576)) MiB"
awk -v rows="$lines" -v s="$sqlite_line" -v c="$canje_line" -v ss="$sqlite_size" \
    -v cs="$canje_size" 'BEGIN {
  split(s, a, " "); split(c, b, " ");
  printf "%-8s %10s %10s %10s %12s %10s %10s\n", "tool", "wall s", "user s", "sys s", "rows/s", "peak MB", "store MB";
  printf "%-8s %10.2f %10.2f %10.2f %12.0f %10.1f %10.1f\n", "sqlite3", a[2], a[3], a[4], rows / a[2], a[5] / 1024, ss / 1048576;
  printf "%-8s %10.2f %10.2f %10.2f %12.0f %10.1f %10.1f\n", "canje", b[2], b[3], b[4], rows / b[2], b[5] / 1024, cs / 1048576;
  printf "ratio canje/sqlite3: wall %.1fx, cpu %.1fx, store size %.1fx (goal: wall <= 10x, peak < 500 MB)\n",
    b[2] / a[2], (b[3] + b[4]) / (a[3] + a[4]), cs / ss;
}'
