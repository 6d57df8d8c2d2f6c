// The HTTP API as a function from request to response, without sockets: authentication,
// routing, the handler, and the mapping of every failure to a problem response. The listener
// (server/http_server.h) feeds it requests; the tests can call it directly.
//
// Order of checks for a request:
//  1. `Authorization: Bearer <token>` names an active token (else 401 with
//     `WWW-Authenticate: Bearer`) — before anything else, so that nothing but 401 is said to a
//     caller without a token, whatever the target;
//  2. the target parses: percent escapes, and UTF-8 once decoded (else 400, naming the query
//     parameter at fault);
//  3. a route matches the path (else 404) and the method (else 405 with Allow);
//  4. the handler runs with an instance opened for the token's user (server/instance_pool.h).
// Every response has a Content-Type, `Cache-Control: no-store` (bodies hold personal data) and
// `X-Content-Type-Options: nosniff`.
#pragma once

#include <string>

#include "server/api_call.h"
#include "server/instance_pool.h"

namespace canje::server {

class Api : public RequestHandler {
 public:
  // `pool` must outlive the Api. kInternal if the routes cannot be built (a programming error).
  static Result<std::unique_ptr<Api>> Create(InstancePool& pool);

  // Answers one request; never throws for a failure of the request (a handler's exception is a
  // 500 problem).
  HttpResponse Handle(const HttpRequest& request) override;
  // Refuses a request that announces a body unless its token is valid (401), before the body
  // is read.
  std::optional<HttpResponse> Screen(const HttpRequest& header) override;

 private:
  Api(InstancePool& pool, Routes routes) : pool_(pool), routes_(std::move(routes)) {}
  HttpResponse Answer(const HttpRequest& request);
  // The user of the request's API token. kNotPermitted with `problem` set to the 401 when there
  // is no valid token; the store's own failures as they are.
  Result<std::string> TokenUser(const HttpRequest& request, std::optional<Problem>& problem);
  Result<Reply> Authenticated(const HttpRequest& request, std::optional<Problem>& problem,
                              std::string& allow);
  InstancePool& pool_;
  Routes routes_;
};

// The token of an Authorization header value: "Bearer <token>" (scheme case-insensitive).
// Empty when the header is absent or uses another scheme.
std::string BearerToken(std::string_view authorization);

}  // namespace canje::server
