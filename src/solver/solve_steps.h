// Internal steps of Solve (solver.cc) shared by explain.cc and require.cc. Not a public API.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "solver/exchange_model.h"
#include "solver/lexicographic.h"
#include "solver/solver.h"

namespace canje::solver {

// The report of a chosen set of candidates: ids in input order, objectives, bloc balances.
// Bloc rules are reported with the ratios of `ratios` (per bloc) when given, else the instance's.
Deal MakeDeal(const ExchangeModel& model, const std::vector<int>& chosen,
              const std::vector<double>* ratios = nullptr);

// Reasons for every person with candidates and none in `best.chosen`. With `explain`, each
// person not in must_exclude is re-solved forced in (until the deadline).
std::vector<Exclusion> ExplainExclusions(const ExchangeModel& model,
                                         const Restrictions& restrictions,
                                         const LexicographicResult& best, bool explain,
                                         Clock::time_point deadline);

// The --require answer for `person` (who has candidates), given the optimal deal `best`.
RequireAnswer AnswerRequire(const ExchangeModel& model, const Restrictions& restrictions,
                            int person, const LexicographicResult& best,
                            Clock::time_point deadline);

}  // namespace canje::solver
