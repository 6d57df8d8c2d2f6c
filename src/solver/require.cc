// "What would it take" (--require PERSON): the smallest lowering of one bloc's ratio that lets
// the person in, found exactly by Dinkelbach's method on the bloc's balance ratio.
#include <algorithm>
#include <cmath>
#include <limits>

#include "solver/conflict.h"
#include "solver/solve_steps.h"

namespace canje::solver {
namespace {

// What `chosen` gives bloc b: (received, given) in the rule's units.
std::pair<double, double> Balance(const ExchangeModel& model, int bloc,
                                  const std::vector<int>& chosen) {
  const bool by_value = model.bloc_rules[bloc].kind == Rule::Kind::kValue;
  double received = 0, given = 0;
  for (int c : chosen) {
    if (!model.CountsForBalance(c)) continue;
    const Candidate& candidate = model.instance.candidates[c];
    if (model.beneficiary_bloc[c] == bloc) received += by_value ? candidate.value : 1.0;
    if (model.holder_bloc[c] == bloc) given += by_value ? candidate.cost : 1.0;
  }
  return {received, given};
}

// The largest ratio for bloc `bloc` under which `forced` admits a deal, or -1 when even
// ratio 0 does not. *proven becomes false when the deadline interrupted.
double LargestWorkingRatio(const ExchangeModel& model, const Restrictions& forced, int bloc,
                           Clock::time_point deadline, bool* proven) {
  Restrictions relaxed = forced;
  relaxed.bloc_rule_on[bloc] = false;
  const bool by_value = model.bloc_rules[bloc].kind == Rule::Kind::kValue;
  double ratio = 0;
  for (int iteration = 0; iteration < 50; ++iteration) {
    // F(ratio) = max received - ratio * given over the deals the other rules allow.
    std::vector<double> objective(model.instance.candidates.size(), 0.0);
    for (size_t c = 0; c < objective.size(); ++c) {
      if (!model.CountsForBalance(static_cast<int>(c))) continue;
      const Candidate& candidate = model.instance.candidates[c];
      if (model.beneficiary_bloc[c] == bloc) objective[c] = by_value ? candidate.value : 1.0;
      if (model.holder_bloc[c] == bloc) objective[c] = -ratio * (by_value ? candidate.cost : 1.0);
    }
    StageProblem problem = BuildStageProblem(model, relaxed, objective, {});
    StageOptions options;
    options.deadline = deadline;
    StageResult stage = SolveStage(problem, options);
    if (stage.status == StageResult::Status::kInfeasible) return -1;
    if (stage.status != StageResult::Status::kOptimal) *proven = false;
    if (stage.chosen.empty() && stage.status != StageResult::Status::kOptimal) return ratio;
    auto [received, given] = Balance(model, bloc, stage.chosen);
    if (given <= 0) return std::numeric_limits<double>::infinity();
    const double next = received / given;
    if (next <= ratio * (1 + 1e-12) + 1e-12 || stage.status != StageResult::Status::kOptimal) {
      return std::max(ratio, next);
    }
    ratio = next;
  }
  *proven = false;
  return ratio;
}

}  // namespace

RequireAnswer AnswerRequire(const ExchangeModel& model, const Restrictions& restrictions,
                            int person, const LexicographicResult& best,
                            Clock::time_point deadline) {
  RequireAnswer answer;
  answer.person = model.persons[person];
  for (int c : best.chosen) {
    if (model.person_of_candidate[c] == person) {
      answer.outcome = "already_selected";
      return answer;
    }
  }
  if (restrictions.person_state[person] == -1) {
    answer.outcome = "impossible";
    const auto& list = model.instance.must_exclude;
    const size_t at = std::find(list.begin(), list.end(), answer.person) - list.begin();
    answer.groups.push_back(
        {"$.must_exclude[" + std::to_string(at) + "]", answer.person + " must not be in the deal"});
    return answer;
  }
  Restrictions forced = restrictions;
  forced.person_state[person] = 1;
  LexicographicResult with = SolveLexicographic(model, forced, deadline);
  if (with.status == StageResult::Status::kOptimal ||
      with.status == StageResult::Status::kFeasible) {
    answer.outcome = "no_change_needed";
    answer.deal = MakeDeal(model, with.chosen);
    answer.proven = with.status == StageResult::Status::kOptimal;
    return answer;
  }
  if (with.status == StageResult::Status::kUnknown) answer.proven = false;

  int best_bloc = -1;
  double best_ratio = 0, best_change = std::numeric_limits<double>::infinity();
  for (size_t b = 0; b < model.instance.blocs.size(); ++b) {
    if (!forced.bloc_rule_on[b] || model.bloc_rules[b].kind == Rule::Kind::kNone) continue;
    const double original = forced.bloc_ratio[b];
    if (original <= 0) continue;
    bool proven = true;
    double ratio = LargestWorkingRatio(model, forced, static_cast<int>(b), deadline, &proven);
    if (!proven) answer.proven = false;
    if (ratio < 0) continue;
    ratio = std::min(ratio, original);
    if (original - ratio < best_change) {
      best_change = original - ratio;
      best_bloc = static_cast<int>(b);
      best_ratio = ratio;
    }
  }
  if (best_bloc < 0) {
    answer.outcome = "impossible";
    bool irreducible = true;
    answer.groups = FindConflict(model, forced, deadline, &irreducible);
    if (!irreducible) answer.proven = false;
    return answer;
  }
  answer.outcome = "ratio_change";
  answer.bloc = model.bloc_names[best_bloc];
  answer.ratio_before = forced.bloc_ratio[best_bloc];
  answer.ratio_after = best_ratio;
  Restrictions changed = forced;
  changed.bloc_ratio[best_bloc] = best_ratio * (1 - 1e-9);
  LexicographicResult deal = SolveLexicographic(model, changed, deadline);
  if (deal.status == StageResult::Status::kOptimal ||
      deal.status == StageResult::Status::kFeasible) {
    std::vector<double> ratios = forced.bloc_ratio;
    ratios[best_bloc] = best_ratio;
    answer.deal = MakeDeal(model, deal.chosen, &ratios);
    if (deal.status != StageResult::Status::kOptimal) answer.proven = false;
  } else {
    answer.proven = false;
  }
  return answer;
}

}  // namespace canje::solver
