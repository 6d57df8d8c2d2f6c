#include "server/api.h"

#include <algorithm>
#include <exception>

#include "core/clock.h"
#include "core/utf8.h"
#include "authentication/api_tokens.h"
#include "server/cookies.h"
#include "server/handlers.h"
#include "server/idempotent_calls.h"
#include "server/request_log.h"
#include "server/request_target.h"

namespace canje::server {
namespace http = boost::beast::http;

namespace {

bool IsStoreFailure(StatusCode code) {
  return code == StatusCode::kUnavailable || code == StatusCode::kInternal;
}

// The request's target, or the 400 problem naming what is wrong with it.
Result<RequestTarget> TargetOf(const HttpRequest& request, std::optional<Problem>& problem) {
  std::string bad_parameter;
  Result<RequestTarget> target = ParseRequestTarget(View(request.target()), &bad_parameter);
  if (!target.ok()) {
    problem = ProblemFromStatus(target.status());
    if (!bad_parameter.empty()) problem->extensions["parameter"] = bad_parameter;
  }
  return target;
}

}  // namespace

std::string BearerToken(std::string_view authorization) {
  constexpr std::string_view kScheme = "bearer ";
  if (authorization.size() <= kScheme.size()) return "";
  for (size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(authorization[i])) != kScheme[i]) return "";
  }
  std::string_view token = authorization.substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  return std::string(token);
}

Result<std::unique_ptr<Api>> Api::Create(InstancePool& pool, ApiOptions options) {
  Result<Routes> routes = AllRoutes();
  if (!routes.ok()) return Status::Internal("the API's routes: " + routes.status().message());
  Result<PublicRoutes> public_routes = AllPublicRoutes();
  if (!public_routes.ok()) {
    return Status::Internal("the API's public routes: " + public_routes.status().message());
  }
  return std::unique_ptr<Api>(
      new Api(pool, std::move(options), std::move(*routes), std::move(*public_routes)));
}

Result<Api::Caller> Api::Identify(const HttpRequest& request, std::optional<Problem>& problem) {
  const std::string token = BearerToken(View(request[http::field::authorization]));
  const std::string cookie = CookieValue(View(request[http::field::cookie]), kSessionCookie);
  if (token.empty() && cookie.empty()) {
    problem = UnauthorizedProblem(
        "not signed in: sign in with POST /v1/session (people), or send `Authorization: Bearer "
        "<token>` (scripts; an admin creates tokens with `canje user token create NAME`)");
    return Status::NotPermitted(problem->detail);
  }
  CANJE_ASSIGN_OR_RETURN(InstancePool::Lease lookup, pool_.Acquire(""));
  Caller caller;
  Status found;
  if (!token.empty()) {
    Result<std::string> user =
        authentication::UserForToken(*lookup, token, NowRfc3339());
    found = user.status();
    if (user.ok()) caller.user = std::move(*user);
  } else {
    Result<authentication::ActiveSession> session = authentication::ResolveSession(
        *lookup, cookie, NowUnixSeconds(), options_.sign_in, &recent_sessions_);
    found = session.status();
    if (session.ok()) {
      caller.user = session->user;
      caller.session = std::move(*session);
    }
  }
  if (!found.ok()) {
    if (IsStoreFailure(found.code())) {
      lookup.Discard();
      return found;
    }
    problem = UnauthorizedProblem(found.message());
    return found;
  }
  return caller;
}

Status Api::CheckCsrf(const HttpRequest& request, const Caller& caller,
                      std::optional<Problem>& problem) {
  const http::verb method = request.method();
  if (!caller.session || method == http::verb::get || method == http::verb::head) {
    return Status::Ok();
  }
  if (authentication::CsrfTokenMatches(*caller.session, View(request["X-CSRF-Token"]))) {
    return Status::Ok();
  }
  problem = ProblemFromStatus(Status::NotPermitted(
      "a change made with a session must carry the session's CSRF token in X-CSRF-Token (given "
      "when signing in); reload the page and try again"));
  problem->type = "urn:canje:problem:csrf";
  problem->title = "Missing CSRF token";
  return Status::NotPermitted(problem->detail);
}

PublicRoutes::Match Api::PublicRouteOf(const HttpRequest& request) const {
  std::string_view target = View(request.target());
  PublicRoutes::Match match =
      public_routes_.Find(View(request.method_string()), target.substr(0, target.find('?')));
  if (match.kind == PublicRoutes::Match::Kind::kFound) NoteRequestRoute(*match.pattern);
  return match;
}

std::optional<HttpResponse> Api::Screen(const HttpRequest& header) {
  constexpr uint64_t kLargestPublicBody = 4096;
  try {
    std::optional<Problem> problem;
    if (console_ && ConsoleFiles::IsConsolePath(View(header.target()))) {
      return ProblemResponse(BodyTooLargeProblem(0), header.version(), false);
    }
    if (PublicRouteOf(header).kind == PublicRoutes::Match::Kind::kFound) {
      auto length = header.payload_size();
      if (length && *length <= kLargestPublicBody) return std::nullopt;
      return ProblemResponse(BodyTooLargeProblem(kLargestPublicBody), header.version(), false);
    }
    Result<Caller> caller = Identify(header, problem);
    if (caller.ok() && CheckCsrf(header, *caller, problem).ok()) return std::nullopt;
    return ProblemResponse(problem ? *problem : ProblemFromStatus(caller.status()),
                           header.version(), false);
  } catch (...) {
    return ProblemResponse(ProblemFromStatus(Status::Internal("the server could not answer")),
                           header.version(), false);
  }
}

size_t Api::BodyLimit(const HttpRequest& header, size_t configured) {
  std::string_view target = View(header.target());
  if (header.method() == boost::beast::http::verb::post &&
      target.substr(0, target.find('?')) == kListFilePath) {
    return std::max(configured, kListFileBodyLimit);
  }
  return configured;
}

Result<Reply> Api::Public(PublicRoutes::Match route, const HttpRequest& request,
                          std::optional<Problem>& problem) {
  CANJE_ASSIGN_OR_RETURN(RequestTarget target, TargetOf(request, problem));
  PublicCall call{request, std::move(route.params), std::move(target.query), pool_, options_, {}};
  Result<Reply> reply = (*route.handler)(call);
  if (!reply.ok() && call.problem) problem = std::move(call.problem);
  return reply;
}

Result<Reply> Api::Authenticated(const HttpRequest& request, std::optional<Problem>& problem,
                                 std::string& allow, std::string& renewed_cookie) {
  CANJE_ASSIGN_OR_RETURN(Caller caller, Identify(request, problem));
  NoteRequestUser(caller.user);
  CANJE_ASSIGN_OR_RETURN(RequestTarget target, TargetOf(request, problem));
  auto match = routes_.Find(View(request.method_string()), target.path);
  if (match.kind == Routes::Match::Kind::kNoRoute) {
    problem = NoRouteProblem(target.path);
    return Status::NotFound(problem->detail);
  }
  if (match.kind == Routes::Match::Kind::kMethodNotAllowed) {
    problem = MethodNotAllowedProblem(View(request.method_string()), target.path, match.allow);
    allow = match.allow;
    return Status::Usage(problem->detail);
  }
  NoteRequestRoute(*match.pattern);
  CANJE_RETURN_IF_ERROR(CheckCsrf(request, caller, problem));
  if (caller.session) renewed_cookie = caller.session->renewed_cookie;
  CANJE_ASSIGN_OR_RETURN(InstancePool::Lease instance, pool_.Acquire(caller.user));
  ApiCall call{request, std::move(match.params), std::move(target.query), *instance, {}};
  if (caller.session) call.session = &*caller.session;
  Result<Reply> reply = RunWithIdempotencyKey(call, match.handler->handler);
  if (!reply.ok()) {
    if (IsStoreFailure(reply.status().code())) instance.Discard();
    if (call.problem) problem = std::move(call.problem);
  }
  return reply;
}

HttpResponse Api::Handle(const HttpRequest& request) {
  // Whatever a change did (ended a session, set a password, ...), the next request of every
  // session reads its row from the store again. Emptied after the answer is made, so that a
  // request racing the change cannot keep what it read before (RecentSessions' generation).
  struct ForgetAfterChange {
    authentication::RecentSessions& recent;
    bool change;
    ~ForgetAfterChange() {
      if (change) recent.ForgetAll();
    }
  } forget{recent_sessions_,
           request.method() != http::verb::get && request.method() != http::verb::head};
  try {
    return Answer(request);
  } catch (...) {
    // Answer() builds only from values; this is the last guard of the RequestHandler contract
    // (never throw: an exception on a server thread would end the process).
    Problem problem = ProblemFromStatus(Status::Internal("the server could not answer"));
    return ProblemResponse(problem, request.version(), false);
  }
}

HttpResponse Api::Answer(const HttpRequest& request) {
  if (console_ && ConsoleFiles::IsConsolePath(View(request.target()))) {
    NoteRequestRoute(View(request.target()).starts_with("/assets/") ? "/assets/{name}" : "/");
    return console_->Answer(request);
  }
  std::optional<Problem> problem;
  std::string allow;
  std::string renewed_cookie;
  Result<Reply> reply = Status::Internal("the request was not handled");
  try {
    if (PublicRoutes::Match route = PublicRouteOf(request);
        route.kind == PublicRoutes::Match::Kind::kFound) {
      reply = Public(std::move(route), request, problem);
    } else {
      reply = Authenticated(request, problem, allow, renewed_cookie);
    }
  } catch (const std::exception& error) {
    problem.reset();
    reply = Status::Internal(std::string("unexpected failure: ") + QuoteUntrusted(error.what()));
  }
  if (!reply.ok()) {
    HttpResponse response = ProblemResponse(problem ? *problem : ProblemFromStatus(reply.status()),
                                            request.version(), request.keep_alive());
    if (!allow.empty()) response.set(http::field::allow, allow);
    if (problem && problem->extensions.contains("retry_after_seconds")) {
      response.set(http::field::retry_after,
                   std::to_string(problem->extensions["retry_after_seconds"].get<int64_t>()));
    }
    return response;
  }
  HttpResponse response{static_cast<http::status>(reply->status), request.version()};
  response.set(http::field::content_type, reply->content_type);
  AddCommonHeaders(response);
  for (const auto& [name, value] : reply->headers) response.set(name, value);
  if (!renewed_cookie.empty() && response.find(http::field::set_cookie) == response.end()) {
    response.set(http::field::set_cookie,
                 SessionCookieHeader(renewed_cookie, options_.sign_in.lifetime_seconds));
  }
  response.keep_alive(request.keep_alive());
  response.body() = std::move(reply->body);
  response.prepare_payload();
  return response;
}

}  // namespace canje::server
