// Priority tiers served lexicographically: the best for tier 1, then the best for tier 2 with
// tier 1 held at its optimum (as a floor row), and so on. Each tier is one SolveStage.
#pragma once

#include <vector>

#include "solver/exchange_model.h"
#include "solver/party_search.h"

namespace canje::solver {

struct LexicographicResult {
  StageResult::Status status = StageResult::Status::kUnknown;  // of the whole solve
  std::vector<int> chosen;                                     // candidates, ascending
  std::vector<double> tier_objective;  // per tier of model.tiers, of `chosen`
  std::vector<TierFloor> floors;       // the floors the last solved stage ran under
  double bound = 0;                    // upper bound on the whole deal's objective
  int nodes = 0;
  int cbc_calls = 0;
};

// Solves the instance as restricted. `start` may hold a deal feasible under `restrictions`.
LexicographicResult SolveLexicographic(const ExchangeModel& model, const Restrictions& restrictions,
                                       Clock::time_point deadline,
                                       const std::vector<int>& start = {});

// True when `restrictions` admit some deal (ignoring the objective). Sets *decided to false
// when the deadline came first (the answer is then "true", the cautious one).
bool IsFeasible(const ExchangeModel& model, const Restrictions& restrictions,
                Clock::time_point deadline, bool* decided);

// The per-tier objective of a deal.
std::vector<double> TierObjectives(const ExchangeModel& model, const std::vector<int>& chosen);

// -1, 0 or 1 as tier vector a is lexicographically worse than, equal to or better than b,
// with a tolerance for sums of real values.
int CompareTiers(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace canje::solver
