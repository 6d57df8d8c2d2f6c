// Lists and the persons they hold, in and out, over HTTP:
//  - POST /v1/lists imports a list file sent as the request's body: `canje import`
//    (registry/importer.h), its options as query parameters, the same JSON (wire/registry_json.h);
//  - GET /v1/export/persons: `canje export persons` (registry/person_directory.h), byte for byte;
//  - POST /v1/persons/{id}/erase: `canje person erase` (negotiation/person_erasure.h).
#include <sstream>
#include <string>

#include "core/clock.h"
#include "core/text.h"
#include "core/utf8.h"
#include "instance/ids.h"
#include "negotiation/person_erasure.h"
#include "registry/importer.h"
#include "registry/list_kinds.h"
#include "registry/person_directory.h"
#include "server/body_members.h"
#include "server/handlers.h"
#include "wire/instance_json.h"
#include "wire/registry_json.h"

namespace canje::server {
namespace {

// A query flag of `canje import` (--dry-run, --skip-invalid, --again): "true" or "false",
// false when absent.
Result<bool> ListsQueryFlag(ApiCall& call, const std::string& name) {
  const std::string value = call.Query(name);
  if (value.empty() || value == "false") return false;
  if (value == "true") return true;
  return call.AtParameter(Status::Usage(name + " is true or false"), name);
}

// A query parameter `canje import` requires (--kind, --source).
Result<std::string> ListsRequiredQuery(ApiCall& call, const std::string& name,
                                       const std::string& example) {
  std::string value = call.Query(name);
  if (value.empty()) {
    return call.AtParameter(Status::Usage("say " + name + "=..., such as " + example), name);
  }
  return value;
}

// The list's format from the body's Content-Type: text/csv or application/json (parameters
// such as charset aside). Anything else is 415.
Result<std::string> ListsFormatOfBody(ApiCall& call) {
  std::string type(View(call.request[boost::beast::http::field::content_type]));
  type = AsciiLower(Trim(type.substr(0, type.find(';'))));
  if (type == "text/csv") return std::string("csv");
  if (type == "application/json") return std::string("json");
  std::string detail =
      "send the list file as the body with Content-Type text/csv or "
      "application/json, as `canje import` reads (not '" +
      QuoteUntrusted(type, 100) + "')";
  call.problem = NamedProblem(415, "unsupported_media_type", "Unsupported media type", detail);
  return Status::Usage(detail);
}

Result<Reply> ListsPostList(ApiCall& call) {
  registry::ImportOptions options;
  CANJE_ASSIGN_OR_RETURN(options.kind, ListsRequiredQuery(call, "kind", "kind=custody_roster"));
  if (Result<registry::ListKind> kind = registry::ParseListKind(options.kind); !kind.ok()) {
    return call.AtParameter(kind.status(), "kind");
  }
  CANJE_ASSIGN_OR_RETURN(options.source,
                         ListsRequiredQuery(call, "source", "source=Ministry%20roster"));
  options.party = call.Query("party");
  options.default_holder = call.Query("holder");
  CANJE_ASSIGN_OR_RETURN(options.dry_run, ListsQueryFlag(call, "dry_run"));
  CANJE_ASSIGN_OR_RETURN(options.skip_invalid, ListsQueryFlag(call, "skip_invalid"));
  CANJE_ASSIGN_OR_RETURN(options.again, ListsQueryFlag(call, "again"));
  const std::string date_order = call.Query("date_order");
  if (date_order == "dmy") {
    options.date_order = registry::DateOrder::kDayFirst;
  } else if (date_order == "mdy") {
    options.date_order = registry::DateOrder::kMonthFirst;
  } else if (!date_order.empty()) {
    return call.AtParameter(Status::Usage("date_order is dmy or mdy"), "date_order");
  }
  if (const std::string name_order = call.Query("name_order"); !name_order.empty()) {
    Result<registry::NameOrder> order = registry::ParseNameOrder(name_order);
    if (!order.ok()) return call.AtParameter(order.status(), "name_order");
    options.name_order = *order;
  }
  CANJE_ASSIGN_OR_RETURN(options.format, ListsFormatOfBody(call));
  std::string file_name = call.Query("file_name");
  if (file_name.empty()) file_name = "list." + options.format;
  if (file_name.size() > 255 || file_name.find('/') != std::string::npos || file_name == "." ||
      file_name == "..") {
    return call.AtParameter(
        Status::Usage("file_name is the list file's name without a folder, such as roster.csv"),
        "file_name");
  }
  options.file = file_name;
  options.content = &call.request.body();

  registry::ImportReport report;
  Result<registry::ImportReport> imported =
      registry::ImportList(call.instance, options, {}, &report);
  if (!imported.ok()) {
    if (imported.status().code() == StatusCode::kInvalid && report.rows > 0) {
      // The rows at fault, as `canje import --json` lists them; nothing was written.
      call.problem = ProblemFromStatus(imported.status());
      call.problem->extensions["rows"] = report.rows;
      call.problem->extensions["rejected"] = report.rejected;
      call.problem->extensions["error_count"] = report.error_count;
      call.problem->extensions["errors"] = wire::FieldErrorsJson(report.errors);
    }
    return imported.status();
  }
  if (options.dry_run) return JsonReply(wire::ImportReportJson(report, true));
  Reply reply = JsonReply(wire::ImportReportJson(report, false), 201);
  reply.headers.emplace_back("Location", "/v1/lists/" + instance::ListId(report.list_id));
  return reply;
}

// `canje export persons [--format csv|json] [filters]`: the bytes the command writes for the
// same user, as the body.
Result<Reply> ListsGetExport(ApiCall& call) {
  const std::string format = call.Query("format");
  if (!format.empty() && format != "csv" && format != "json") {
    return call.AtParameter(Status::Usage("format is csv or json"), "format");
  }
  CANJE_ASSIGN_OR_RETURN(registry::PersonQuery query, PersonQueryOf(call, /*with_name=*/false));
  std::ostringstream out;
  CANJE_RETURN_IF_ERROR(registry::ExportPersons(
      call.instance, query,
      format == "json" ? registry::ExportFormat::kJson : registry::ExportFormat::kCsv, out));
  Reply reply;
  reply.content_type = format == "json" ? std::string(kJsonType) : "text/csv; charset=utf-8";
  reply.body = std::move(out).str();
  return reply;
}

// `canje person erase ID --reason TEXT`, on the day of the request.
Result<Reply> ListsPostErase(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, instance::ParseId(call.Param("id"), 'P', "person"));
  CANJE_ASSIGN_OR_RETURN(nlohmann::json body, call.JsonObjectBody());
  CANJE_RETURN_IF_ERROR(KnownMembers(call, body, {"reason"}));
  CANJE_ASSIGN_OR_RETURN(std::string reason, TextMember(call, body, "reason", true));
  CANJE_ASSIGN_OR_RETURN(
      registry::ErasureReport report,
      negotiation::ErasePersonUnlessInUse(call.instance, id, reason, TodayIso()));
  return JsonReply(wire::ErasureJson(report));
}

}  // namespace

Status AddListRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", std::string(kListFilePath), {Action::kImportList, ListsPostList}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/v1/export/persons", {Action::kExportPersons, ListsGetExport}));
  return routes.Add("POST", "/v1/persons/{id}/erase", {Action::kErasePerson, ListsPostErase});
}

}  // namespace canje::server
