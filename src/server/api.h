// The HTTP API as a function from request to response, without sockets: authentication,
// routing, the handler, and the mapping of every failure to a problem response. The listener
// (server/http_server.h) feeds it requests; the tests can call it directly.
//
// Who a request acts as:
//  - `Authorization: Bearer <token>`: an API token (authentication/api_tokens.h), for scripts;
//  - else the `canje_session` cookie of a person signed in (authentication/sign_in.h); a change
//    (any method but GET and HEAD) must then carry the session's CSRF token in X-CSRF-Token,
//    else 403 — a page of another site cannot change anything in the person's name;
//  - a few public routes need neither: POST /v1/session (signing in), GET /healthz, GET /readyz;
//  - nor does the web console, when ApiOptions::console names it: / and /assets/... are its files
//    (server/console_files.h), answered before anything else.
//
// Order of checks for a request that is not to a public route:
//  1. a valid token or session (else 401 with `WWW-Authenticate: Bearer`) — before anything
//     else, so that nothing but 401 is said to a caller without one, whatever the target;
//  2. the target parses: percent escapes, and UTF-8 once decoded (else 400, naming the query
//     parameter at fault);
//  3. a route matches the path (else 404) and the method (else 405 with Allow);
//  4. for a session, the CSRF token of a change (else 403);
//  5. the handler runs with an instance opened for the caller's user (server/instance_pool.h).
// A session found open in the store is not read again for ApiOptions::session_recheck; every
// request other than GET and HEAD empties that memory once answered, so that signing out, an
// admin ending a session or any other change made through this server takes effect at once.
// Every response has a Content-Type, `Cache-Control: no-store` (bodies hold personal data) and
// `X-Content-Type-Options: nosniff`. A session whose last activity is a minute old or more gets
// its cookie renewed in the response (Set-Cookie), so that activity keeps it open.
#pragma once

#include <string>

#include "server/api_call.h"
#include "server/console_files.h"
#include "server/instance_pool.h"

namespace canje::server {

class Api : public RequestHandler {
 public:
  // `pool` must outlive the Api. kInternal if the routes cannot be built (a programming error).
  static Result<std::unique_ptr<Api>> Create(InstancePool& pool, ApiOptions options = {});

  // Answers one request; never throws for a failure of the request (a handler's exception is a
  // 500 problem).
  HttpResponse Handle(const HttpRequest& request) override;
  // Refuses a request that announces a body unless it comes with a valid token or session (and,
  // for a session, its CSRF token), or is a sign-in of at most 4 KiB — before the body is read.
  std::optional<HttpResponse> Screen(const HttpRequest& header) override;
  // `configured`, or kListFileBodyLimit (server/handlers.h) for POST /v1/lists when larger: a
  // list file is a request's whole body.
  size_t BodyLimit(const HttpRequest& header, size_t configured) override;

 private:
  // Who a request acts as: its user, and the session when it came with a cookie.
  struct Caller {
    std::string user;
    std::optional<authentication::ActiveSession> session;
  };

  Api(InstancePool& pool, ApiOptions options, Routes routes, PublicRoutes public_routes)
      : pool_(pool),
        options_(std::move(options)),
        routes_(std::move(routes)),
        public_routes_(std::move(public_routes)),
        recent_sessions_(options_.session_recheck) {
    if (options_.console) console_.emplace(*options_.console);
  }
  HttpResponse Answer(const HttpRequest& request);
  // The caller of a request. kNotPermitted with `problem` set to the 401 when there is no valid
  // token or session; the store's own failures as they are.
  Result<Caller> Identify(const HttpRequest& request, std::optional<Problem>& problem);
  // kNotPermitted with `problem` set to the 403 when a session's change lacks its CSRF token.
  Status CheckCsrf(const HttpRequest& request, const Caller& caller,
                   std::optional<Problem>& problem);
  // The public route of a request: kFound with its handler and parameters, or not (matched on
  // the raw path: public paths are ASCII, and a percent-encoded variant needs a token).
  PublicRoutes::Match PublicRouteOf(const HttpRequest& request) const;
  Result<Reply> Authenticated(const HttpRequest& request, std::optional<Problem>& problem,
                              std::string& allow, std::string& renewed_cookie);
  Result<Reply> Public(PublicRoutes::Match route, const HttpRequest& request,
                       std::optional<Problem>& problem);

  InstancePool& pool_;
  ApiOptions options_;
  Routes routes_;
  PublicRoutes public_routes_;
  // Sessions read a moment ago; emptied after every request that may change something.
  authentication::RecentSessions recent_sessions_;
  std::optional<ConsoleFiles> console_;
};

// The token of an Authorization header value: "Bearer <token>" (scheme case-insensitive).
// Empty when the header is absent or uses another scheme.
std::string BearerToken(std::string_view authorization);

}  // namespace canje::server
