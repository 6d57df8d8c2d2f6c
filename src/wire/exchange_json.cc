#include "wire/exchange_json.h"

#include <map>

#include "instance/ids.h"
#include "solver/instance_json.h"
#include "solver/solution_json.h"
#include "wire/json_values.h"

namespace canje::wire {

using nlohmann::json;

json ExchangeRowJson(const store::ExchangeRow& row) {
  return {{"id", negotiation::ExchangeId(row.id)},
          {"name", row.name},
          {"mediator", row.mediator},
          {"objective", row.objective},
          {"max_size", CapJson(row.max_size)},
          {"max_parties", CapJson(row.max_parties)},
          {"created_at", row.created_at},
          {"created_by", row.created_by},
          {"occurred_at", negotiation::ExchangeStart(row)},
          {"recorded_after_the_fact", !row.occurred_at.empty()}};
}

json ExchangeDetailsJson(const negotiation::ExchangeDetails& details, const Names& names) {
  json out = ExchangeRowJson(details.exchange);
  out["blocs"] = json::array();
  for (const auto& bloc : details.blocs) {
    out["blocs"].push_back(
        {{"name", bloc.name}, {"parties", bloc.parties}, {"rule", solver::RuleToJson(bloc.rule)}});
  }
  out["claims"] = json::array();
  for (const auto& claim : details.claims) {
    json item = {{"claim", claim.id}, {"person", instance::PersonId(claim.person_id)}};
    AddName(item, names, claim.person_id);
    item.update({{"claimant", claim.claimant},
                 {"destination", claim.destination},
                 {"value", claim.value},
                 {"priority", claim.priority},
                 {"unconditional", claim.unconditional},
                 {"claimed_at", claim.claimed_at},
                 {"claimed_by", claim.claimed_by}});
    out["claims"].push_back(std::move(item));
  }
  out["costs"] = json::array();
  for (const auto& cost : details.costs) {
    out["costs"].push_back({{"person", instance::PersonId(cost.person_id)},
                            {"holder", cost.holder},
                            {"cost", cost.cost}});
  }
  out["guarantors"] = details.guarantors;
  out["observers"] = details.observers;
  return out;
}

json ExchangeParticipantJson(int64_t exchange, std::string_view role, const std::string& party,
                             bool added) {
  return {{"exchange", negotiation::ExchangeId(exchange)},
          {"role", role},
          {"party", party},
          {"change", added ? "added" : "removed"}};
}

json CapJson(const std::optional<int64_t>& cap) { return OrNull(cap); }

json ExchangeCreatedJson(int64_t exchange, const negotiation::NewExchange& created) {
  json out = {{"id", negotiation::ExchangeId(exchange)},
              {"name", created.name},
              {"mediator", created.mediator}};
  if (!created.occurred_at.empty()) out["occurred_at"] = created.occurred_at;
  return out;
}

json ExchangePartyJson(int64_t exchange, const std::string& party, const std::string& bloc) {
  return {{"exchange", negotiation::ExchangeId(exchange)}, {"party", party}, {"bloc", bloc}};
}

json BlocRuleSetJson(int64_t exchange, const std::string& bloc, const solver::Rule& rule) {
  return {{"exchange", negotiation::ExchangeId(exchange)},
          {"bloc", bloc},
          {"rule", solver::RuleToJson(rule)}};
}

json ExchangeCapsJson(int64_t exchange, const negotiation::ExchangeCaps& caps) {
  return {{"exchange", negotiation::ExchangeId(exchange)},
          {"max_size", CapJson(caps.max_size)},
          {"max_parties", CapJson(caps.max_parties)},
          {"objective", negotiation::ObjectiveName(caps.objective)}};
}

json ClaimsAddedJson(int64_t exchange, const std::string& claimant, const std::string& destination,
                     const std::vector<int64_t>& persons,
                     const negotiation::ClaimOutcome& outcome) {
  return {{"exchange", negotiation::ExchangeId(exchange)},
          {"claimant", claimant},
          {"destination", destination},
          {"persons", PersonIdsJson(persons)},
          {"added", outcome.added},
          {"kept", outcome.kept},
          {"replaced", outcome.replaced}};
}

json CostsSetJson(int64_t exchange, const std::string& holder, double cost,
                  const std::vector<int64_t>& persons) {
  return {{"exchange", negotiation::ExchangeId(exchange)},
          {"holder", holder},
          {"cost", cost},
          {"persons", PersonIdsJson(persons)}};
}

json ReasonsJson(const std::vector<negotiation::Reason>& reasons) {
  json out = json::array();
  for (const auto& reason : reasons) out.push_back({{"kind", reason.kind}, {"text", reason.text}});
  return out;
}

json CandidateJson(const solver::Candidate& candidate, const negotiation::CandidateEntry& entry,
                   const Names& names) {
  // The candidate's terms as the instance writes them, its id under "candidate".
  json out = solver::CandidateToJson(candidate);
  out.erase("id");
  out.update({{"candidate", candidate.id},
              {"claim", entry.claim_id},
              {"handover_notes", ReasonsJson(entry.handover_notes)}});
  AddName(out, names, entry.person_id);
  return out;
}

json ExcludedClaimsJson(const std::vector<negotiation::ClaimExclusion>& excluded,
                        const Names& names) {
  json out = json::array();
  for (const auto& exclusion : excluded) {
    json item = {{"claim", exclusion.claim_id},
                 {"person", instance::PersonId(exclusion.person_id)}};
    AddName(item, names, exclusion.person_id);
    item.update({{"claimant", exclusion.claimant},
                 {"destination", exclusion.destination},
                 {"reasons", ReasonsJson(exclusion.reasons)}});
    out.push_back(std::move(item));
  }
  return out;
}

json ExchangeCandidatesJson(int64_t exchange, const negotiation::ExchangeCandidates& candidates,
                            const Names& names) {
  json out = {{"exchange", negotiation::ExchangeId(exchange)}, {"date", candidates.date}};
  out["candidates"] = json::array();
  for (size_t i = 0; i < candidates.candidates.size(); ++i) {
    out["candidates"].push_back(
        CandidateJson(candidates.instance.candidates[i], candidates.candidates[i], names));
  }
  out["excluded"] = ExcludedClaimsJson(candidates.excluded, names);
  out["instance"] = solver::InstanceToJson(candidates.instance);
  return out;
}

json NotChosenJson(const std::vector<negotiation::NotChosen>& not_chosen, const Names& names) {
  json out = json::array();
  for (const auto& person : not_chosen) {
    json item = {{"person", instance::PersonId(person.person_id)}};
    AddName(item, names, person.person_id);
    item["reasons"] = ReasonsJson(person.reasons);
    out.push_back(std::move(item));
  }
  return out;
}

json DealJson(const negotiation::ExchangeCandidates& candidates,
              const std::vector<std::string>& selected, const Names& names) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < candidates.instance.candidates.size(); ++i) {
    index[candidates.instance.candidates[i].id] = i;
  }
  json out = json::array();
  for (const std::string& id : selected) {
    size_t i = index.at(id);
    out.push_back(
        CandidateJson(candidates.instance.candidates[i], candidates.candidates[i], names));
  }
  return out;
}

json ExchangeDealJson(int64_t exchange, const negotiation::ExchangeDeal& deal) {
  const solver::Solution& solution = deal.solution;
  json out = solver::SolutionToJson(solution);
  out.erase("excluded");  // merged into not_chosen, with the eligibility reasons
  out["exchange"] = negotiation::ExchangeId(exchange);
  out["date"] = deal.candidates.date;
  out["deal"] = DealJson(deal.candidates, solution.deal.selected, deal.names);
  out["not_chosen"] = NotChosenJson(deal.not_chosen, deal.names);
  if (solution.require && solution.require->deal) {
    out["require"]["deal_persons"] =
        DealJson(deal.candidates, solution.require->deal->selected, deal.names);
  }
  return out;
}

}  // namespace canje::wire
