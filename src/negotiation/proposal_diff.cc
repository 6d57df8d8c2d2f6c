#include "negotiation/proposal_diff.h"

#include <map>
#include <utility>

namespace canje::negotiation {

ProposalDiff DiffProposals(const BalanceTerms& terms, const ProposalContent& before,
                           const ProposalContent& after) {
  ProposalDiff diff;
  std::map<int64_t, const Transfer*> old_by_person;
  for (const Transfer& transfer : before.transfers) old_by_person[transfer.person_id] = &transfer;
  std::map<int64_t, const Transfer*> new_by_person;
  for (const Transfer& transfer : after.transfers) new_by_person[transfer.person_id] = &transfer;
  for (const auto& [person, transfer] : new_by_person) {
    auto old = old_by_person.find(person);
    if (old == old_by_person.end()) {
      diff.added.push_back(*transfer);
    } else if (!(*old->second == *transfer)) {
      diff.moved.push_back({*old->second, *transfer});
    }
  }
  for (const auto& [person, transfer] : old_by_person) {
    if (new_by_person.count(person) == 0) diff.removed.push_back(*transfer);
  }

  std::map<std::pair<std::string, std::string>, CountChange> counts;
  for (const DirectionCount& count : before.counts) {
    CountChange& change = counts[{count.from, count.to}];
    change.from = count.from;
    change.to = count.to;
    change.before = count.persons;
  }
  for (const DirectionCount& count : after.counts) {
    CountChange& change = counts[{count.from, count.to}];
    change.from = count.from;
    change.to = count.to;
    change.after = count.persons;
  }
  for (auto& [direction, change] : counts) diff.counts.push_back(std::move(change));

  std::map<std::string, BlocChange> blocs;
  for (const solver::BlocReport& bloc : Balance(terms, before)) {
    blocs[bloc.name].before = bloc;
    blocs[bloc.name].after.name = bloc.name;
    blocs[bloc.name].after.rule = bloc.rule;
  }
  for (const solver::BlocReport& bloc : Balance(terms, after)) {
    auto [it, added] = blocs.try_emplace(bloc.name);
    if (added) {
      it->second.before.name = bloc.name;
      it->second.before.rule = bloc.rule;
    }
    it->second.after = bloc;
  }
  for (auto& [name, change] : blocs) diff.blocs.push_back(std::move(change));
  return diff;
}

}  // namespace canje::negotiation
