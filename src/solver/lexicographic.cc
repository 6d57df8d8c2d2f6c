#include "solver/lexicographic.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace canje::solver {
namespace {

double Tolerance(double value) { return 1e-7 * std::max(1.0, std::abs(value)); }

// An upper bound on a tier's objective: each person's best candidate in that tier.
double TierUpperBound(const ExchangeModel& model, int tier) {
  std::map<int, double> best;
  for (size_t c = 0; c < model.instance.candidates.size(); ++c) {
    if (model.tier_of_candidate[c] != tier) continue;
    double& slot = best[model.person_of_candidate[c]];
    slot = std::max(slot, model.objective_of_candidate[c]);
  }
  double total = 0;
  for (const auto& [person, value] : best) total += value;
  return total;
}

}  // namespace

std::vector<double> TierObjectives(const ExchangeModel& model, const std::vector<int>& chosen) {
  std::vector<double> totals(model.tiers.size(), 0.0);
  for (int c : chosen) totals[model.tier_of_candidate[c]] += model.objective_of_candidate[c];
  return totals;
}

int CompareTiers(const std::vector<double>& a, const std::vector<double>& b) {
  for (size_t t = 0; t < a.size() && t < b.size(); ++t) {
    double tolerance = 1e-6 * std::max(1.0, std::max(std::abs(a[t]), std::abs(b[t])));
    if (a[t] < b[t] - tolerance) return -1;
    if (a[t] > b[t] + tolerance) return 1;
  }
  return 0;
}

LexicographicResult SolveLexicographic(const ExchangeModel& model, const Restrictions& restrictions,
                                       Clock::time_point deadline, const std::vector<int>& start) {
  LexicographicResult result;
  const int tiers = static_cast<int>(model.tiers.size());
  const bool integral = model.instance.objective == Objective::kPeople;
  std::vector<int> incumbent = start;
  bool proven = true;
  double bound_of_rest = 0;
  if (tiers == 0) {  // no candidates at all: the empty deal, if the must lists allow it
    StageProblem problem = BuildStageProblem(model, restrictions, model.objective_of_candidate, {});
    StageOptions options;
    options.deadline = deadline;
    StageResult stage = SolveStage(problem, options);
    result.status = stage.status;
    return result;
  }
  for (int t = 0; t < tiers; ++t) {
    std::vector<double> objective(model.instance.candidates.size(), 0.0);
    for (size_t c = 0; c < objective.size(); ++c) {
      if (model.tier_of_candidate[c] == t) objective[c] = model.objective_of_candidate[c];
    }
    StageProblem problem = BuildStageProblem(model, restrictions, objective, result.floors);
    StageOptions options;
    options.deadline = deadline;
    options.start = incumbent;
    StageResult stage = SolveStage(problem, options);
    result.nodes += stage.nodes;
    result.cbc_calls += stage.cbc_calls;
    if (stage.status == StageResult::Status::kInfeasible ||
        stage.status == StageResult::Status::kUnknown) {
      if (t == 0) {
        result.status = stage.status;
        result.bound = stage.bound;
        return result;
      }
      // Later tiers always admit the previous deal; only a deadline gets here.
      proven = false;
      bound_of_rest = stage.bound;
      for (int later = t + 1; later < tiers; ++later) bound_of_rest += TierUpperBound(model, later);
      break;
    }
    incumbent = stage.chosen;
    if (stage.status == StageResult::Status::kFeasible) {
      proven = false;
      bound_of_rest = stage.bound;
      for (int later = t + 1; later < tiers; ++later) bound_of_rest += TierUpperBound(model, later);
      // Later tiers are not optimised once a deadline has passed.
      break;
    }
    double value = TierObjectives(model, incumbent)[t];
    if (integral) value = std::round(value);
    if (t + 1 < tiers) result.floors.push_back({t, value - (integral ? 0.0 : Tolerance(value))});
  }
  result.chosen = incumbent;
  std::sort(result.chosen.begin(), result.chosen.end());
  result.tier_objective = TierObjectives(model, result.chosen);
  double total = 0;
  for (double v : result.tier_objective) total += v;
  if (proven) {
    result.status = StageResult::Status::kOptimal;
    result.bound = total;
  } else {
    result.status = StageResult::Status::kFeasible;
    double floors = 0;
    for (const TierFloor& floor : result.floors) floors += result.tier_objective[floor.tier];
    result.bound = std::max(total, floors + bound_of_rest);
  }
  return result;
}

bool IsFeasible(const ExchangeModel& model, const Restrictions& restrictions,
                Clock::time_point deadline, bool* decided) {
  std::vector<double> zero(model.instance.candidates.size(), 0.0);
  StageProblem problem = BuildStageProblem(model, restrictions, zero, {});
  StageOptions options;
  options.deadline = deadline;
  options.minimum_objective = -1e-9;
  options.stop_at_first_solution = true;
  StageResult stage = SolveStage(problem, options);
  *decided = stage.status != StageResult::Status::kUnknown;
  return stage.status != StageResult::Status::kInfeasible;
}

}  // namespace canje::solver
