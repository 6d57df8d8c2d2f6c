// GET /v1/link/status?party=VEN&list=L3&people=true: the counts of `canje link status`
// (aggregates, which every role may see) and, with people=true, the people behind them as
// `canje link status --people` shows them (reconciliation/status_people.h decides who sees whom).
#include "instance/ids.h"
#include "reconciliation/status_people.h"
#include "reconciliation/statuses.h"
#include "server/handlers.h"
#include "wire/reconciliation_json.h"

namespace canje::server {

Status AddReconciliationRoutes(Routes& routes) {
  return routes.Add(
      "GET", "/v1/link/status",
      {Action::kReadRegistry, [](ApiCall& call) -> Result<Reply> {
         Result<int64_t> list_id = instance::ParseOptionalId(call.Query("list"), 'L', "list");
         if (!list_id.ok()) return call.AtParameter(list_id.status(), "list");
         const std::string people = call.Query("people");
         if (!people.empty() && people != "true" && people != "false") {
           return call.AtParameter(Status::Usage("people is true or false"), "people");
         }
         CANJE_ASSIGN_OR_RETURN(reconciliation::ReconciliationStatus status,
                                reconciliation::ReadStatus(call.instance));
         const std::string party = call.Query("party");
         nlohmann::json out = wire::ReconciliationCountsJson(status, party, *list_id);
         if (people == "true") {
           nlohmann::json entries = nlohmann::json::array();
           for (const auto& entry :
                reconciliation::PeopleBehindCounts(call.instance, status, party, *list_id)) {
             entries.push_back(wire::ListEntryJson(entry));
           }
           out["people"] = entries;
         }
         return JsonReply(out);
       }});
}

}  // namespace canje::server
