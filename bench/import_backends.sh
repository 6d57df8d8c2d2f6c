#!/usr/bin/env bash
# Benchmark: `canje import` of a generated custody roster on SQLite and on PostgreSQL, side by
# side in one run, at full durability on both (SQLite WAL + synchronous=FULL; PostgreSQL with
# fsync and synchronous commit on, on loopback). Prints wall seconds, canje's CPU seconds (user
# and system) and, for PostgreSQL, the server's CPU seconds over the import (every process of
# the cluster: the backend that served canje, reaped by the postmaster, and the WAL writer,
# checkpointer and the others still running).
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

# CPU seconds (user + system) the cluster's processes have used so far: the postmaster, its
# children still running, and the children it has reaped (the backends of finished commands).
server_cpu() {
  local postmaster ticks=0 pid fields
  postmaster=$(head -1 "$work/pg/data/postmaster.pid")
  for pid in $postmaster $(pgrep -P "$postmaster"); do
    fields=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    # After the command name: utime, stime, cutime, cstime are fields 12-15.
    read -r -a f <<<"$fields"
    ticks=$((ticks + f[11] + f[12]))
    if [[ $pid == "$postmaster" ]]; then ticks=$((ticks + f[13] + f[14])); fi
  done
  echo "$ticks"
}
hz=$(getconf CLK_TCK)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1 /proc/loadavg)"
echo "file: $(($(wc -l <"$file") - 1)) rows; $runs run(s) of each, interleaved"
printf '%-8s %-10s %8s %8s %8s %10s\n' binary backend "wall s" "user s" "sys s" "server s"
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
      before=$(server_cpu)
      /usr/bin/time -f "%e %U %S" -o "$work/time" "$canje" --db "$db" --master-key "$key" \
        --quiet import "$file" --kind custody_roster --source benchmark --party VEN >/dev/null
      sleep 0.2  # the server's backend for the command exits and is reaped
      server=-
      if [[ $backend == postgresql ]]; then
        server=$(awk -v t=$(($(server_cpu) - before)) -v hz="$hz" 'BEGIN { printf "%.2f", t / hz }')
      fi
      read -r wall user sys <"$work/time"
      printf '%-8s %-10s %8s %8s %8s %10s\n' "$label" "$backend" "$wall" "$user" "$sys" "$server"
    done
  done
done
