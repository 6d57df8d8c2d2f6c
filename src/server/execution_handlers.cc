// An exchange's execution over HTTP: the same calls as `canje exchange readiness`, `canje
// exchange not-travelling`, `canje handover record|list`, `canje exchange report` and `canje
// exchange reconcile` (negotiation/execution.h), so that what a party reads of the persons and
// why they do not travel, and what may be recorded, is decided in one place.
#include <algorithm>
#include <string>
#include <vector>

#include "instance/ids.h"
#include "negotiation/exchange.h"
#include "negotiation/exchange_solve.h"
#include "negotiation/execution.h"
#include "server/handlers.h"
#include "wire/execution_json.h"
#include "wire/execution_reports.h"

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

// The reconciliation's forms: the JSON of `canje exchange reconcile --json`, and the files of
// its --csv and --html.
enum class ReconciliationForm { kJson, kCsv, kHtml };

// ?format=json|csv|html wins; otherwise the first of application/json, text/csv and text/html
// that the Accept header names (parameters such as q ignored); JSON when it names none.
Result<ReconciliationForm> ReconciliationFormOf(ApiCall& call) {
  const std::string format = call.Query("format");
  if (!format.empty()) {
    if (format == "json") return ReconciliationForm::kJson;
    if (format == "csv") return ReconciliationForm::kCsv;
    if (format == "html") return ReconciliationForm::kHtml;
    return call.AtParameter(Status::Usage("format is json, csv or html"), "format");
  }
  const auto& field = call.request[boost::beast::http::field::accept];
  const std::string accept(field.data(), field.size());
  size_t start = 0;
  while (start < accept.size()) {
    size_t end = accept.find(',', start);
    if (end == std::string::npos) end = accept.size();
    std::string range = accept.substr(start, end - start);
    range = range.substr(0, range.find(';'));
    range.erase(0, range.find_first_not_of(" \t"));
    range.erase(range.find_last_not_of(" \t") + 1);
    if (range == "application/json") return ReconciliationForm::kJson;
    if (range == "text/csv") return ReconciliationForm::kCsv;
    if (range == "text/html") return ReconciliationForm::kHtml;
    start = end + 1;
  }
  return ReconciliationForm::kJson;
}

// GET /v1/exchanges/{id}/reconciliation?date=YYYY-MM-DD&format=json|csv|html
Result<Reply> GetReconciliation(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(ReconciliationForm form, ReconciliationFormOf(call));
  CANJE_ASSIGN_OR_RETURN(negotiation::ExchangeReconciliation reconciliation,
                         negotiation::ReconcileExchange(call.instance, id, call.Query("date")));
  CANJE_ASSIGN_OR_RETURN(auto names,
                         negotiation::VisibleNames(call.instance, wire::PersonsOf(reconciliation)));
  Reply reply;
  switch (form) {
    case ReconciliationForm::kJson:
      reply = JsonReply(wire::ReconciliationJson(reconciliation, names));
      break;
    case ReconciliationForm::kCsv:
      reply.content_type = "text/csv; charset=utf-8";
      reply.body = wire::ReconciliationCsv(reconciliation, names);
      break;
    case ReconciliationForm::kHtml:
      reply.content_type = "text/html; charset=utf-8";
      reply.body = wire::ReconciliationHtml(reconciliation, names);
      break;
  }
  reply.headers.emplace_back("Vary", "Accept");
  return reply;
}

// A person id ("P17") at `pointer`; `value` null when the member is absent.
Result<int64_t> PersonIdAt(ApiCall& call, const json* value, const std::string& pointer) {
  if (value == nullptr || !value->is_string()) {
    return call.AtPointer(Status::Usage("a person id is a string, such as \"P17\""), pointer);
  }
  Result<int64_t> id = instance::ParseId(value->get<std::string>(), 'P', "person");
  if (!id.ok()) return call.AtPointer(id.status(), pointer);
  return *id;
}

// Member `name` of `body` (its pointer `at` + "/" + name) as a person id.
Result<int64_t> PersonMember(ApiCall& call, const json& body, const std::string& at,
                             const std::string& name) {
  auto found = body.find(name);
  return PersonIdAt(call, found == body.end() ? nullptr : &*found, at + "/" + name);
}

// Member `name` of `body` as a string; the pointer is `at` + "/" + name.
Result<std::string> TextAt(ApiCall& call, const json& body, const std::string& at,
                           const std::string& name, bool required) {
  auto found = body.find(name);
  if (found == body.end() && !required) return std::string();
  if (found == body.end() || !found->is_string()) {
    return call.AtPointer(
        Status::Usage("\"" + name + "\" must be a string" + (required ? " and is required" : "")),
        at + "/" + name);
  }
  return found->get<std::string>();
}

// The members of an object at `at` must be among `known` (the first other one is named).
Status KnownMembersAt(ApiCall& call, const json& item, const std::string& at,
                      const std::vector<std::string>& known) {
  if (!item.is_object()) return call.AtPointer(Status::Usage("must be a JSON object"), at);
  for (const auto& [name, value] : item.items()) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      return call.AtPointer(Status::Usage("unknown member \"" + name + "\""), at + "/" + name);
    }
  }
  return Status::Ok();
}

// POST /v1/exchanges/{id}/not-travelling {"person": "P17", "reason": "unfit", "note": "..."}:
// `canje exchange not-travelling X1 P17 --reason unfit --note ... --json`.
Result<Reply> PostNotTravelling(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  CANJE_RETURN_IF_ERROR(call.OnlyMembers(body, {"person", "reason", "note"}));
  negotiation::NewNotTravelling outcome;
  CANJE_ASSIGN_OR_RETURN(outcome.person_id, PersonMember(call, body, "", "person"));
  CANJE_ASSIGN_OR_RETURN(outcome.reason, call.StringMember(body, "reason", true));
  CANJE_ASSIGN_OR_RETURN(outcome.note, call.StringMember(body, "note", false));
  CANJE_ASSIGN_OR_RETURN(int64_t recorded,
                         negotiation::RecordNotTravelling(call.instance, id, {outcome}));
  return JsonReply(wire::RecordedPersonsJson(id, recorded, {outcome.person_id}));
}

// One handover of a body: {"person", "at", "place", "to", "witnesses": [...]}, its members'
// pointers under `at`.
Result<negotiation::NewHandover> ReadHandover(ApiCall& call, const json& item,
                                              const std::string& at) {
  CANJE_RETURN_IF_ERROR(
      KnownMembersAt(call, item, at, {"person", "at", "place", "to", "witnesses"}));
  negotiation::NewHandover handover;
  CANJE_ASSIGN_OR_RETURN(handover.person_id, PersonMember(call, item, at, "person"));
  CANJE_ASSIGN_OR_RETURN(handover.at, TextAt(call, item, at, "at", true));
  CANJE_ASSIGN_OR_RETURN(handover.place, TextAt(call, item, at, "place", true));
  CANJE_ASSIGN_OR_RETURN(handover.to, TextAt(call, item, at, "to", true));
  auto witnesses = item.find("witnesses");
  if (witnesses == item.end() || !witnesses->is_array()) {
    return call.AtPointer(Status::Usage("\"witnesses\" must be an array of names (one or more)"),
                          at + "/witnesses");
  }
  for (size_t i = 0; i < witnesses->size(); ++i) {
    if (!(*witnesses)[i].is_string()) {
      return call.AtPointer(Status::Usage("a witness is a name (a string)"),
                            at + "/witnesses/" + std::to_string(i));
    }
    handover.witnesses.push_back((*witnesses)[i].get<std::string>());
  }
  return handover;
}

Result<Reply> HandoversRecorded(ApiCall& call, int64_t id,
                                const std::vector<negotiation::NewHandover>& handovers) {
  CANJE_ASSIGN_OR_RETURN(int64_t recorded,
                         negotiation::RecordHandovers(call.instance, id, handovers));
  std::vector<int64_t> persons;
  for (const auto& handover : handovers) persons.push_back(handover.person_id);
  return JsonReply(wire::RecordedPersonsJson(id, recorded, persons));
}

// POST /v1/exchanges/{id}/handovers: `canje handover record X1 P17 --at ... --json`.
Result<Reply> PostHandover(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  CANJE_ASSIGN_OR_RETURN(negotiation::NewHandover handover, ReadHandover(call, body, ""));
  return HandoversRecorded(call, id, {handover});
}

// POST /v1/exchanges/{id}/handovers/batch {"handovers": [...]}: `canje handover record X1
// --file FILE.csv --json`; all or none, each problem named by its item ("/handovers/3: ").
Result<Reply> PostHandoverBatch(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  CANJE_RETURN_IF_ERROR(call.OnlyMembers(body, {"handovers"}));
  auto items = body.find("handovers");
  if (items == body.end() || !items->is_array()) {
    return call.AtPointer(Status::Usage("\"handovers\" must be an array of handovers"),
                          "/handovers");
  }
  std::vector<negotiation::NewHandover> handovers;
  for (size_t i = 0; i < items->size(); ++i) {
    const std::string at = "/handovers/" + std::to_string(i);
    CANJE_ASSIGN_OR_RETURN(negotiation::NewHandover handover, ReadHandover(call, (*items)[i], at));
    handover.where = at + ": ";
    handovers.push_back(std::move(handover));
  }
  return HandoversRecorded(call, id, handovers);
}

// POST /v1/exchanges/{id}/reports {"party", "direction": "SLV>VEN", "count", "persons"?,
// "note"?}: `canje exchange report X1 --party ... --direction ... --count N --json`.
Result<Reply> PostReport(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  CANJE_RETURN_IF_ERROR(call.OnlyMembers(body, {"party", "direction", "count", "persons", "note"}));
  negotiation::NewCountReport report;
  CANJE_ASSIGN_OR_RETURN(report.party, call.StringMember(body, "party", true));
  CANJE_ASSIGN_OR_RETURN(std::string direction, call.StringMember(body, "direction", true));
  Result<std::pair<std::string, std::string>> ends = negotiation::ParseDirection(direction);
  if (!ends.ok()) return call.AtPointer(ends.status(), "/direction");
  report.from = ends->first;
  report.to = ends->second;
  auto count = body.find("count");
  if (count == body.end() || !count->is_number_integer()) {
    return call.AtPointer(Status::Usage("\"count\" must be a whole number"), "/count");
  }
  report.count = count->get<int64_t>();
  CANJE_ASSIGN_OR_RETURN(report.note, call.StringMember(body, "note", false));
  if (auto persons = body.find("persons"); persons != body.end()) {
    if (!persons->is_array()) {
      return call.AtPointer(Status::Usage("\"persons\" must be an array of person ids"),
                            "/persons");
    }
    report.has_persons = true;
    for (size_t i = 0; i < persons->size(); ++i) {
      CANJE_ASSIGN_OR_RETURN(int64_t person,
                             PersonIdAt(call, &(*persons)[i], "/persons/" + std::to_string(i)));
      report.persons.push_back(person);
    }
  }
  CANJE_ASSIGN_OR_RETURN(int64_t report_id, negotiation::ReportCount(call.instance, id, report));
  return JsonReply(wire::CountReportedJson(id, report_id, report));
}

}  // namespace

Status AddExecutionRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/v1/exchanges/{id}/readiness", {Action::kReadExecution, GetReadiness}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/v1/exchanges/{id}/handovers", {Action::kReadExecution, GetHandovers}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/exchanges/{id}/handovers", {Action::kRecordExecution, PostHandover}));
  CANJE_RETURN_IF_ERROR(routes.Add("POST", "/v1/exchanges/{id}/handovers/batch",
                                   {Action::kRecordExecution, PostHandoverBatch}));
  CANJE_RETURN_IF_ERROR(routes.Add("POST", "/v1/exchanges/{id}/not-travelling",
                                   {Action::kRecordExecution, PostNotTravelling}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/exchanges/{id}/reports", {Action::kReportCount, PostReport}));
  return routes.Add("GET", "/v1/exchanges/{id}/reconciliation",
                    {Action::kReadExecution, GetReconciliation});
}

}  // namespace canje::server
