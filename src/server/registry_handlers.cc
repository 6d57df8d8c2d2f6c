// The registry over HTTP: summary, lists, persons (the same need to know as `canje persons`
// and `canje person show`: registry/person_directory.h decides what the caller sees).
#include "instance/ids.h"
#include "reconciliation/statuses.h"
#include "registry/person_directory.h"
#include "registry/summary.h"
#include "server/handlers.h"
#include "server/pagination.h"
#include "wire/registry_json.h"

namespace canje::server {
namespace {

using nlohmann::json;

Result<Reply> GetSummary(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(registry::InstanceSummary summary, registry::Summarize(call.instance));
  CANJE_ASSIGN_OR_RETURN(reconciliation::ReconciliationStatus reconciled,
                         reconciliation::ReadStatus(call.instance));
  return JsonReply(wire::SummaryJson(summary, reconciled));
}

Result<Reply> GetLists(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(auto lists, registry::ReadLists(call.instance));
  return PagedJsonReply(call,
                        JsonArrayOf(lists, [&](const auto& list) { return wire::ListJson(list); }));
}

// The filters of `canje persons`, from the query (PersonQueryOf); in pages (limit, cursor:
// server/pagination.h).
Result<Reply> GetPersons(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(registry::PersonQuery query, PersonQueryOf(call, /*with_name=*/true));
  json out = json::array();
  CANJE_RETURN_IF_ERROR(registry::VisitPersons(call.instance, query, [&](auto& person) {
    out.push_back(wire::PersonJson(person));
    return Status::Ok();
  }));
  return PagedJsonReply(call, out);
}

Result<Reply> GetPerson(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, instance::ParseId(call.Param("id"), 'P', "person"));
  CANJE_ASSIGN_OR_RETURN(registry::PersonDetails details, registry::ShowPerson(call.instance, id));
  return JsonReply(wire::PersonDetailsJson(details));
}

}  // namespace

Result<registry::PersonQuery> PersonQueryOf(ApiCall& call, bool with_name) {
  registry::PersonQuery query;
  if (with_name) query.name = call.Query("name");
  query.holder = call.Query("holder");
  query.category = call.Query("category");
  query.nationality = call.Query("nationality");
  query.status = call.Query("status");
  query.document = call.Query("document");
  query.exact_name = call.Query("exact_name");
  CANJE_ASSIGN_OR_RETURN(query.list_id, instance::ParseOptionalId(call.Query("list"), 'L', "list"));
  return query;
}

Status AddRegistryRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/summary", {Action::kReadRegistry, GetSummary}));
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/lists", {Action::kReadRegistry, GetLists}));
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/persons", {Action::kReadRegistry, GetPersons}));
  return routes.Add("GET", "/v1/persons/{id}", {Action::kReadRegistry, GetPerson});
}

}  // namespace canje::server
