#include "solver/solution_json.h"

#include "solver/instance_json.h"

namespace canje::solver {
namespace {

using nlohmann::json;

json GroupsToJson(const std::vector<ConstraintGroup>& groups) {
  json out = json::array();
  for (const ConstraintGroup& group : groups) {
    out.push_back({{"group", group.path}, {"description", group.description}});
  }
  return out;
}

json BlocsToJson(const std::vector<BlocReport>& blocs) {
  json out = json::array();
  for (const BlocReport& bloc : blocs) {
    out.push_back({{"name", bloc.name},
                   {"given", bloc.given},
                   {"received", bloc.received},
                   {"cost_given", bloc.cost_given},
                   {"value_received", bloc.value_received},
                   {"rule", RuleToJson(bloc.rule)},
                   {"holds", bloc.holds}});
  }
  return out;
}

}  // namespace

json DealToJson(const Deal& deal) {
  json tiers = json::array();
  for (size_t t = 0; t < deal.tiers.size(); ++t) {
    tiers.push_back({{"priority", deal.tiers[t]}, {"objective", deal.tier_objective[t]}});
  }
  return {{"selected", deal.selected},
          {"objective", deal.objective},
          {"tiers", tiers},
          {"blocs", BlocsToJson(deal.blocs)}};
}

json SolutionToJson(const Solution& solution) {
  json out;
  out["status"] = SolveStatusName(solution.status);
  out["objective"] = solution.objective ? json(*solution.objective) : json(nullptr);
  out["bound"] = solution.bound ? json(*solution.bound) : json(nullptr);
  out["selected"] = solution.deal.selected;
  json tiers = json::array();
  for (size_t t = 0; t < solution.deal.tiers.size(); ++t) {
    tiers.push_back(
        {{"priority", solution.deal.tiers[t]}, {"objective", solution.deal.tier_objective[t]}});
  }
  out["tiers"] = tiers;
  out["blocs"] = BlocsToJson(solution.deal.blocs);
  json excluded = json::array();
  for (const Exclusion& exclusion : solution.excluded) {
    json reasons = json::array();
    for (const Reason& reason : exclusion.reasons) {
      json item = {{"code", reason.code}, {"text", reason.text}};
      if (!reason.groups.empty()) item["groups"] = GroupsToJson(reason.groups);
      reasons.push_back(item);
    }
    excluded.push_back({{"person", exclusion.person}, {"reasons", reasons}});
  }
  out["excluded"] = excluded;
  out["conflict"] = GroupsToJson(solution.conflict);
  if (solution.status == SolveStatus::kInfeasible) {
    out["conflict_irreducible"] = solution.conflict_irreducible;
  }
  if (solution.require) {
    const RequireAnswer& answer = *solution.require;
    json require = {
        {"person", answer.person}, {"outcome", answer.outcome}, {"proven", answer.proven}};
    if (answer.outcome == "ratio_change") {
      require["bloc"] = answer.bloc;
      require["ratio_before"] = answer.ratio_before;
      require["ratio_after"] = answer.ratio_after;
    }
    if (answer.deal) require["deal"] = DealToJson(*answer.deal);
    if (!answer.groups.empty()) require["groups"] = GroupsToJson(answer.groups);
    out["require"] = require;
  }
  out["seconds"] = solution.seconds;
  out["search"] = {{"party_nodes", solution.party_nodes}, {"cbc_calls", solution.cbc_calls}};
  return out;
}

}  // namespace canje::solver
