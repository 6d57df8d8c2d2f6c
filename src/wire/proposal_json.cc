#include "wire/proposal_json.h"

#include "instance/ids.h"
#include "negotiation/exchange.h"

namespace canje::wire {

using negotiation::VersionId;
using nlohmann::json;

namespace {

std::string OptionalVersion(int64_t id) { return id == 0 ? "" : VersionId(id); }

// When a step really happened (its recorded time unless it was recorded after the fact), and
// whether it was recorded after the fact.
void AddOccurred(json& out, const std::string& occurred_at, const std::string& recorded_at) {
  out["occurred_at"] = occurred_at.empty() ? recorded_at : occurred_at;
  out["recorded_after_the_fact"] = !occurred_at.empty();
}

// null, or {"at", "occurred_at", "recorded_after_the_fact"}: when the version was tabled (null
// too for one tabled before canje kept the time; the log has it).
json TabledJson(const store::ProposalVersionRow& v) {
  if (v.tabled_at.empty()) return nullptr;
  json out = {{"at", v.tabled_at}};
  AddOccurred(out, v.tabled_occurred_at, v.tabled_at);
  return out;
}

}  // namespace

void AddName(json& out, const Names& names, int64_t person) {
  auto found = names.find(person);
  if (found != names.end()) out["name"] = found->second;
}

json BlocJson(const solver::BlocReport& bloc) {
  return {{"bloc", bloc.name},
          {"rule", solver::RuleKindName(bloc.rule.kind)},
          {"ratio", bloc.rule.ratio},
          {"given", bloc.given},
          {"received", bloc.received},
          {"cost_given", bloc.cost_given},
          {"value_received", bloc.value_received},
          {"holds", bloc.holds}};
}

json TransferJson(const negotiation::Transfer& transfer, const Names& names) {
  json out = {{"person", instance::PersonId(transfer.person_id)},
              {"from", transfer.from},
              {"to", transfer.to},
              {"beneficiary", transfer.beneficiary},
              {"unconditional", transfer.unconditional}};
  AddName(out, names, transfer.person_id);
  return out;
}

json ProposalOutcomeJson(int64_t version_id, const negotiation::ProposalOutcome& outcome) {
  return {{"version", VersionId(version_id)},
          {"state", outcome.state},
          {"changed", outcome.changed},
          {"note", outcome.note}};
}

json ProposalCreatedJson(int64_t version_id, const negotiation::ProposalView& view) {
  return {{"version", VersionId(version_id)},
          {"exchange", negotiation::ExchangeId(view.version.exchange_id)},
          {"state", view.version.state},
          {"kind", view.version.kind},
          {"counts", negotiation::FormatCounts(view.content.counts)},
          {"refers_to", OptionalVersion(view.version.refers_to)},
          {"broken_rules", view.broken_rules}};
}

json ProposalViewJson(const negotiation::ProposalView& view, const Names& names) {
  const auto& v = view.version;
  json transfers = json::array();
  for (const auto& transfer : view.content.transfers) {
    transfers.push_back(TransferJson(transfer, names));
  }
  json responses = json::array();
  for (const auto& response : view.responses) {
    json item = {{"party", response.party},
                 {"response", response.response},
                 {"reason", response.reason},
                 {"by", response.responded_by},
                 {"at", response.responded_at}};
    AddOccurred(item, response.occurred_at, response.responded_at);
    responses.push_back(std::move(item));
  }
  json balance = json::array();
  for (const auto& bloc : view.balance) balance.push_back(BlocJson(bloc));
  json children = json::array();
  for (const auto& child : view.children) children.push_back(VersionId(child.id));
  json out = {{"version", VersionId(v.id)},
              {"exchange", negotiation::ExchangeId(v.exchange_id)},
              {"exchange_name", view.exchange_name},
              {"state", v.state},
              {"revision", v.revision},
              {"kind", v.kind},
              {"source", v.source},
              {"parent", OptionalVersion(v.parent_id)},
              {"refers_to", OptionalVersion(v.refers_to)},
              {"counter_proposals", children},
              {"created_by", v.created_by},
              {"created_party", v.created_party},
              {"created_at", v.created_at},
              {"tabled", TabledJson(v)},
              {"counts", negotiation::FormatCounts(view.content.counts)},
              {"transfers", transfers},
              {"parties", view.parties},
              {"guarantors", view.guarantors},
              {"responses", responses},
              {"balance", balance},
              {"broken_rules", view.broken_rules}};
  AddOccurred(out, v.occurred_at, v.created_at);
  if (view.override_row) {
    out["override"] = {{"justification", view.override_row->justification},
                       {"blocs", view.override_row->blocs},
                       {"by", view.override_row->overridden_by},
                       {"at", view.override_row->overridden_at}};
  }
  return out;
}

json ProposalVersionJson(const store::ProposalVersionRow& v) {
  json out = {{"version", VersionId(v.id)},
              {"state", v.state},
              {"kind", v.kind},
              {"parent", OptionalVersion(v.parent_id)},
              {"created_by", v.created_by},
              {"created_party", v.created_party},
              {"created_at", v.created_at},
              {"tabled", TabledJson(v)}};
  AddOccurred(out, v.occurred_at, v.created_at);
  return out;
}

json ProposalDiffJson(int64_t before, int64_t after, const negotiation::ProposalDiff& diff,
                      const Names& names) {
  json added = json::array(), removed = json::array(), moved = json::array();
  for (const auto& t : diff.added) added.push_back(TransferJson(t, names));
  for (const auto& t : diff.removed) removed.push_back(TransferJson(t, names));
  for (const auto& m : diff.moved) {
    moved.push_back(
        {{"before", TransferJson(m.before, names)}, {"after", TransferJson(m.after, names)}});
  }
  json counts = json::array(), blocs = json::array();
  for (const auto& c : diff.counts) {
    counts.push_back({{"from", c.from}, {"to", c.to}, {"before", c.before}, {"after", c.after}});
  }
  for (const auto& bloc : diff.blocs) {
    blocs.push_back({{"bloc", bloc.after.name},
                     {"before", BlocJson(bloc.before)},
                     {"after", BlocJson(bloc.after)}});
  }
  return {{"from", VersionId(before)},
          {"to", VersionId(after)},
          {"added", added},
          {"removed", removed},
          {"moved", moved},
          {"counts", counts},
          {"blocs", blocs}};
}

}  // namespace canje::wire
