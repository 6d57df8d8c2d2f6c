// The only file that talks to CBC's C interface (Cbc_C_Interface.h, CBC 2.10).
#include <coin/Cbc_C_Interface.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>

#include "solver/milp.h"

namespace canje::solver {
namespace {

std::mutex& CbcMutex() {
  static std::mutex mutex;
  return mutex;
}

class CbcModel {
 public:
  CbcModel() : model_(Cbc_newModel()) {}
  ~CbcModel() { Cbc_deleteModel(model_); }
  CbcModel(const CbcModel&) = delete;
  CbcModel& operator=(const CbcModel&) = delete;
  Cbc_Model* get() { return model_; }

 private:
  Cbc_Model* model_;
};

}  // namespace

int Milp::AddColumn(std::string name, double objective_coefficient) {
  column_names.push_back(std::move(name));
  objective.push_back(objective_coefficient);
  lower.push_back(0);
  upper.push_back(1);
  return num_columns() - 1;
}

MilpResult SolveWithCbc(const Milp& milp, const CbcOptions& options) {
  MilpResult result;
  const int n = milp.num_columns();
  const int m = static_cast<int>(milp.rows.size());
  if (n == 0) {
    // CBC dislikes empty models; the only assignment is the empty one.
    bool feasible = true;
    for (const LinearRow& row : milp.rows) {
      double lhs = 0;
      if (row.sense == 'L') feasible = feasible && lhs <= row.rhs + 1e-9;
      if (row.sense == 'G') feasible = feasible && lhs >= row.rhs - 1e-9;
      if (row.sense == 'E') feasible = feasible && std::abs(lhs - row.rhs) <= 1e-9;
    }
    if (options.minimum_objective && *options.minimum_objective > 1e-9) feasible = false;
    result.status = feasible ? MilpResult::Status::kOptimal : MilpResult::Status::kInfeasible;
    return result;
  }

  // Column-major matrix for Cbc_loadProblem.
  std::vector<int> count(n + 1, 0);
  for (const LinearRow& row : milp.rows) {
    for (int column : row.columns) ++count[column + 1];
  }
  std::vector<CoinBigIndex> start(n + 1, 0);
  for (int j = 0; j < n; ++j) start[j + 1] = start[j] + count[j + 1];
  std::vector<int> index(start[n]);
  std::vector<double> value(start[n]);
  std::vector<CoinBigIndex> fill(start.begin(), start.end() - 1);
  std::vector<double> row_lower(m), row_upper(m);
  for (int i = 0; i < m; ++i) {
    const LinearRow& row = milp.rows[i];
    for (size_t k = 0; k < row.columns.size(); ++k) {
      CoinBigIndex at = fill[row.columns[k]]++;
      index[at] = i;
      value[at] = row.coefficients[k];
    }
    row_lower[i] = row.sense == 'L' ? -std::numeric_limits<double>::max() : row.rhs;
    row_upper[i] = row.sense == 'G' ? std::numeric_limits<double>::max() : row.rhs;
  }
  // CBC minimises: negate the objective.
  std::vector<double> cost(n);
  for (int j = 0; j < n; ++j) cost[j] = -milp.objective[j];

  std::lock_guard<std::mutex> lock(CbcMutex());
  CbcModel model;
  Cbc_Model* cbc = model.get();
  Cbc_loadProblem(cbc, n, m, start.data(), index.data(), value.data(), milp.lower.data(),
                  milp.upper.data(), cost.data(), row_lower.data(), row_upper.data());
  for (int j = 0; j < n; ++j) Cbc_setInteger(cbc, j);
  Cbc_setLogLevel(cbc, 0);
  Cbc_setParameter(cbc, "log", "0");
  Cbc_setParameter(cbc, "slog", "0");
  Cbc_setMaximumSeconds(cbc, std::max(0.01, options.seconds));
  Cbc_setAllowableGap(cbc, 1e-9);
  Cbc_setAllowableFractionGap(cbc, 1e-12);
  if (options.minimum_objective) Cbc_setCutoff(cbc, -*options.minimum_objective + 1e-9);
  if (!options.start.empty()) {
    std::vector<int> columns(n);
    for (int j = 0; j < n; ++j) columns[j] = j;
    Cbc_setMIPStartI(cbc, n, columns.data(), options.start.data());
  }
  Cbc_solve(cbc);

  const double* solution = Cbc_bestSolution(cbc);
  const bool proven_optimal = Cbc_isProvenOptimal(cbc) != 0;
  const bool proven_infeasible = Cbc_isProvenInfeasible(cbc) != 0;
  if (solution != nullptr && !proven_infeasible) {
    result.values.assign(solution, solution + n);
    for (double& x : result.values) x = x > 0.5 ? 1.0 : 0.0;
    result.objective = 0;
    for (int j = 0; j < n; ++j) result.objective += milp.objective[j] * result.values[j];
    if (options.minimum_objective && result.objective < *options.minimum_objective - 1e-7) {
      result.values.clear();  // a start below the cutoff that CBC handed back
    }
  }
  if (!result.values.empty()) {
    result.status = proven_optimal ? MilpResult::Status::kOptimal : MilpResult::Status::kFeasible;
    result.bound = proven_optimal ? result.objective
                                  : std::max(result.objective, -Cbc_getBestPossibleObjValue(cbc));
  } else if (proven_infeasible || (proven_optimal && Cbc_status(cbc) == 0)) {
    result.status = MilpResult::Status::kInfeasible;
  } else {
    result.status = MilpResult::Status::kUnknown;
    result.bound = -Cbc_getBestPossibleObjValue(cbc);
  }
  return result;
}

}  // namespace canje::solver
