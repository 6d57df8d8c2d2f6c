// Exchanges and proposals over HTTP: the same calls as `canje exchange list/show` and
// `canje proposal list/show/accept/reject` (negotiation/exchange.h, proposal_actions.h), so
// that what a party may read and do is decided in one place.
#include "core/utf8.h"
#include "negotiation/exchange.h"
#include "negotiation/exchange_solve.h"
#include "negotiation/proposal_actions.h"
#include "server/body_members.h"
#include "server/handlers.h"
#include "server/if_match.h"
#include "server/pagination.h"
#include "store/agreement_tables.h"
#include "wire/exchange_json.h"
#include "wire/proposal_json.h"

namespace canje::server {
namespace {

using nlohmann::json;

Result<Reply> GetExchanges(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(auto exchanges, negotiation::ListExchanges(call.instance));
  return PagedJsonReply(
      call, JsonArrayOf(exchanges, [&](const auto& row) { return wire::ExchangeRowJson(row); }));
}

Result<Reply> GetExchange(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(negotiation::ExchangeDetails details,
                         negotiation::LoadExchange(call.instance, id));
  std::vector<int64_t> persons;
  for (const auto& claim : details.claims) persons.push_back(claim.person_id);
  CANJE_ASSIGN_OR_RETURN(auto names, negotiation::VisibleNames(call.instance, persons));
  Reply reply = JsonReply(wire::ExchangeDetailsJson(details, names));
  reply.headers.push_back({"ETag", RevisionTag(details.revision)});
  return reply;
}

Result<Reply> GetExchangeProposals(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(auto versions, negotiation::ListProposalVersions(call.instance, id));
  return PagedJsonReply(
      call,
      JsonArrayOf(versions,
                  [&](const auto& version) { return wire::ProposalVersionJson(version); }),
      "version");
}

Result<Reply> GetProposal(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseVersionId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(negotiation::ProposalView view,
                         negotiation::LoadProposal(call.instance, id));
  std::vector<int64_t> persons;
  for (const auto& transfer : view.content.transfers) persons.push_back(transfer.person_id);
  CANJE_ASSIGN_OR_RETURN(auto names, negotiation::VisibleNames(call.instance, persons));
  Reply reply = JsonReply(wire::ProposalViewJson(view, names));
  reply.headers.push_back({"ETag", RevisionTag(view.version.revision)});
  return reply;
}

// The body of accept and reject: {"party": "VEN", "reason": "...", "expect_state": "tabled",
// "occurred_at": "2025-03-14"}.
struct ResponseBody {
  std::string party;
  std::string reason;
  std::string expect_state;
  std::string occurred_at;
};

Result<ResponseBody> ReadResponseBody(ApiCall& call, bool with_reason) {
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  std::vector<std::string> known = {"party", "expect_state", "occurred_at"};
  if (with_reason) known.push_back("reason");
  CANJE_RETURN_IF_ERROR(KnownMembers(call, body, known));
  ResponseBody parsed;
  CANJE_ASSIGN_OR_RETURN(parsed.party, TextMember(call, body, "party", true));
  CANJE_ASSIGN_OR_RETURN(parsed.expect_state, TextMember(call, body, "expect_state", false));
  CANJE_ASSIGN_OR_RETURN(parsed.occurred_at, OccurredAtMember(call, body));
  if (with_reason) {
    CANJE_ASSIGN_OR_RETURN(parsed.reason, TextMember(call, body, "reason", true));
  }
  return parsed;
}

Result<Reply> PostAccept(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseVersionId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(int64_t revision, IfMatchRevision(call, "GET /v1/proposals/{id}"));
  CANJE_ASSIGN_OR_RETURN(ResponseBody body, ReadResponseBody(call, false));
  Result<negotiation::ProposalOutcome> outcome =
      negotiation::AcceptProposal(call.instance, id, body.party, body.expect_state, revision,
                                  body.occurred_at);
  if (!outcome.ok()) {
    return RefusalWithIfMatch(call, revision, outcome.status(), VersionRevisionNow(call, id));
  }
  return JsonReply(wire::ProposalOutcomeJson(id, *outcome));
}

Result<Reply> PostReject(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseVersionId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(int64_t revision, IfMatchRevision(call, "GET /v1/proposals/{id}"));
  CANJE_ASSIGN_OR_RETURN(ResponseBody body, ReadResponseBody(call, true));
  Result<negotiation::ProposalOutcome> outcome =
      negotiation::RejectProposal(call.instance, id, body.party, body.reason, body.expect_state,
                                  revision, body.occurred_at);
  if (!outcome.ok()) {
    return RefusalWithIfMatch(call, revision, outcome.status(), VersionRevisionNow(call, id));
  }
  return JsonReply(wire::ProposalOutcomeJson(id, *outcome));
}

}  // namespace

Status AddNegotiationRoutes(Routes& routes) {
  // Observers too: the exchanges their organisation observes (negotiation::ListExchanges).
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/exchanges", {Action::kReadExecution, GetExchanges}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/v1/exchanges/{id}", {Action::kReadExchanges, GetExchange}));
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/exchanges/{id}/proposals",
                                   {Action::kReadProposals, GetExchangeProposals}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/v1/proposals/{id}", {Action::kReadProposals, GetProposal}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/proposals/{id}/accept", {Action::kRespondToProposal, PostAccept}));
  return routes.Add("POST", "/v1/proposals/{id}/reject", {Action::kRespondToProposal, PostReject});
}

}  // namespace canje::server
