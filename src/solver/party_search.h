// One optimisation stage: maximise a linear objective over 0-1 choices of candidates, one per
// person at most (exactly one for required persons), under linear side rows (balance, max_size,
// tier floors) and an optional cap on the number of distinct parties used.
//
// Without a binding cap the stage is one CBC solve. With one, it is a best-first branch and bound
// over party sets (docs/solver.md): a node fixes some parties in and some out; its bound is a
// Lagrangian relaxation of the side rows (multipliers improved by a few subgradient steps,
// warm-started from the parent) in which each person's best candidate is charged to the parties
// it needs, so that the cap can be applied as "the s best parties"; the same relaxation yields
// candidate deals (the heuristic first solution). A node whose free parties all fit under the cap
// is a leaf: the cap is gone and CBC solves it exactly, asked only for deals better than the
// incumbent. Nodes whose bound cannot beat the incumbent are pruned, so only maximal party sets
// that could win are ever handed to CBC.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "solver/exchange_model.h"
#include "solver/milp.h"
#include "solver/solve_status.h"

namespace canje::solver {

using Clock = std::chrono::steady_clock;

struct StageProblem {
  std::vector<int> columns;           // candidate of each column
  std::vector<double> objective;      // per column, maximised
  std::vector<int> person_of_column;  // model person index
  std::vector<bool> person_required;  // per model person
  std::vector<std::vector<int>> parties_of_column;
  int num_parties = 0;
  std::vector<LinearRow> side_rows;  // over columns; sense 'G' or 'L'
  std::optional<int> party_cap;      // at most this many distinct parties
};

// The stage for `restrictions` and `floors`, maximising objective[candidate].
StageProblem BuildStageProblem(const ExchangeModel& model, const Restrictions& restrictions,
                               const std::vector<double>& objective,
                               const std::vector<TierFloor>& floors);

struct StageOptions {
  Clock::time_point deadline = Clock::time_point::max();
  std::optional<double> minimum_objective;  // only deals at least this good are of interest
  bool stop_at_first_solution = false;      // a feasibility question
  std::vector<int> start;                   // candidates of a deal believed feasible; may be empty
};

struct StageResult {
  using Status = SolveStatus;
  Status status = Status::kUnknown;
  std::vector<int> chosen;  // candidates, ascending
  double objective = 0;
  double bound = 0;  // upper bound on the stage optimum (when not infeasible)
  int nodes = 0;     // party-set nodes evaluated
  int cbc_calls = 0;
};

StageResult SolveStage(const StageProblem& problem, const StageOptions& options);

}  // namespace canje::solver
