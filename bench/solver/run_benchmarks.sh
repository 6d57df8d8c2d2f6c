#!/bin/sh
# Solver benchmarks (docs/benchmarks.md, "Exchange solver"): canje's solver against the `cbc` command on the
# straightforward model of the same instance.
#
#   bench/solver/run_benchmarks.sh BUILD_DIR [CBC_SECONDS]
#
# BUILD_DIR is a configured build tree with the targets solver_generate_instance and
# solver_solve_instance built. CBC_SECONDS (default 600) caps each `cbc` run; 0 skips cbc.
set -eu
build=${1:?usage: run_benchmarks.sh BUILD_DIR [CBC_SECONDS]}
cbc_seconds=${2:-600}
bin="$build/src/solver"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {  # name candidates parties cap canje_limit
  name=$1
  "$bin/solver_generate_instance" "$2" "$3" "$4" 1 > "$work/$name.json"
  printf '%-28s canje: ' "$name"
  "$bin/solver_solve_instance" "$work/$name.json" "$5"
  if [ "$cbc_seconds" != 0 ] && command -v cbc > /dev/null; then
    "$bin/solver_solve_instance" "$work/$name.json" --write-lp "$work/$name.lp"
    start=$(date +%s.%N)
    cbc "$work/$name.lp" sec "$cbc_seconds" solve solu "$work/$name.sol" > "$work/$name.log" 2>&1 || true
    end=$(date +%s.%N)
    printf '%-28s cbc:   %s; %s; wall %.1f s\n' "$name" "$(head -1 "$work/$name.sol")" \
      "$(grep -E '^(Objective value|Gap|Lower bound)' "$work/$name.log" | tr '\n' ' ')" \
      "$(echo "$end - $start" | bc)"
  fi
}

run c1k-p10-cap6 1000 10 6 600
run c20k-p10-cap6 20000 10 6 600
run c100k-p10-cap6 100000 10 6 600
run c20k-p40-cap12 20000 40 12 60
