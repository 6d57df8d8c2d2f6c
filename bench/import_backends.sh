#!/usr/bin/env bash
# Benchmark: `canje import` of a generated custody roster on SQLite and on PostgreSQL, side by
# side in one run, at full durability on both (SQLite WAL + synchronous=FULL; PostgreSQL with
# fsync and synchronous commit on, on loopback). Prints wall and CPU seconds and the ratio.
#
#   bench/import_backends.sh            # 20,000 rows, 3 runs of each
#   ROWS=100000 RUNS=1 bench/import_backends.sh
#   CANJE_OTHER=/path/to/older/canje bench/import_backends.sh   # also times another binary
set -euo pipefail
rows=${ROWS:-20000}
runs=${RUNS:-3}
top=$(cd "$(dirname "$0")/.." && pwd)
binaries=("$top/${BUILD_DIR:-build}/canje")
if [[ -n ${CANJE_OTHER:-} ]]; then binaries+=("$CANJE_OTHER"); fi
work=$(mktemp -d)
cleanup() {
  "$top/scripts/postgres-test-cluster" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
if [[ $(id -u) -eq 0 ]]; then chmod 755 "$work"; fi
url=$(CANJE_PG_DURABLE=1 "$top/scripts/postgres-test-cluster" start "$work/pg")
"${binaries[0]}" scenario generate cecot-2025 --size "$rows" --out "$work/gen" --quiet >/dev/null
file="$work/gen/ven_custody_roster.csv"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1 /proc/loadavg)"
echo "file: $(($(wc -l <"$file") - 1)) rows; $runs run(s) of each, interleaved"
printf '%-8s %-10s %8s %8s\n' binary backend "wall s" "user s"
n=0
for ((run = 0; run < runs; ++run)); do
  for index in "${!binaries[@]}"; do
    canje=${binaries[$index]}
    label=this; [[ $index -gt 0 ]] && label=other
    for backend in sqlite postgresql; do
      n=$((n + 1))
      if [[ $backend == sqlite ]]; then db="$work/s$n.db"; else
        psql "$url" -qc "CREATE DATABASE b$n" >/dev/null
        db="${url%/postgres}/b$n"
      fi
      key="$work/k$n.key"
      "$canje" --db "$db" --master-key "$key" init >/dev/null
      "$canje" --db "$db" --master-key "$key" party add VEN --name Venezuela >/dev/null
      /usr/bin/time -f "%e %U" -o "$work/time" "$canje" --db "$db" --master-key "$key" --quiet \
        import "$file" --kind custody_roster --source benchmark --party VEN >/dev/null
      read -r wall user <"$work/time"
      printf '%-8s %-10s %8s %8s\n' "$label" "$backend" "$wall" "$user"
    done
  done
done
