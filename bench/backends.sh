#!/usr/bin/env bash
# Benchmark: appends and proofs on SQLite and PostgreSQL side by side, at full
# durability on both (SQLite WAL + synchronous=FULL; PostgreSQL with fsync and synchronous
# commit on). Whole commands, so each figure includes starting the process and opening the store
# (`canje version` alone is printed for reference).
#
#   bench/backends.sh [RUNS]        # default 100 runs of each command per backend
#
# Then, in one process, the same append and proof workload through the API on both backends
# (bench/log/backends_side_by_side.cc: ms per change, bulk events/s, µs per proof, ratios), if
# BUILD_DIR/bench/log/log_backends is built. Knobs: SIZE (100000), CHANGES (200), PROOFS (2000).
set -euo pipefail
runs=${1:-100}
top=$(cd "$(dirname "$0")/.." && pwd)
canje="$top/${BUILD_DIR:-build}/canje"
work=$(mktemp -d)
cluster="$work/pg"
cleanup() {
  "$top/scripts/postgres-test-cluster" stop "$cluster" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
if [[ $(id -u) -eq 0 ]]; then chmod 755 "$work"; fi
url=$(CANJE_PG_DURABLE=1 "$top/scripts/postgres-test-cluster" start "$cluster")
psql "$url" -qc "CREATE DATABASE bench" >/dev/null
pg_url="${url%/postgres}/bench"

ms_per_run() {  # ms_per_run COMMAND... → mean milliseconds over $runs runs
  local start end
  start=$(date +%s%N)
  for ((i = 0; i < runs; ++i)); do "$@" >/dev/null; done
  end=$(date +%s%N)
  echo "scale=1; ($end - $start) / 1000000 / $runs" | bc
}

declare -A results
for backend in sqlite postgresql; do
  if [[ $backend == sqlite ]]; then db="$work/canje.db"; key="$work/canje.db.key"; else
    db="$pg_url"; key="$work/pg.key"; fi
  c=("$canje" --db "$db" --master-key "$key" --quiet)
  "${c[@]}" init >/dev/null
  "${c[@]}" party add VEN --name Venezuela >/dev/null
  n=0
  add_user() { n=$((n + 1)); "${c[@]}" user add "bench$n" --party VEN --role observer; }
  results[$backend,append]=$(ms_per_run add_user)
  size=$("${c[@]}" log verify --json | sed -n 's/.*"entries": \([0-9]*\).*/\1/p')
  results[$backend,proof]=$(ms_per_run "${c[@]}" log prove-inclusion $((size / 2)))
  results[$backend,consistency]=$(ms_per_run "${c[@]}" log prove-consistency 1)
done
version_ms=$(ms_per_run "$canje" version)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1 /proc/loadavg)"
echo "runs per figure: $runs; canje version alone: $version_ms ms"
printf '%-44s %10s %12s\n' "command (ms per run, whole process)" "SQLite" "PostgreSQL"
printf '%-44s %10s %12s\n' "user add (one event + signed checkpoint)" "${results[sqlite,append]}" "${results[postgresql,append]}"
printf '%-44s %10s %12s\n' "log prove-inclusion N/2" "${results[sqlite,proof]}" "${results[postgresql,proof]}"
printf '%-44s %10s %12s\n' "log prove-consistency 1" "${results[sqlite,consistency]}" "${results[postgresql,consistency]}"

in_process="$top/${BUILD_DIR:-build}/bench/log/log_backends"
if [[ -x $in_process ]]; then
  psql "$url" -qc "CREATE DATABASE bench_in_process" >/dev/null
  echo
  echo "in one process, through the API (bench/log/log_backends):"
  "$in_process" "$work/in-process" "${url%/postgres}/bench_in_process" "${SIZE:-100000}" \
    "${CHANGES:-200}" "${PROOFS:-2000}"
else
  echo "(build the log_backends target for the in-process figures)"
fi
