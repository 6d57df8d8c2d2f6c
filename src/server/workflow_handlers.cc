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
#include "server/handlers.h"
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

// The log entry named by If-Match (`"57"`, the workflow's ETag); -1 when the header is absent
// or `*`. kUsage naming the header for anything else.
Result<int64_t> WorkflowIfMatch(ApiCall& call) {
  const auto& field = call.request["If-Match"];
  const std::string header(field.data(), field.size());
  if (header.empty() || header == "*") return int64_t{-1};
  const std::string inner = header.size() >= 3 && header.front() == '"' && header.back() == '"'
                                ? header.substr(1, header.size() - 2)
                                : "";
  if (inner.empty() || inner.size() > 18 || inner.find_first_not_of("0123456789") != inner.npos) {
    return Status::Usage(
        "If-Match must be the ETag that GET /v1/exchanges/{id}/workflow answered, such as "
        "\"57\" (one, with its quotes), or *; got " +
        QuoteUntrusted(header, 40));
  }
  return std::stoll(inner);
}

// Moves the exchange to `target` as `canje exchange advance|collapse` does. With If-Match, a
// move refused because the exchange moved since is 412 (nothing was written).
Result<Reply> MoveWorkflow(ApiCall& call, int64_t id, negotiation::ExchangeState state,
                           const std::string& reason) {
  CANJE_ASSIGN_OR_RETURN(int64_t expected, WorkflowIfMatch(call));
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
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  CANJE_RETURN_IF_ERROR(call.OnlyMembers(body, {"to"}));
  CANJE_ASSIGN_OR_RETURN(std::string target, call.StringMember(body, "to", true));
  Result<negotiation::ExchangeState> state = negotiation::ParseExchangeState(target);
  if (!state.ok()) return call.AtPointer(Status::Usage(state.status().message()), "/to");
  return MoveWorkflow(call, id, *state, "");
}

// POST /v1/exchanges/{id}/workflow/collapse {"reason": "..."}
Result<Reply> PostCollapse(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  CANJE_RETURN_IF_ERROR(call.OnlyMembers(body, {"reason"}));
  CANJE_ASSIGN_OR_RETURN(std::string reason, call.StringMember(body, "reason", true));
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
