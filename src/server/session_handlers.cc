// People signing in over HTTP (authentication/sign_in.h holds the rules): POST /v1/session
// signs in and sets the session cookie, GET /v1/session says who is signed in, DELETE
// /v1/session signs out; an admin lists (GET /v1/sessions) and ends (DELETE /v1/sessions/{id})
// sessions.
#include <atomic>

#include "authentication/sign_in.h"
#include "core/clock.h"
#include "instance/ids.h"
#include "server/cookies.h"
#include "server/body_members.h"
#include "server/handlers.h"
#include "server/pagination.h"
#include "wire/account_json.h"

namespace canje::server {
namespace {

using nlohmann::json;

constexpr size_t kMaxNameBytes = 64;

// Sign-ins being checked right now; each holds scrypt's memory for tens of milliseconds.
std::atomic<int> sign_ins_in_progress{0};

struct SignInSlot {
  bool taken;
  explicit SignInSlot(int limit) : taken(++sign_ins_in_progress <= limit) {
    if (!taken) --sign_ins_in_progress;
  }
  ~SignInSlot() {
    if (taken) --sign_ins_in_progress;
  }
};

Problem SignInProblem(int status, std::string_view type, std::string title, std::string detail) {
  Problem problem = ProblemFromStatus(Status::NotPermitted(detail));
  problem.status = status;
  problem.type = "urn:canje:problem:" + std::string(type);
  problem.title = std::move(title);
  problem.detail = std::move(detail);
  return problem;
}

json SessionJson(const store::Actor& actor, int64_t session, const std::string& expires_at,
                 const authentication::SignInPolicy& policy) {
  return wire::SignedInSessionJson(actor, session, expires_at, policy.idle_seconds);
}

Result<Reply> PostSession(PublicCall& call) {
  json body = json::parse(call.request.body(), nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return Status::Usage(
        "the body must be a JSON object: {\"name\": ..., \"password\": ..., "
        "\"code\": ...}");
  }
  std::string fields[3];
  const char* names[3] = {"name", "password", "code"};
  for (int i = 0; i < 3; ++i) {
    auto found = body.find(names[i]);
    if (found == body.end() || !found->is_string()) {
      call.problem = ProblemFromStatus(
          Status::Usage("the body needs \"" + std::string(names[i]) + "\" as a string"),
          "/" + std::string(names[i]));
      return Status::Usage(call.problem->detail);
    }
    fields[i] = found->get<std::string>();
  }
  const std::string& name = fields[0];
  if (name.empty() || name.size() > kMaxNameBytes) {
    call.problem = ProblemFromStatus(Status::Usage("give a user name of 1 to 64 bytes"), "/name");
    return Status::Usage(call.problem->detail);
  }
  SignInSlot slot(call.options.max_concurrent_sign_ins);
  if (!slot.taken) {
    call.problem = SignInProblem(503, "unavailable", "Unavailable",
                                 "the server is checking other sign-ins; try again in a second");
    return Status::Unavailable(call.problem->detail);
  }
  // Whether the name is a user is asked as the store's own admin; an unknown name is refused
  // like a wrong password, after the same work.
  bool known = false;
  {
    CANJE_ASSIGN_OR_RETURN(InstancePool::Lease lookup, call.pool.Acquire(""));
    CANJE_ASSIGN_OR_RETURN(known, authentication::IsUser(*lookup, name));
  }
  authentication::SignInOutcome outcome = authentication::RefuseUnknownName(fields[1]);
  std::optional<store::Actor> actor;
  if (known) {
    CANJE_ASSIGN_OR_RETURN(InstancePool::Lease as_user, call.pool.Acquire(name));
    CANJE_ASSIGN_OR_RETURN(outcome, authentication::SignIn(*as_user, fields[1], fields[2],
                                                           NowUnixSeconds(), call.options.sign_in));
    actor = as_user->actor();
  }
  if (auto* refused = std::get_if<authentication::SignInRefused>(&outcome)) {
    using Kind = authentication::SignInRefused::Kind;
    switch (refused->kind) {
      case Kind::kWait:
        call.problem =
            SignInProblem(429, "too_many_attempts", "Too many attempts", refused->message);
        break;
      case Kind::kLocked:
        call.problem = SignInProblem(403, "account_locked", "Account locked", refused->message);
        break;
      case Kind::kWrong:
        call.problem = SignInProblem(401, "sign_in_failed", "Sign-in failed", refused->message);
        break;
    }
    if (refused->retry_after_seconds > 0) {
      call.problem->extensions["retry_after_seconds"] = refused->retry_after_seconds;
    }
    return Status::NotPermitted(refused->message);
  }
  const auto& signed_in = std::get<authentication::SignedIn>(outcome);
  json out = SessionJson(*actor, signed_in.session_id, signed_in.expires_at, call.options.sign_in);
  out["csrf_token"] = signed_in.csrf_token;
  Reply reply = JsonReply(out, 201);
  reply.headers.emplace_back(
      "Set-Cookie", SessionCookieHeader(signed_in.cookie, call.options.sign_in.lifetime_seconds));
  return reply;
}

Status NeedsSession(const ApiCall& call) {
  if (call.session != nullptr) return Status::Ok();
  return Status::NotFound(
      "this request carries an API token, not a session; sessions are for people signed in "
      "with POST /v1/session");
}

Result<Reply> GetSession(ApiCall& call) {
  CANJE_RETURN_IF_ERROR(NeedsSession(call));
  return JsonReply(SessionJson(call.instance.actor(), call.session->id,
                               call.session->row.expires_at, authentication::SignInPolicy{}));
}

Result<Reply> DeleteSession(ApiCall& call) {
  CANJE_RETURN_IF_ERROR(NeedsSession(call));
  CANJE_RETURN_IF_ERROR(authentication::SignOut(call.instance, call.session->id));
  Reply reply = JsonReply({{"session", call.session->id}, {"ended", true}});
  reply.headers.emplace_back("Set-Cookie", ClearedSessionCookieHeader());
  return reply;
}

Result<Reply> GetSessions(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(auto sessions,
                         authentication::ListSessions(call.instance, call.Query("user"),
                                                      call.Query("open") == "true"));
  return PagedJsonReply(call, wire::SessionListJson(sessions, NowRfc3339()), "id",
                        IdOrder::kDescending);  // the newest first
}

Result<Reply> EndSession(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, instance::ParseId(call.Param("id"), 'S', "session"));
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"reason"}));
  CANJE_ASSIGN_OR_RETURN(std::string reason, TextMember(call, body, "reason", true));
  CANJE_ASSIGN_OR_RETURN(bool ended, authentication::EndSessionByAdmin(call.instance, id, reason));
  return JsonReply({{"session", id}, {"ended", true}, {"changed", ended}});
}

}  // namespace

Status AddSessionRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/session", {kEveryCaller, GetSession}));
  CANJE_RETURN_IF_ERROR(routes.Add("DELETE", "/v1/session", {kEveryCaller, DeleteSession}));
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/sessions", {Action::kManageUsers, GetSessions}));
  return routes.Add("DELETE", "/v1/sessions/{id}", {Action::kManageUsers, EndSession});
}

Status AddSignInRoutes(PublicRoutes& routes) {
  return routes.Add("POST", "/v1/session", PostSession);
}

}  // namespace canje::server
