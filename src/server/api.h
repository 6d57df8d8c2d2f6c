// The HTTP API as a function from request to response, without sockets: authentication,
// routing, the handler, and the mapping of every failure to a problem response. The listener
// (server/http_server.h) feeds it requests; the tests can call it directly.
//
// Order of checks for a request:
//  1. the target parses (else 400);
//  2. `Authorization: Bearer <token>` names an active token (else 401 with
//     `WWW-Authenticate: Bearer`) — before routing, so that nothing but 401 is said to a caller
//     without a token;
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

 private:
  Api(InstancePool& pool, Routes routes) : pool_(pool), routes_(std::move(routes)) {}
  Result<Reply> Authenticated(const HttpRequest& request, std::optional<Problem>& problem,
                              std::string& allow);
  InstancePool& pool_;
  Routes routes_;
};

// The token of an Authorization header value: "Bearer <token>" (scheme case-insensitive).
// Empty when the header is absent or uses another scheme.
std::string BearerToken(std::string_view authorization);

}  // namespace canje::server
