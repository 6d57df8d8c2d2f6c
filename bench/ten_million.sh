#!/usr/bin/env bash
# Scale: a store of ROWS generated persons (default 10,000,000) on SQLite and on PostgreSQL, and
# what a user feels there. For each backend: the import (wall, CPU, peak memory), the store's
# size, every single-person command timed REPEATS times (median and slowest, in milliseconds,
# the whole process from start to exit, and its peak memory), and the whole-store commands once.
# Results go in docs/benchmarks.md ("Ten million persons").
#
#   bench/ten_million.sh                         # 10,000,000 rows, both backends
#   ROWS=100000 BACKENDS=sqlite bench/ten_million.sh
#   WORK_DIR=/var/tmp/scale KEEP=1 bench/ten_million.sh   # keep the files and stores; a second
#                                                         # run reuses the generated roster
#
# Disk: the generated scenario takes about 0.8 GB per million rows (all its lists are written;
# the custody roster is 0.24 GB of it), a SQLite store about 1.1 GB per million, PostgreSQL more.
set -euo pipefail
rows=${ROWS:-10000000}
backends=${BACKENDS:-sqlite postgresql}
repeats=${REPEATS:-5}
top=$(cd "$(dirname "$0")/.." && pwd)
canje=${CANJE:-$top/${BUILD_DIR:-build}/canje}
[ -x "$canje" ] || { echo "missing $canje (build it first)" >&2; exit 2; }
work=${WORK_DIR:-$(mktemp -d "${TMPDIR:-/var/tmp}/canje-scale.XXXXXX")}
mkdir -p "$work"
cleanup() {
  "$top/scripts/postgres-test-cluster" stop "$work/pg" >/dev/null 2>&1 || true
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$work"; fi
}
trap cleanup EXIT
if [[ $(id -u) -eq 0 ]]; then chmod 755 "$work"; fi
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
  "$(free -g | awk '/Mem:/ {print $2}') GB, load $(load), $(date -u +%FT%TZ)"

file="$work/gen/ven_custody_roster.csv"
if [ ! -s "$file" ] || [ "$(($(wc -l <"$file") - 1))" != "$rows" ]; then
  rm -rf "$work/gen"
  /usr/bin/time -f "generate: %e s wall, %U+%S s CPU, %M KB peak" \
    "$canje" scenario generate cecot-2025 --size "$rows" --out "$work/gen" --quiet >/dev/null
fi
echo "roster: $rows rows, $(stat -c %s "$file") bytes"

# The row in the middle of the roster: its person is P<middle> (persons are numbered in the
# order the roster's rows are imported; checked below against the name the store shows).
middle=$((rows / 2))
IFS=$'\t' read -r given family document < <(python3 - "$file" "$middle" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for i, row in enumerate(csv.DictReader(f), start=1):
        if i == int(sys.argv[2]):
            print(row["given_names"], row["family_names"], row["document"], sep="\t")
            break
PY
)
echo "the person looked at: P$middle, '$given $family', document $document"

# timed LABEL COMMAND...: runs it REPEATS times; prints label, the median and slowest wall ms,
# the median CPU ms (user + system, to 10 ms), the peak memory in MB and the first line of its
# output. On a shared machine the CPU time is the steadier figure.
timed() {
  local label=$1 walls=() cpus=() peak=0 start end kb user sys
  shift
  for ((i = 0; i < repeats; ++i)); do
    start=$(date +%s%N)
    /usr/bin/time -f "%M %U %S" -o "$work/rss" "$@" >"$work/out" 2>"$work/err" ||
      { echo "$label failed: $(head -3 "$work/err")" >&2; exit 1; }
    end=$(date +%s%N)
    walls+=($(((end - start) / 1000000)))
    read -r kb user sys < <(tail -1 "$work/rss")
    cpus+=("$(echo "($user + $sys) * 1000 / 1" | bc)")
    ((kb > peak)) && peak=$kb
  done
  mapfile -t sorted < <(printf '%s\n' "${walls[@]}" | sort -n)
  mapfile -t cpu_sorted < <(printf '%s\n' "${cpus[@]}" | sort -n)
  printf '  %-40s %7s %8s %7s %8.1f  %s\n' "$label" "${sorted[$((repeats / 2))]}" \
    "${sorted[$((repeats - 1))]}" "${cpu_sorted[$((repeats / 2))]}" "$(echo "$peak / 1024" | bc -l)" \
    "$(head -c 60 "$work/out" | head -1)"
}

url=
for backend in $backends; do
  echo; echo "== $backend =="
  key="$work/$backend.key"
  if [[ $backend == sqlite ]]; then
    db="$work/store.db"
    rm -f "$db" "$db"-* "$key"
  else
    [ -n "$url" ] || url=$(CANJE_PG_DURABLE=1 "$top/scripts/postgres-test-cluster" start "$work/pg")
    psql "$url" -qc "DROP DATABASE IF EXISTS scale" -qc "CREATE DATABASE scale" >/dev/null
    db="${url%/postgres}/scale"
    rm -f "$key"
  fi
  c=("$canje" --db "$db" --master-key "$key")
  "${c[@]}" init >/dev/null
  "${c[@]}" party add VEN --name Venezuela >/dev/null
  echo "import (load before: $(load))"
  /usr/bin/time -f "  import: %e s wall, %U s user, %S s sys, %M KB peak" \
    "${c[@]}" --quiet import "$file" --kind custody_roster --source benchmark --party VEN >/dev/null
  if [[ $backend == sqlite ]]; then
    size=$(du -cb "$db"* | tail -1 | cut -f1)
  else
    size=$(psql "$url" -Atc "SELECT pg_database_size('scale')")
  fi
  echo "  store: $size bytes ($(echo "$size / 1048576" | bc) MiB); load after: $(load)"
  shown=$("${c[@]}" --json person show "P$middle" | python3 -c 'import json,sys; print(json.load(sys.stdin)["name"])')
  [[ $shown == "$given $family" ]] || { echo "P$middle is '$shown', not '$given $family'" >&2; exit 1; }

  echo "single-person commands, $repeats runs each (load $(load)):"
  printf '  %-40s %7s %8s %7s %8s  %s\n' command "wall ms" "slowest" "CPU ms" "peak MB" "output"
  timed "person show P$middle" "${c[@]}" person show "P$middle"
  timed "persons --exact-name (full name)" "${c[@]}" persons --exact-name "$given $family"
  timed "persons --document" "${c[@]}" persons --document "$document"
  timed "persons (family and given name words)" "${c[@]}" persons "$given $family" --limit 20
  timed "persons (first family name, first 20)" "${c[@]}" persons "${family%% *}" --limit 20
  timed "persons (a word no one has)" "${c[@]}" persons zzzqqq
  timed "log checkpoint" "${c[@]}" log checkpoint
  timed "log entry 0" "${c[@]}" log entry 0
  timed "log prove-inclusion 0" "${c[@]}" log prove-inclusion 0
  echo "whole-store commands, once each (load $(load)):"
  printf '  %-40s %7s %8s %7s %8s  %s\n' command "wall ms" "" "CPU ms" "peak MB" "output"
  repeats_saved=$repeats
  repeats=1
  timed "link status" "${c[@]}" link status
  timed "summary" "${c[@]}" summary
  timed "log verify" "${c[@]}" log verify
  repeats=$repeats_saved
done
echo; echo "load at the end: $(load)"
