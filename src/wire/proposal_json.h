// The JSON forms of proposals (negotiation/proposal_actions.h): a version with its transfers,
// balance and responses; the versions of an exchange; a diff; the outcome of a state change.
// Shared by `canje proposal ... --json` and the HTTP API.
//
// Names: a transfer carries "name" only when `names` has the person (VisibleNames: the
// acting user's need to know was applied by the core).
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "negotiation/proposal_actions.h"

namespace canje::wire {

using Names = std::map<int64_t, std::string>;

// Adds "name" to `out` when `names` has `person`.
void AddName(nlohmann::json& out, const Names& names, int64_t person);

// {"bloc", "rule", "ratio", "given", "received", "cost_given", "value_received", "holds"}
nlohmann::json BlocJson(const solver::BlocReport& bloc);
// {"person": "P17", "from", "to", "beneficiary", "unconditional", "name"?}
nlohmann::json TransferJson(const negotiation::Transfer& transfer, const Names& names);
// {"version": "V3", "state", "changed", "note"}
nlohmann::json ProposalOutcomeJson(int64_t version_id, const negotiation::ProposalOutcome& outcome);
// What `proposal create` reports: {"version", "exchange", "state", "kind", "counts",
// "refers_to", "broken_rules"}
nlohmann::json ProposalCreatedJson(int64_t version_id, const negotiation::ProposalView& view);
// Times: each step says when it was recorded ("created_at", a response's "at", "tabled"."at")
// and when it really happened ("occurred_at": the same time unless the step was recorded after
// the fact, negotiation/occurred_at.h), with "recorded_after_the_fact".
//
// A whole version (`proposal show`).
nlohmann::json ProposalViewJson(const negotiation::ProposalView& view, const Names& names);
// One line of `proposal list`: {"version", "state", "kind", "parent", "created_by",
// "created_party", "created_at", "occurred_at", "recorded_after_the_fact", "tabled"}
nlohmann::json ProposalVersionJson(const store::ProposalVersionRow& version);
// `proposal diff A B`.
nlohmann::json ProposalDiffJson(int64_t before, int64_t after,
                                const negotiation::ProposalDiff& diff, const Names& names);

}  // namespace canje::wire
