// GET /v1/link/status?party=VEN&list=L3: the counts of `canje link status` (aggregates, which
// every role may see; the people behind them are not served here).
#include "instance/ids.h"
#include "reconciliation/statuses.h"
#include "server/handlers.h"
#include "wire/reconciliation_json.h"

namespace canje::server {

Status AddReconciliationRoutes(Routes& routes) {
  return routes.Add("GET", "/v1/link/status", [](ApiCall& call) -> Result<Reply> {
    int64_t list_id = 0;
    if (std::string list = call.Query("list"); !list.empty()) {
      Result<int64_t> parsed = instance::ParseId(list, 'L', "list");
      if (!parsed.ok()) return call.AtParameter(parsed.status(), "list");
      list_id = *parsed;
    }
    CANJE_ASSIGN_OR_RETURN(reconciliation::ReconciliationStatus status,
                           reconciliation::ReadStatus(call.instance));
    return JsonReply(wire::ReconciliationCountsJson(status, call.Query("party"), list_id));
  });
}

}  // namespace canje::server
