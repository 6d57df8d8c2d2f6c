#include "solver/deal_checker.h"

#include <map>
#include <set>

namespace canje::solver::testing {

std::vector<std::string> RuleViolations(const Instance& instance,
                                        const std::vector<std::string>& selected) {
  std::vector<std::string> problems;
  std::map<std::string, const Candidate*> by_id;
  for (const Candidate& candidate : instance.candidates) by_id[candidate.id] = &candidate;
  std::map<std::string, std::string> bloc_of;  // party -> bloc name (lone parties: themselves)
  for (const Bloc& bloc : instance.blocs) {
    for (const std::string& party : bloc.parties) bloc_of[party] = bloc.name;
  }
  auto bloc = [&](const std::string& party) {
    auto it = bloc_of.find(party);
    return it == bloc_of.end() ? "lone:" + party : it->second;
  };

  std::set<std::string> persons, parties, ids;
  std::map<std::string, double> received_count, given_count, received_value, given_cost;
  for (const std::string& id : selected) {
    if (!ids.insert(id).second) problems.push_back("candidate " + id + " chosen twice");
    auto it = by_id.find(id);
    if (it == by_id.end()) {
      problems.push_back("unknown candidate " + id);
      continue;
    }
    const Candidate& c = *it->second;
    if (!persons.insert(c.person).second) problems.push_back("person " + c.person + " twice");
    parties.insert({c.from, c.to, c.beneficiary});
    if (c.unconditional) continue;
    const std::string holder = bloc(c.from), claimant = bloc(c.beneficiary);
    if (holder == claimant) continue;
    received_count[claimant] += 1;
    received_value[claimant] += c.value;
    given_count[holder] += 1;
    given_cost[holder] += c.cost;
  }
  for (const std::string& person : instance.must_include) {
    if (persons.count(person) == 0) problems.push_back("must_include " + person + " missing");
  }
  for (const std::string& person : instance.must_exclude) {
    if (persons.count(person) != 0) problems.push_back("must_exclude " + person + " chosen");
  }
  if (instance.max_size && static_cast<int>(selected.size()) > *instance.max_size) {
    problems.push_back("more than max_size");
  }
  if (instance.max_parties && static_cast<int>(parties.size()) > *instance.max_parties) {
    problems.push_back("more than max_parties");
  }
  for (const Bloc& b : instance.blocs) {
    const double r = b.rule.ratio;
    if (b.rule.kind == Rule::Kind::kCount &&
        received_count[b.name] < r * given_count[b.name] - 1e-6) {
      problems.push_back("bloc " + b.name + " count rule");
    }
    if (b.rule.kind == Rule::Kind::kValue &&
        received_value[b.name] < r * given_cost[b.name] - 1e-6) {
      problems.push_back("bloc " + b.name + " value rule");
    }
  }
  return problems;
}

std::vector<double> ObjectiveByPriority(const Instance& instance,
                                        const std::vector<std::string>& selected) {
  std::map<int, double> totals;
  for (const Candidate& candidate : instance.candidates) totals[candidate.priority] += 0;
  std::set<std::string> chosen(selected.begin(), selected.end());
  for (const Candidate& candidate : instance.candidates) {
    if (chosen.count(candidate.id) == 0) continue;
    totals[candidate.priority] += instance.objective == Objective::kPeople ? 1.0 : candidate.value;
  }
  std::vector<double> out;
  for (const auto& [priority, total] : totals) out.push_back(total);
  return out;
}

}  // namespace canje::solver::testing
