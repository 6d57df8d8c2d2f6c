// A small 0-1 linear program and the one place that hands such programs to COIN-OR CBC.
//
// Every column is binary (bounds [lower, upper] within {0, 1}) and the objective is maximised.
// CBC's C interface is not thread-safe: SolveWithCbc serialises calls with a process-wide mutex,
// so at most one CBC solve runs at a time, and CBC's own output is silenced (log level 0).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "solver/solve_status.h"

namespace canje::solver {

struct LinearRow {
  std::string name;  // LP-safe: letters, digits, '_' and '.'; unique in the program
  std::vector<int> columns;
  std::vector<double> coefficients;
  char sense = 'L';  // 'L' (<=), 'G' (>=) or 'E' (=)
  double rhs = 0;
};

struct Milp {
  std::vector<std::string> column_names;  // LP-safe, unique
  std::vector<double> objective;          // maximised
  std::vector<double> lower;              // 0 or 1
  std::vector<double> upper;              // 0 or 1
  std::vector<LinearRow> rows;

  int AddColumn(std::string name, double objective_coefficient);
  int num_columns() const { return static_cast<int>(objective.size()); }
};

struct MilpResult {
  using Status = SolveStatus;
  Status status = Status::kUnknown;
  std::vector<double> values;  // one per column when a solution was found, else empty
  double objective = 0;        // of `values`
  double bound = 0;            // an upper bound on the optimum (meaningless when infeasible)
};

struct CbcOptions {
  double seconds = 1e9;  // wall-clock budget for this call
  // Only solutions with objective >= minimum_objective are wanted: kInfeasible then means
  // "none that good".
  std::optional<double> minimum_objective;
  // A known feasible 0-1 assignment (one value per column) to start from; may be empty.
  std::vector<double> start;
};

// Solves `milp` with CBC. Thread-safe (serialised). A bound is reported when CBC proves one.
MilpResult SolveWithCbc(const Milp& milp, const CbcOptions& options);

}  // namespace canje::solver
