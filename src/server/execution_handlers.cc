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
#include "negotiation/stages.h"
#include "server/body_members.h"
#include "server/handlers.h"
#include "wire/execution_json.h"
#include "wire/execution_reports.h"

namespace canje::server {
namespace {

using nlohmann::json;

// ?stage=N (negotiation/stages.h): 0 when absent.
Result<int64_t> StageQuery(ApiCall& call) {
  const std::string text = call.Query("stage");
  if (text.empty()) return 0;
  Result<int64_t> number = negotiation::ParseStageNumber(text);
  if (!number.ok()) return call.AtParameter(number.status(), "stage");
  return number;
}

// A report on ?date= (empty: today) of exchange `id`, or of one of its stages when ?stage=N is
// given: `of_stage` or `of_exchange`.
template <typename Report>
Result<Report> ExchangeOrStageReport(ApiCall& call, int64_t id,
                                     Result<Report> (*of_stage)(instance::Instance&, int64_t,
                                                                int64_t, const std::string&),
                                     Result<Report> (*of_exchange)(instance::Instance&, int64_t,
                                                                   const std::string&)) {
  CANJE_ASSIGN_OR_RETURN(int64_t stage, StageQuery(call));
  if (stage > 0) return of_stage(call.instance, id, stage, call.Query("date"));
  return of_exchange(call.instance, id, call.Query("date"));
}

// GET /v1/exchanges/{id}/readiness?date=YYYY-MM-DD&stage=N
Result<Reply> GetReadiness(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(
      negotiation::ReadinessReport report,
      ExchangeOrStageReport(call, id, negotiation::StageReadiness, negotiation::ExchangeReadiness));
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
  return JsonArrayReply(rows, [&](const auto& row) { return wire::HandoverJson(row, names); });
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

// GET /v1/exchanges/{id}/reconciliation?date=YYYY-MM-DD&format=json|csv|html&stage=N
Result<Reply> GetReconciliation(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(ReconciliationForm form, ReconciliationFormOf(call));
  CANJE_ASSIGN_OR_RETURN(
      negotiation::ExchangeReconciliation reconciliation,
      ExchangeOrStageReport(call, id, negotiation::ReconcileStage, negotiation::ReconcileExchange));
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

// POST /v1/exchanges/{id}/not-travelling {"person": "P17", "reason": "unfit", "note": "..."}:
// `canje exchange not-travelling X1 P17 --reason unfit --note ... --json`.
Result<Reply> PostNotTravelling(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"person", "reason", "note"}));
  negotiation::NewNotTravelling outcome;
  CANJE_ASSIGN_OR_RETURN(outcome.person_id, PersonIdMember(call, body, "person"));
  CANJE_ASSIGN_OR_RETURN(outcome.reason, TextMember(call, body, "reason", true));
  CANJE_ASSIGN_OR_RETURN(outcome.note, TextMember(call, body, "note", false));
  CANJE_ASSIGN_OR_RETURN(int64_t recorded,
                         negotiation::RecordNotTravelling(call.instance, id, {outcome}));
  return JsonReply(wire::RecordedPersonsJson(id, recorded, {outcome.person_id}));
}

// One handover of a body: {"person", "at", "place", "to", "witnesses": [...]}, its members'
// pointers under `at`.
Result<negotiation::NewHandover> ReadHandover(ApiCall& call, const json& item,
                                              const std::string& at) {
  CANJE_RETURN_IF_ERROR(
      KnownMembers(call, item, {"person", "at", "place", "to", "witnesses"}, at));
  negotiation::NewHandover handover;
  CANJE_ASSIGN_OR_RETURN(handover.person_id, PersonIdMember(call, item, "person", at));
  CANJE_ASSIGN_OR_RETURN(handover.at, TextMember(call, item, "at", true, at));
  CANJE_ASSIGN_OR_RETURN(handover.place, TextMember(call, item, "place", true, at));
  CANJE_ASSIGN_OR_RETURN(handover.to, TextMember(call, item, "to", true, at));
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
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"handovers"}));
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
// "note"?, "stage"?}: `canje exchange report X1 --party ... --direction ... --count N
// [--stage N] --json`.
Result<Reply> PostReport(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"party", "direction", "count", "persons",
                                                           "note", "stage"}));
  negotiation::NewCountReport report;
  CANJE_ASSIGN_OR_RETURN(report.party, TextMember(call, body, "party", true));
  CANJE_ASSIGN_OR_RETURN(std::string direction, TextMember(call, body, "direction", true));
  Result<std::pair<std::string, std::string>> ends = negotiation::ParseDirection(direction);
  if (!ends.ok()) return call.AtPointer(ends.status(), "/direction");
  report.from = ends->first;
  report.to = ends->second;
  CANJE_ASSIGN_OR_RETURN(std::optional<int64_t> count, IntegerMember(call, body, "count", false));
  if (!count) return call.AtPointer(Status::Usage("\"count\" must be a whole number"), "/count");
  report.count = *count;
  CANJE_ASSIGN_OR_RETURN(std::optional<int64_t> stage, IntegerMember(call, body, "stage", false));
  if (stage && *stage < 1) {
    return call.AtPointer(Status::Usage("\"stage\" must be a stage's number (1, 2, ...)"),
                          "/stage");
  }
  report.stage = stage.value_or(0);
  CANJE_ASSIGN_OR_RETURN(report.note, TextMember(call, body, "note", false));
  report.has_persons = body.contains("persons");
  CANJE_ASSIGN_OR_RETURN(report.persons, PersonIdsMember(call, body, "persons"));
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
