#include "solver/solver.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "solver/conflict.h"
#include "solver/exchange_model.h"
#include "solver/lexicographic.h"
#include "solver/lp_writer.h"
#include "solver/solve_steps.h"

namespace canje::solver {

const char* SolveStatusName(SolveStatus status) {
  switch (status) {
    case SolveStatus::kOptimal:
      return "optimal";
    case SolveStatus::kFeasible:
      return "feasible";
    case SolveStatus::kInfeasible:
      return "infeasible";
    case SolveStatus::kUnknown:
      return "unknown";
  }
  return "unknown";
}

Deal MakeDeal(const ExchangeModel& model, const std::vector<int>& chosen,
              const std::vector<double>* ratios) {
  Deal deal;
  const Instance& instance = model.instance;
  std::vector<int> sorted = chosen;
  std::sort(sorted.begin(), sorted.end());
  for (int c : sorted) deal.selected.push_back(instance.candidates[c].id);
  deal.tiers = model.tiers;
  deal.tier_objective = TierObjectives(model, sorted);
  for (double v : deal.tier_objective) deal.objective += v;
  for (size_t b = 0; b < model.bloc_names.size(); ++b) {
    BlocReport report;
    report.name = model.bloc_names[b];
    report.rule = model.bloc_rules[b];
    if (ratios != nullptr) report.rule.ratio = (*ratios)[b];
    deal.blocs.push_back(report);
  }
  for (int c : sorted) {
    if (!model.CountsForBalance(c)) continue;
    const Candidate& candidate = instance.candidates[c];
    BlocReport& giver = deal.blocs[model.holder_bloc[c]];
    giver.given += 1;
    giver.cost_given += candidate.cost;
    BlocReport& receiver = deal.blocs[model.beneficiary_bloc[c]];
    receiver.received += 1;
    receiver.value_received += candidate.value;
  }
  for (BlocReport& report : deal.blocs) {
    const double tolerance = 1e-6;
    switch (report.rule.kind) {
      case Rule::Kind::kNone:
        report.holds = true;
        break;
      case Rule::Kind::kCount:
        report.holds = report.received >= report.rule.ratio * report.given - tolerance;
        break;
      case Rule::Kind::kValue:
        report.holds = report.value_received >= report.rule.ratio * report.cost_given -
                                                    tolerance * std::max(1.0, report.cost_given);
        break;
    }
  }
  return deal;
}

Result<Solution> Solve(const Instance& instance, const SolveOptions& options) {
  const auto started = Clock::now();
  const Clock::time_point deadline =
      options.time_limit_seconds > 0
          ? started + std::chrono::duration_cast<Clock::duration>(
                          std::chrono::duration<double>(options.time_limit_seconds))
          : Clock::time_point::max();
  const ExchangeModel model = BuildExchangeModel(instance);
  int require_index = -1;
  if (options.require_person) {
    require_index = model.PersonIndex(*options.require_person);
    if (require_index < 0) {
      return Status::Usage("--require: person '" + *options.require_person +
                           "' has no candidate in the instance; name a person from the "
                           "candidates' \"person\" fields");
    }
  }
  const Restrictions restrictions = Restrictions::FromInstance(model);

  Solution solution;
  LexicographicResult best = SolveLexicographic(model, restrictions, deadline);
  solution.party_nodes = best.nodes;
  solution.cbc_calls = best.cbc_calls;
  solution.status = best.status;
  if (solution.status == SolveStatus::kOptimal || solution.status == SolveStatus::kFeasible) {
    solution.deal = MakeDeal(model, best.chosen);
    solution.objective = solution.deal.objective;
    solution.bound = solution.status == SolveStatus::kOptimal
                         ? solution.deal.objective
                         : std::max(solution.deal.objective, best.bound);
    solution.excluded = ExplainExclusions(model, restrictions, best, options.explain, deadline);
    if (require_index >= 0) {
      solution.require = AnswerRequire(model, restrictions, require_index, best, deadline);
    }
  } else if (solution.status == SolveStatus::kInfeasible) {
    solution.conflict = FindConflict(model, restrictions, deadline, &solution.conflict_irreducible);
    if (require_index >= 0) {
      RequireAnswer answer;
      answer.person = *options.require_person;
      answer.outcome = "impossible";
      answer.groups = solution.conflict;
      solution.require = answer;
    }
  } else if (std::isfinite(best.bound)) {
    solution.bound = best.bound;
  }
  solution.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return solution;
}

std::string ModelAsLp(const Instance& instance, const Solution* solved) {
  const ExchangeModel model = BuildExchangeModel(instance);
  const Restrictions restrictions = Restrictions::FromInstance(model);
  std::vector<TierFloor> floors;
  const bool integral = instance.objective == Objective::kPeople;
  if (solved != nullptr && solved->objective && model.tiers.size() > 1) {
    for (size_t t = 0; t + 1 < model.tiers.size(); ++t) {
      double value = solved->deal.tier_objective[t];
      floors.push_back({static_cast<int>(t),
                        integral ? std::round(value) : value - 1e-7 * std::max(1.0, value)});
    }
  }
  std::vector<int> columns;
  Milp milp = BuildPlainMilp(model, restrictions, model.objective_of_candidate, floors, &columns);
  std::vector<std::string> comments = {
      "canje exchange model (docs/solver.md): x_<n>_<id> = 1 when candidate n (0-based, input "
      "order) is chosen;",
      "y_<party> = 1 when the party is used; rows person_<n> (persons in name order), bloc_<n> "
      "(blocs in input order), max_size, max_parties, party_<party>, tier_<priority>."};
  if (!floors.empty()) {
    comments.push_back("Earlier tiers are held at the values of the lexicographic solve.");
  }
  std::ostringstream out;
  WriteLp(milp, comments, out);
  return out.str();
}

}  // namespace canje::solver
