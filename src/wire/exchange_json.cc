#include "wire/exchange_json.h"

#include "instance/ids.h"

namespace canje::wire {

using nlohmann::json;

namespace {

json CapJson(const std::optional<int64_t>& cap) { return cap ? json(*cap) : json(nullptr); }

}  // namespace

json RuleJson(const solver::Rule& rule) {
  json out = {{"kind", solver::RuleKindName(rule.kind)}};
  if (rule.kind != solver::Rule::Kind::kNone) out["ratio"] = rule.ratio;
  return out;
}

json ExchangeRowJson(const store::ExchangeRow& row) {
  return {{"id", negotiation::ExchangeId(row.id)},
          {"name", row.name},
          {"mediator", row.mediator},
          {"objective", row.objective},
          {"max_size", CapJson(row.max_size)},
          {"max_parties", CapJson(row.max_parties)},
          {"created_at", row.created_at},
          {"created_by", row.created_by}};
}

json ExchangeDetailsJson(const negotiation::ExchangeDetails& details, const Names& names) {
  json out = ExchangeRowJson(details.exchange);
  out["blocs"] = json::array();
  for (const auto& bloc : details.blocs) {
    out["blocs"].push_back(
        {{"name", bloc.name}, {"parties", bloc.parties}, {"rule", RuleJson(bloc.rule)}});
  }
  out["claims"] = json::array();
  for (const auto& claim : details.claims) {
    json item = {{"claim", claim.id}, {"person", instance::PersonId(claim.person_id)}};
    auto name = names.find(claim.person_id);
    if (name != names.end()) item["name"] = name->second;
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
  return out;
}

}  // namespace canje::wire
