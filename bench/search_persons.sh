#!/usr/bin/env bash
# Benchmark: a name search on a store holding a generated custody roster of ROWS rows (default
# 100,000), answered by opening every person (`canje persons WORD --no-index`) and from the name
# words' index (`canje persons WORD`), side by side in one run, A B A B, each under
# /usr/bin/time. Checks that both print the same persons. Results go in docs/benchmarks.md.
#
#   bench/search_persons.sh                 # 100,000 rows
#   ROWS=1000000 bench/search_persons.sh
#   OLD_CANJE=/path/to/older/canje bench/search_persons.sh   # also time its import of the roster
set -euo pipefail
rows=${ROWS:-100000}
top=$(cd "$(dirname "$0")/.." && pwd)
canje="$top/${BUILD_DIR:-build}/canje"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$canje" scenario generate cecot-2025 --size "$rows" --out "$work/gen" --quiet >/dev/null
file="$work/gen/ven_custody_roster.csv"

measure() {  # measure NAME COMMAND... → "NAME wall user sys peak_kb"; output in $work/NAME.out
  local name=$1
  shift
  /usr/bin/time -f "$name %e %U %S %M" -o "$work/$name.time" "$@" >"$work/$name.out"
  cat "$work/$name.time"
}

prepare() {  # prepare BINARY STORE: a new store with the party VEN
  "$1" --db "$2" init >/dev/null
  "$1" --db "$2" party add VEN --name Venezuela >/dev/null
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "roster: $(($(wc -l <"$file") - 1)) rows"
printf '%-28s %8s %8s %8s %9s\n' "run" "wall s" "user s" "sys s" "peak MB"
show() { awk '{printf "%-28s %8.2f %8.2f %8.2f %9.1f\n", $1, $2, $3, $4, $5 / 1024}'; }
import_flags=(--quiet import "$file" --kind custody_roster --source benchmark --party VEN)
if [ -n "${OLD_CANJE:-}" ]; then
  prepare "$OLD_CANJE" "$work/older.db"
  measure import-older "$OLD_CANJE" --db "$work/older.db" "${import_flags[@]}" | show
  rm -f "$work"/older.db*
fi
prepare "$canje" "$work/canje.db"
measure import "$canje" --db "$work/canje.db" "${import_flags[@]}" | show

# A family name of one row in the middle of the roster (a word few persons share), its last given
# name many share, two words, a partial word, and a word no one has.
read -r family given < <(python3 - "$file" "$((rows / 2))" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for i, row in enumerate(csv.DictReader(f)):
        if i == int(sys.argv[2]):
            print(row["family_names"].split()[0], row["given_names"].split()[-1])
            break
PY
)
for query in "$family" "$given" "$given $family" "${family:1:4}" zzzqqq; do
  echo "query: '$query'"
  for round in 1 2; do
    measure "opening-every-person-$round" "$canje" --db "$work/canje.db" persons "$query" --no-index | show
    measure "index-$round" "$canje" --db "$work/canje.db" persons "$query" | show
    cmp -s "$work/opening-every-person-$round.out" "$work/index-$round.out" ||
      { echo "the two answers differ for '$query'"; exit 1; }
  done
  echo "  persons found: $(tail -1 "$work/index-1.out")"
done
