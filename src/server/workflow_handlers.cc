// An exchange's workflow over HTTP: GET /v1/exchanges/{id}/workflow, POST .../workflow/advance
// and POST .../workflow/collapse — the use cases of `canje exchange state|advance|collapse`
// (negotiation/workflow_actions.h, witness_policy.h), with the same JSON
// (wire::ExchangeStateJson). The workflow's ETag is the log entry of the exchange's last move
// ("0" before its first); a move sent with If-Match is written only while that is still so.
#include <string>

#include "core/utf8.h"
#include "negotiation/exchange.h"
#include "negotiation/witness_policy.h"
#include "negotiation/workflow_actions.h"
#include "server/body_members.h"
#include "server/handlers.h"
#include "server/if_match.h"
#include "wire/agreement_json.h"

namespace canje::server {
namespace {

using nlohmann::json;

std::string WorkflowTag(const store::ExchangeStateRow& row) {
  return "\"" + std::to_string(row.event_seq) + "\"";
}

// GET /v1/exchanges/{id}/workflow: `canje exchange state X1 --json`.
Result<Reply> GetWorkflow(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(negotiation::WorkflowFinality status,
                         negotiation::ExchangeWorkflowFinality(call.instance, id));
  Reply reply = JsonReply(wire::ExchangeStateJson(status.state, &status));
  reply.headers.emplace_back("ETag", WorkflowTag(status.state));
  return reply;
}

// Moves the exchange to `target` as `canje exchange advance|collapse` does. With If-Match, a
// move refused because the exchange moved since is 412 (nothing was written).
Result<Reply> MoveWorkflow(ApiCall& call, int64_t id, negotiation::ExchangeState state,
                           const std::string& reason) {
  // The workflow's ETag is the log entry of its last move; -1: no If-Match.
  CANJE_ASSIGN_OR_RETURN(std::optional<int64_t> if_match,
                         IfMatchNumber(call, "GET /v1/exchanges/{id}/workflow"));
  const int64_t expected = if_match.value_or(-1);
  Result<store::ExchangeStateRow> moved =
      negotiation::ChangeExchangeState(call.instance, id, state, reason, expected);
  if (!moved.ok()) {
    if (expected >= 0 && moved.status().code() == StatusCode::kConflict) {
      call.problem =
          NamedProblem(412, "precondition_failed", "Precondition failed", moved.status().message());
    }
    return moved.status();
  }
  Reply reply = JsonReply(wire::ExchangeStateJson(*moved, nullptr));
  reply.headers.emplace_back("ETag", WorkflowTag(*moved));
  return reply;
}

// POST /v1/exchanges/{id}/workflow/advance {"to": "verifying"}
Result<Reply> PostAdvance(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"to"}));
  CANJE_ASSIGN_OR_RETURN(std::string target, TextMember(call, body, "to", true));
  Result<negotiation::ExchangeState> state = negotiation::ParseExchangeState(target);
  if (!state.ok()) return call.AtPointer(Status::Usage(state.status().message()), "/to");
  return MoveWorkflow(call, id, *state, "");
}

// POST /v1/exchanges/{id}/workflow/collapse {"reason": "..."}
Result<Reply> PostCollapse(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"reason"}));
  CANJE_ASSIGN_OR_RETURN(std::string reason, TextMember(call, body, "reason", true));
  return MoveWorkflow(call, id, negotiation::ExchangeState::kCollapsed, reason);
}

}  // namespace

Status AddWorkflowRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/v1/exchanges/{id}/workflow", {Action::kReadProposals, GetWorkflow}));
  CANJE_RETURN_IF_ERROR(routes.Add("POST", "/v1/exchanges/{id}/workflow/advance",
                                   {Action::kChangeExchangeState, PostAdvance}));
  return routes.Add("POST", "/v1/exchanges/{id}/workflow/collapse",
                    {Action::kChangeExchangeState, PostCollapse});
}

}  // namespace canje::server
