// Why each person with candidates is out of the deal (Solve, --explain).
#include <set>

#include "core/text.h"
#include "solver/conflict.h"
#include "solver/solve_steps.h"

namespace canje::solver {
namespace {

// The first tier where `forced` falls short of `best`, in words.
std::string DisplacementText(const ExchangeModel& model, const std::vector<double>& best,
                             const std::vector<double>& forced) {
  const char* unit = model.instance.objective == Objective::kPeople ? "people" : "value";
  for (size_t t = 0; t < best.size(); ++t) {
    if (CompareTiers({forced[t]}, {best[t]}) < 0) {
      return "with them the best deal reaches " + NumberText(forced[t]) + " " + unit +
             " in priority " + std::to_string(model.tiers[t]) + " instead of " +
             NumberText(best[t]);
    }
  }
  return "with them the best deal is worse";
}

Reason ExplainOne(const ExchangeModel& model, const Restrictions& restrictions, int person,
                  const LexicographicResult& best, Clock::time_point deadline) {
  Restrictions forced = restrictions;
  forced.person_state[person] = 1;
  LexicographicResult with = SolveLexicographic(model, forced, deadline);
  Reason reason;
  switch (with.status) {
    case StageResult::Status::kInfeasible: {
      bool irreducible = true;
      reason.code = "breaks";
      reason.groups = FindConflict(model, forced, deadline, &irreducible);
      std::string list;
      for (const ConstraintGroup& group : reason.groups) {
        list += (list.empty() ? "" : "; ") + group.description + " (" + group.path + ")";
      }
      reason.text = "no deal with them keeps " + (list.empty() ? "the rules" : list);
      if (!irreducible) reason.text += " (time limit: the list may be longer than needed)";
      break;
    }
    case StageResult::Status::kUnknown:
      reason.code = "not_examined";
      reason.text = "the time limit ran out before a deal with them was found";
      break;
    case StageResult::Status::kOptimal:
    case StageResult::Status::kFeasible: {
      const int order = CompareTiers(with.tier_objective, best.tier_objective);
      if (order < 0) {
        reason.code = "displaces";
        reason.text = DisplacementText(model, best.tier_objective, with.tier_objective);
      } else {
        reason.code = "tie";
        reason.text = "an equally good deal includes them; the solver chose another";
      }
      if (with.status == StageResult::Status::kFeasible) {
        reason.text += " (time limit: not proven)";
      }
      break;
    }
  }
  return reason;
}

}  // namespace

std::vector<Exclusion> ExplainExclusions(const ExchangeModel& model,
                                         const Restrictions& restrictions,
                                         const LexicographicResult& best, bool explain,
                                         Clock::time_point deadline) {
  std::set<int> chosen_persons;
  for (int c : best.chosen) chosen_persons.insert(model.person_of_candidate[c]);
  std::vector<Exclusion> excluded;
  for (size_t person = 0; person < model.persons.size(); ++person) {
    if (chosen_persons.count(static_cast<int>(person)) != 0) continue;
    Exclusion exclusion;
    exclusion.person = model.persons[person];
    if (restrictions.person_state[person] == -1) {
      exclusion.reasons.push_back({"must_exclude", "the instance lists them in must_exclude", {}});
    } else if (explain) {
      if (Clock::now() >= deadline) {
        exclusion.reasons.push_back(
            {"not_examined", "the time limit ran out before this person was examined", {}});
      } else {
        exclusion.reasons.push_back(
            ExplainOne(model, restrictions, static_cast<int>(person), best, deadline));
      }
    }
    excluded.push_back(std::move(exclusion));
  }
  return excluded;
}

}  // namespace canje::solver
