// An exchange's execution over HTTP: the same calls as `canje exchange readiness`, `canje
// handover list` and `canje exchange reconcile --json` (negotiation/execution.h), so that what
// a party reads of the persons and why they do not travel is decided in one place.
#include "negotiation/exchange.h"
#include "negotiation/exchange_solve.h"
#include "negotiation/execution.h"
#include "server/handlers.h"
#include "wire/execution_json.h"

namespace canje::server {
namespace {

using nlohmann::json;

// GET /v1/exchanges/{id}/readiness?date=YYYY-MM-DD
Result<Reply> GetReadiness(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(negotiation::ReadinessReport report,
                         negotiation::ExchangeReadiness(call.instance, id, call.Query("date")));
  CANJE_ASSIGN_OR_RETURN(auto names,
                         negotiation::VisibleNames(call.instance, wire::PersonsOf(report)));
  return JsonReply(wire::ReadinessJson(report, names));
}

// GET /v1/exchanges/{id}/handovers
Result<Reply> GetHandovers(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(auto rows, negotiation::ListHandovers(call.instance, id));
  std::vector<int64_t> persons;
  for (const auto& row : rows) persons.push_back(row.person_id);
  CANJE_ASSIGN_OR_RETURN(auto names, negotiation::VisibleNames(call.instance, persons));
  json out = json::array();
  for (const auto& row : rows) out.push_back(wire::HandoverJson(row, names));
  return JsonReply(out);
}

// GET /v1/exchanges/{id}/reconciliation?date=YYYY-MM-DD
Result<Reply> GetReconciliation(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(negotiation::ExchangeReconciliation reconciliation,
                         negotiation::ReconcileExchange(call.instance, id, call.Query("date")));
  CANJE_ASSIGN_OR_RETURN(auto names,
                         negotiation::VisibleNames(call.instance, wire::PersonsOf(reconciliation)));
  return JsonReply(wire::ReconciliationJson(reconciliation, names));
}

}  // namespace

Status AddExecutionRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/v1/exchanges/{id}/readiness", {Action::kReadExecution, GetReadiness}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/v1/exchanges/{id}/handovers", {Action::kReadExecution, GetHandovers}));
  return routes.Add("GET", "/v1/exchanges/{id}/reconciliation",
                    {Action::kReadExecution, GetReconciliation});
}

}  // namespace canje::server
