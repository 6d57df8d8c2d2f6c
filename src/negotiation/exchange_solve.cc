#include "negotiation/exchange_solve.h"

#include <algorithm>
#include <set>

#include "instance/ids.h"
#include "registry/person_directory.h"

namespace canje::negotiation {
namespace {

void AddUnique(std::vector<Reason>& reasons, Reason reason) {
  if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) {
    reasons.push_back(std::move(reason));
  }
}

std::string JoinReasons(const std::vector<Reason>& reasons) {
  std::string text;
  for (const Reason& reason : reasons) text += (text.empty() ? "" : "; ") + reason.text;
  return text;
}

}  // namespace

Reason SolverReason(const solver::Reason& reason) {
  std::string text = reason.text;
  for (const solver::ConstraintGroup& group : reason.groups) {
    text += (text.empty() ? "" : "; ") + group.description;
  }
  if (text.empty()) text = reason.code;
  return {reason.code, text};
}

Result<std::map<int64_t, std::string>> VisibleNames(instance::Instance& instance,
                                                    const std::vector<int64_t>& person_ids) {
  std::map<int64_t, std::string> names;
  for (int64_t id : person_ids) {
    if (names.count(id)) continue;
    Result<registry::PersonDetails> details = registry::ShowPerson(instance, id);
    if (!details.ok()) {
      if (details.status().code() == StatusCode::kNotFound) continue;  // not to be seen
      return details.status();
    }
    names[id] = details->person.erased ? "(erased)" : details->person.record.name.Display();
  }
  return names;
}

Result<ExchangeDeal> SolveExchange(instance::Instance& instance, int64_t exchange_id,
                                   const SolveExchangeOptions& options) {
  ExchangeDeal deal;
  CANJE_ASSIGN_OR_RETURN(deal.candidates, BuildCandidates(instance, exchange_id, options.date));
  const ExchangeCandidates& candidates = deal.candidates;

  std::set<int64_t> with_candidates;
  for (const CandidateEntry& entry : candidates.candidates) with_candidates.insert(entry.person_id);

  solver::SolveOptions solve_options;
  solve_options.explain = options.explain;
  solve_options.time_limit_seconds = options.time_limit_seconds;
  if (options.require_person) {
    int64_t person = *options.require_person;
    if (!with_candidates.count(person)) {
      std::vector<Reason> reasons;
      for (const ClaimExclusion& exclusion : candidates.excluded) {
        if (exclusion.person_id != person) continue;
        for (const Reason& reason : exclusion.reasons) AddUnique(reasons, reason);
      }
      if (reasons.empty()) {
        return Status::Invalid(instance::PersonId(person) + " is not claimed in " +
                               ExchangeId(exchange_id) +
                               "; claim them with `canje exchange claim`");
      }
      return Status::Invalid(instance::PersonId(person) + " cannot be in any deal of " +
                             ExchangeId(exchange_id) + ": " + JoinReasons(reasons));
    }
    solve_options.require_person = instance::PersonId(person);
  }
  CANJE_ASSIGN_OR_RETURN(deal.solution, solver::Solve(candidates.instance, solve_options));

  // Who is in the deal.
  std::set<std::string> selected(deal.solution.deal.selected.begin(),
                                 deal.solution.deal.selected.end());
  std::set<int64_t> chosen;
  for (size_t i = 0; i < candidates.instance.candidates.size(); ++i) {
    if (selected.count(candidates.instance.candidates[i].id)) {
      chosen.insert(candidates.candidates[i].person_id);
    }
  }
  // Everyone claimed and not chosen: eligibility first, then the solver.
  std::map<int64_t, std::vector<Reason>> reasons;
  for (const ClaimExclusion& exclusion : candidates.excluded) {
    if (chosen.count(exclusion.person_id)) continue;
    for (const Reason& reason : exclusion.reasons) AddUnique(reasons[exclusion.person_id], reason);
  }
  std::set<int64_t> explained;
  for (const solver::Exclusion& exclusion : deal.solution.excluded) {
    CANJE_ASSIGN_OR_RETURN(int64_t person, instance::ParseId(exclusion.person, 'P', "person"));
    explained.insert(person);
    if (exclusion.reasons.empty()) {
      AddUnique(reasons[person], {"not_chosen", "not in the best deal (--explain says why)"});
    }
    for (const solver::Reason& reason : exclusion.reasons) {
      AddUnique(reasons[person], SolverReason(reason));
    }
  }
  for (int64_t person : with_candidates) {
    if (!chosen.count(person) && !explained.count(person)) {
      AddUnique(reasons[person],
                {"no_deal", std::string("no deal was found (solver status ") +
                                solver::SolveStatusName(deal.solution.status) + ")"});
    }
  }
  for (auto& [person, list] : reasons) deal.not_chosen.push_back({person, std::move(list)});

  std::vector<int64_t> persons;
  for (const auto& claim : candidates.details.claims) persons.push_back(claim.person_id);
  CANJE_ASSIGN_OR_RETURN(deal.names, VisibleNames(instance, persons));
  return deal;
}

}  // namespace canje::negotiation
