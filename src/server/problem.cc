#include "server/problem.h"

#include "core/utf8.h"

namespace canje::server {
namespace {

std::string TitleFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "OK";
    case StatusCode::kUsage:
      return "Bad request";
    case StatusCode::kInvalid:
      return "Invalid data";
    case StatusCode::kNotFound:
      return "Not found";
    case StatusCode::kUnavailable:
      return "Unavailable";
    case StatusCode::kCannotWrite:
      return "Cannot write output";
    case StatusCode::kConflict:
      return "Conflict";
    case StatusCode::kNotPermitted:
      return "Not permitted";
    case StatusCode::kInternal:
      return "Internal error";
  }
  return "Internal error";
}

}  // namespace

Problem NamedProblem(int status, std::string_view name, std::string title, std::string detail) {
  Problem problem;
  problem.status = status;
  problem.type = "urn:canje:problem:" + std::string(name);
  problem.title = std::move(title);
  problem.detail = std::move(detail);
  return problem;
}

void AddCommonHeaders(HttpResponse& response) {
  namespace http = boost::beast::http;
  response.set(http::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
}

HttpResponse ProblemResponse(const Problem& problem, unsigned version, bool keep_alive) {
  namespace http = boost::beast::http;
  HttpResponse response{static_cast<http::status>(problem.status), version};
  response.set(http::field::content_type, std::string(kProblemType));
  AddCommonHeaders(response);
  if (problem.status == 401) response.set(http::field::www_authenticate, "Bearer");
  response.keep_alive(keep_alive);
  response.body() = problem.Body();
  response.prepare_payload();
  return response;
}

std::string Problem::Body() const {
  nlohmann::json body = {{"type", type}, {"title", title}, {"status", status}, {"detail", detail}};
  if (!pointer.empty()) body["pointer"] = pointer;
  for (const auto& [name, value] : extensions.items()) body[name] = value;
  // Details quote requests through QuoteUntrusted; should a byte that is not UTF-8 still reach
  // here, it is replaced (U+FFFD) rather than thrown on.
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Problem ProblemFromStatus(const Status& status, std::string pointer) {
  StatusCode code = status.ok() ? StatusCode::kInternal : status.code();
  Problem problem = NamedProblem(HttpStatusFor(code), StatusCodeName(code), TitleFor(code),
                         status.ok() ? "an error was reported without a cause" : status.message());
  problem.pointer = std::move(pointer);
  return problem;
}

Problem UnauthorizedProblem(std::string detail) {
  return NamedProblem(401, "unauthorized", "Unauthorized", std::move(detail));
}

Problem NoRouteProblem(std::string_view path) {
  return NamedProblem(404, "no_route", "No such resource",
              "no resource at " + std::string(path) +
                  "; GET /v1/openapi.json lists the endpoints");
}

Problem MethodNotAllowedProblem(std::string_view method, std::string_view path,
                                std::string_view allow) {
  return NamedProblem(405, "method_not_allowed", "Method not allowed",
              std::string(method) + " is not allowed on " + std::string(path) + "; use " +
                  std::string(allow));
}

Problem BodyTooLargeProblem(size_t limit) {
  return NamedProblem(413, "body_too_large", "Body too large",
              "the request body is larger than " + std::to_string(limit) + " bytes");
}

Problem MalformedJsonProblem(int line, int column, std::string_view what) {
  Problem problem = NamedProblem(400, "malformed_json", "Malformed JSON",
                         "the body is not JSON: line " + std::to_string(line) + ", column " +
                             std::to_string(column) + ": " + QuoteUntrusted(what, 200));
  problem.extensions["line"] = line;
  problem.extensions["column"] = column;
  return problem;
}

}  // namespace canje::server
