// Proposal versions over HTTP: creating one in an exchange or as a counter to another, tabling,
// the diff between two, the mediator's override and the manifest a party signs — the use cases
// of `canje proposal create|table|diff|override|manifest` (negotiation/proposal_actions.h),
// with the same JSON as their --json (wire/proposal_json.h) and the manifest's exact bytes.
// Table and override take If-Match with the ETag of GET /v1/proposals/{id} (server/if_match.h).
#include <cstdint>
#include <string>
#include <vector>

#include "negotiation/exchange.h"
#include "negotiation/exchange_solve.h"
#include "negotiation/proposal.h"
#include "negotiation/proposal_actions.h"
#include "server/body_members.h"
#include "server/handlers.h"
#include "server/if_match.h"
#include "wire/proposal_json.h"

namespace canje::server {
namespace {

using nlohmann::json;

constexpr std::string_view kVersionReadWith = "GET /v1/proposals/{id}";

// The body of a new version: one of "from_solve": true, "transfers_csv" (the CSV of `canje
// proposal create --transfers`, as text) and "counts" ("SLV>VEN=2,VEN>SLV=2"); "date";
// "occurred_at".
Result<negotiation::NewProposal> ReadNewProposal(ApiCall& call, const json& body) {
  negotiation::NewProposal proposal;
  CANJE_ASSIGN_OR_RETURN(proposal.date, TextMember(call, body, "date", false));
  CANJE_ASSIGN_OR_RETURN(proposal.occurred_at, OccurredAtMember(call, body));
  CANJE_ASSIGN_OR_RETURN(std::string csv, TextMember(call, body, "transfers_csv", false));
  CANJE_ASSIGN_OR_RETURN(std::string counts, TextMember(call, body, "counts", false));
  bool from_solve = false;
  if (auto found = body.find("from_solve"); found != body.end()) {
    if (!found->is_boolean()) {
      return call.AtPointer(Status::Usage("\"from_solve\" must be true or false"), "/from_solve");
    }
    from_solve = found->get<bool>();
  }
  if ((from_solve ? 1 : 0) + (csv.empty() ? 0 : 1) + (counts.empty() ? 0 : 1) != 1) {
    return call.AtPointer(Status::Usage("give exactly one of \"from_solve\": true, "
                                        "\"transfers_csv\" (person,from,to[,beneficiary,"
                                        "unconditional] lines) or \"counts\" "
                                        "(\"SLV>VEN=252,VEN>SLV=252\")"),
                          "");
  }
  if (from_solve) {
    proposal.source = negotiation::NewProposal::Source::kSolver;
  } else if (!csv.empty()) {
    proposal.source = negotiation::NewProposal::Source::kTransfers;
    Result<std::vector<negotiation::Transfer>> transfers =
        negotiation::ParseTransfersCsv(csv, "transfers_csv");
    if (!transfers.ok()) return call.AtPointer(transfers.status(), "/transfers_csv");
    proposal.transfers = std::move(*transfers);
  } else {
    proposal.source = negotiation::NewProposal::Source::kCounts;
    Result<std::vector<negotiation::DirectionCount>> parsed = negotiation::ParseCounts(counts);
    if (!parsed.ok()) return call.AtPointer(parsed.status(), "/counts");
    proposal.counts = std::move(*parsed);
  }
  return proposal;
}

// Answers 201 with `canje proposal create --json` for version `id` (just created), and its
// Location.
Result<Reply> CreatedVersionReply(ApiCall& call, int64_t id) {
  CANJE_ASSIGN_OR_RETURN(negotiation::ProposalView view,
                         negotiation::LoadProposal(call.instance, id));
  Reply reply = JsonReply(wire::ProposalCreatedJson(id, view), 201);
  reply.headers.emplace_back("Location", "/v1/proposals/" + negotiation::VersionId(id));
  return reply;
}

Result<Reply> PostExchangeProposal(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t exchange, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"from_solve", "transfers_csv", "counts",
                                                           "parent", "date", "occurred_at"}));
  CANJE_ASSIGN_OR_RETURN(negotiation::NewProposal proposal, ReadNewProposal(call, body));
  proposal.exchange_id = exchange;
  CANJE_ASSIGN_OR_RETURN(std::string parent, TextMember(call, body, "parent", false));
  if (!parent.empty()) {
    Result<int64_t> parent_id = negotiation::ParseVersionId(parent);
    if (!parent_id.ok()) return call.AtPointer(parent_id.status(), "/parent");
    proposal.parent_id = *parent_id;
  }
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::CreateProposal(call.instance, proposal));
  return CreatedVersionReply(call, id);
}

// A counter-proposal to version {id}: `canje proposal create X --parent V`, in its exchange.
Result<Reply> PostCounter(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t parent, negotiation::ParseVersionId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"from_solve", "transfers_csv", "counts",
                                                           "date", "occurred_at"}));
  CANJE_ASSIGN_OR_RETURN(negotiation::NewProposal proposal, ReadNewProposal(call, body));
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::CounterProposal(call.instance, parent, proposal));
  return CreatedVersionReply(call, id);
}

Result<Reply> PostTable(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseVersionId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(int64_t revision, IfMatchRevision(call, kVersionReadWith));
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"expect_state", "occurred_at"}));
  CANJE_ASSIGN_OR_RETURN(std::string expect_state, TextMember(call, body, "expect_state", false));
  CANJE_ASSIGN_OR_RETURN(std::string occurred_at, OccurredAtMember(call, body));
  Result<negotiation::ProposalOutcome> outcome =
      negotiation::TableProposal(call.instance, id, expect_state, revision, occurred_at);
  if (!outcome.ok()) {
    return RefusalWithIfMatch(call, revision, outcome.status(), VersionRevisionNow(call, id));
  }
  return JsonReply(wire::ProposalOutcomeJson(id, *outcome));
}

Result<Reply> PostOverride(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseVersionId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(int64_t revision, IfMatchRevision(call, kVersionReadWith));
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"justification"}));
  CANJE_ASSIGN_OR_RETURN(std::string justification, TextMember(call, body, "justification", true));
  Result<negotiation::ProposalOutcome> outcome =
      negotiation::OverrideProposal(call.instance, id, justification, revision);
  if (!outcome.ok()) {
    return RefusalWithIfMatch(call, revision, outcome.status(), VersionRevisionNow(call, id));
  }
  return JsonReply(wire::ProposalOutcomeJson(id, *outcome));
}

// `canje proposal diff A B` as GET /v1/proposals/B/diff?against=A.
Result<Reply> GetDiff(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t after, negotiation::ParseVersionId(call.Param("id")));
  const std::string against = call.Query("against");
  if (against.empty()) {
    return call.AtParameter(Status::Usage("name the earlier version: ?against=V1"), "against");
  }
  Result<int64_t> before = negotiation::ParseVersionId(against);
  if (!before.ok()) return call.AtParameter(before.status(), "against");
  CANJE_ASSIGN_OR_RETURN(negotiation::ProposalDiff diff,
                         negotiation::DiffVersions(call.instance, *before, after));
  std::vector<int64_t> persons;
  for (const auto& t : diff.added) persons.push_back(t.person_id);
  for (const auto& t : diff.removed) persons.push_back(t.person_id);
  for (const auto& m : diff.moved) persons.push_back(m.after.person_id);
  CANJE_ASSIGN_OR_RETURN(auto names, negotiation::VisibleNames(call.instance, persons));
  return JsonReply(wire::ProposalDiffJson(*before, after, diff, names));
}

// The manifest's bytes exactly as `canje proposal manifest` prints them: what a party signs.
Result<Reply> GetManifest(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseVersionId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(std::string bytes, negotiation::ProposalManifest(call.instance, id));
  Reply reply;
  reply.body = std::move(bytes);
  return reply;
}

}  // namespace

Status AddProposalRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(routes.Add("POST", "/v1/exchanges/{id}/proposals",
                                   {Action::kDraftProposal, PostExchangeProposal}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/proposals/{id}/counter", {Action::kDraftProposal, PostCounter}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/proposals/{id}/table", {Action::kDraftProposal, PostTable}));
  CANJE_RETURN_IF_ERROR(routes.Add("POST", "/v1/proposals/{id}/override",
                                   {Action::kOverrideBalanceRule, PostOverride}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/v1/proposals/{id}/diff", {Action::kReadProposals, GetDiff}));
  return routes.Add("GET", "/v1/proposals/{id}/manifest", {Action::kReadProposals, GetManifest});
}

}  // namespace canje::server
