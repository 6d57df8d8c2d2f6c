#include "server/api.h"

#include <exception>

#include "core/clock.h"
#include "server/api_tokens.h"
#include "server/handlers.h"
#include "server/request_target.h"

namespace canje::server {
namespace http = boost::beast::http;

namespace {

bool IsStoreFailure(StatusCode code) {
  return code == StatusCode::kUnavailable || code == StatusCode::kInternal;
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

Result<std::unique_ptr<Api>> Api::Create(InstancePool& pool) {
  Result<Routes> routes = AllRoutes();
  if (!routes.ok()) return Status::Internal("the API's routes: " + routes.status().message());
  return std::unique_ptr<Api>(new Api(pool, std::move(*routes)));
}

Result<Reply> Api::Authenticated(const HttpRequest& request, std::optional<Problem>& problem,
                                 std::string& allow) {
  Result<RequestTarget> target = ParseRequestTarget(View(request.target()));
  if (!target.ok()) return target.status();
  std::string token = BearerToken(View(request[http::field::authorization]));
  // The one way in without a token: the log's public tiles (handlers.h, kPublicLogPrefix). Such
  // a request is served by an instance of the store's default user, whose handlers read only
  // the store and answer 404 unless an admin opened the log and the path holds its capability.
  // Decided on the raw target: a percent-encoded variant of the prefix just gets the 401.
  const bool public_log = token.empty() && View(request.target()).starts_with(kPublicLogPrefix);
  if (token.empty() && !public_log) {
    problem = UnauthorizedProblem(
        "no API token: send `Authorization: Bearer <token>`; an admin creates tokens with "
        "`canje user token create NAME`");
    return Status::NotPermitted(problem->detail);
  }
  std::string user;
  if (!public_log) {
    CANJE_ASSIGN_OR_RETURN(InstancePool::Lease lookup, pool_.Acquire(""));
    Result<std::string> found = UserForToken(lookup->store(), token, NowRfc3339());
    if (!found.ok()) {
      if (IsStoreFailure(found.status().code())) {
        lookup.Discard();
        return found.status();
      }
      problem = UnauthorizedProblem(found.status().message());
      return found.status();
    }
    user = std::move(*found);
  }
  auto match = routes_.Find(View(request.method_string()), target->path);
  if (match.kind == Routes::Match::Kind::kNoRoute) {
    problem = NoRouteProblem(target->path);
    return Status::NotFound(problem->detail);
  }
  if (match.kind == Routes::Match::Kind::kMethodNotAllowed) {
    problem = MethodNotAllowedProblem(View(request.method_string()), target->path, match.allow);
    allow = match.allow;
    return Status::Usage(problem->detail);
  }
  CANJE_ASSIGN_OR_RETURN(InstancePool::Lease instance, pool_.Acquire(user));
  ApiCall call{request, std::move(match.params), std::move(target->query), *instance, {}};
  Result<Reply> reply = (*match.handler)(call);
  if (!reply.ok()) {
    if (IsStoreFailure(reply.status().code())) instance.Discard();
    if (call.problem) problem = std::move(call.problem);
  }
  return reply;
}

HttpResponse Api::Handle(const HttpRequest& request) {
  std::optional<Problem> problem;
  std::string allow;
  Result<Reply> reply = Status::Internal("the request was not handled");
  try {
    reply = Authenticated(request, problem, allow);
  } catch (const std::exception& error) {
    problem.reset();
    reply = Status::Internal(std::string("unexpected failure: ") + error.what());
  }
  if (!reply.ok()) {
    HttpResponse response = ProblemResponse(problem ? *problem : ProblemFromStatus(reply.status()),
                                            request.version(), request.keep_alive());
    if (!allow.empty()) response.set(http::field::allow, allow);
    return response;
  }
  HttpResponse response{static_cast<http::status>(reply->status), request.version()};
  response.set(http::field::content_type, reply->content_type);
  AddCommonHeaders(response);
  for (const auto& [name, value] : reply->headers) response.set(name, value);
  response.keep_alive(request.keep_alive());
  response.body() = std::move(reply->body);
  response.prepare_payload();
  return response;
}

}  // namespace canje::server
