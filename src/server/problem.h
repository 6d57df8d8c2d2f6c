// RFC 9457 problem details: the body of every error response of the HTTP API
// (application/problem+json).
//
// A Problem is built from a canje::Status, so that the status code comes from the one table
// (docs/principles.md, core/status.h HttpStatusFor) and the detail is the core's message, saying
// what is wrong and how to fix it. Problems the core has no code for (401 without a valid
// token, 404/405 of the router, 413 for a body too large) are built here with their own type.
//
//   {"type": "urn:canje:problem:invalid", "title": "Invalid data", "status": 422,
//    "detail": "...", "pointer": "/party"}
//
// `type` is a URN naming the problem kind (stable; clients switch on it), `title` is the same
// for every occurrence of a type, `pointer` (RFC 6901 JSON pointer into the request body) is
// present when one field of the request is at fault, and `line`/`column` when the body is not
// JSON at all.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/status.h"
#include "server/http_types.h"

namespace canje::server {

struct Problem {
  int status = 500;
  std::string type;   // "urn:canje:problem:not_found"
  std::string title;  // "Not found"
  std::string detail;
  std::string pointer;                                   // empty: not about one field
  nlohmann::json extensions = nlohmann::json::object();  // further members (line, column, ...)

  // The response body, application/problem+json.
  std::string Body() const;
};

// The response for a problem (application/problem+json), with the common headers.
HttpResponse ProblemResponse(const Problem& problem, unsigned version, bool keep_alive);
// Headers every response carries: `Cache-Control: no-store` (bodies hold personal data) and
// `X-Content-Type-Options: nosniff`.
void AddCommonHeaders(HttpResponse& response);

// The problem for a non-ok status: HttpStatusFor(code), type urn:canje:problem:<name>.
// `pointer`, when not empty, names the request field at fault.
Problem ProblemFromStatus(const Status& status, std::string pointer = "");

// 401: no token, or one that is unknown, revoked or expired.
// A problem of its own kind: type "urn:canje:problem:<name>".
Problem NamedProblem(int status, std::string_view name, std::string title, std::string detail);
Problem UnauthorizedProblem(std::string detail);
// 404: no route for the path.
Problem NoRouteProblem(std::string_view path);
// 405: the path exists but not with this method; `allow` is the Allow header's value.
Problem MethodNotAllowedProblem(std::string_view method, std::string_view path,
                                std::string_view allow);
// 413: the body is larger than the server accepts.
Problem BodyTooLargeProblem(size_t limit);
// 400: the body is not JSON; line and column (1-based) of the first bad character.
Problem MalformedJsonProblem(int line, int column, std::string_view what);

}  // namespace canje::server
