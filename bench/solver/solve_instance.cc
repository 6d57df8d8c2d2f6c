// Solves one instance file with canje's solver and prints one line of figures, or writes the
// straightforward model in LP form (for the `cbc` command) with --write-lp.
//
//   solve_instance INSTANCE.json [TIME_LIMIT_SECONDS]
//   solve_instance INSTANCE.json --write-lp MODEL.lp
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "solver/instance_json.h"
#include "solver/solver.h"

int main(int argc, char** argv) {
  using namespace canje::solver;
  if (argc < 2) {
    std::cerr << "usage: solve_instance INSTANCE.json [TIME_LIMIT | --write-lp FILE]\n";
    return 2;
  }
  auto read_start = std::chrono::steady_clock::now();
  canje::Result<Instance> instance = ReadInstanceFile(argv[1]);
  if (!instance.ok()) {
    std::cerr << instance.status().ToString() << "\n";
    return 65;
  }
  double read_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - read_start).count();
  if (argc >= 4 && std::string(argv[2]) == "--write-lp") {
    std::ofstream(argv[3]) << ModelAsLp(*instance, nullptr);
    return 0;
  }
  SolveOptions options;
  if (argc >= 3) options.time_limit_seconds = std::atof(argv[2]);
  canje::Result<Solution> solution = Solve(*instance, options);
  if (!solution.ok()) {
    std::cerr << solution.status().ToString() << "\n";
    return 1;
  }
  std::printf(
      "status=%s objective=%s bound=%s solve_seconds=%.3f read_seconds=%.3f "
      "party_nodes=%d cbc_calls=%d\n",
      SolveStatusName(solution->status),
      solution->objective ? std::to_string(*solution->objective).c_str() : "null",
      solution->bound ? std::to_string(*solution->bound).c_str() : "null", solution->seconds,
      read_seconds, solution->party_nodes, solution->cbc_calls);
  return 0;
}
