// Users and parties over HTTP: GET and POST /v1/users, GET and POST /v1/parties, POST
// /v1/users/{name}/totp, POST /v1/users/{name}/tokens, GET /v1/tokens and DELETE /v1/tokens/{id}
// — the use cases of `canje user add|list`, `canje party add|list`
// (instance/parties_and_users.h), `canje user totp enrol` (authentication/sign_in.h) and `canje
// user token create|list|revoke` (authentication/api_tokens.h), with the same JSON
// (wire/instance_json.h, wire/account_json.h).
#include <optional>
#include <string>

#include "authentication/api_tokens.h"
#include "authentication/sign_in.h"
#include "core/clock.h"
#include "instance/ids.h"
#include "instance/parties_and_users.h"
#include "server/body_members.h"
#include "server/handlers.h"
#include "server/pagination.h"
#include "wire/account_json.h"
#include "wire/instance_json.h"

namespace canje::server {
namespace {

using nlohmann::json;

Result<Reply> AdminGetUsers(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(auto users, instance::ReadUsers(call.instance));
  return JsonArrayReply(users, [](const store::UserRow& row) { return wire::UserJson(row); });
}

Result<Reply> AdminPostUser(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"name", "party", "role"}));
  instance::NewUser user;
  CANJE_ASSIGN_OR_RETURN(user.name, TextMember(call, body, "name", true));
  CANJE_ASSIGN_OR_RETURN(user.party, TextMember(call, body, "party", true));
  CANJE_ASSIGN_OR_RETURN(user.role, TextMember(call, body, "role", true));
  CANJE_RETURN_IF_ERROR(instance::AddUser(call.instance, user));
  return JsonReply(wire::UserJson(user), 201);
}

Result<Reply> AdminGetParties(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(auto parties, instance::ReadParties(call.instance));
  return JsonArrayReply(parties, [](const store::PartyRow& row) { return wire::PartyJson(row); });
}

Result<Reply> AdminPostParty(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"code", "name", "kind"}));
  instance::NewParty party;
  CANJE_ASSIGN_OR_RETURN(party.code, TextMember(call, body, "code", true));
  CANJE_ASSIGN_OR_RETURN(party.name, TextMember(call, body, "name", true));
  if (body.contains("kind")) {
    CANJE_ASSIGN_OR_RETURN(party.kind, TextMember(call, body, "kind", true));
  }
  CANJE_RETURN_IF_ERROR(instance::AddParty(call.instance, party));
  return JsonReply(wire::PartyJson(party), 201);
}

// A route whose answer holds a secret shown once, as on the command line (a second factor, a
// token): a retry must make a new one rather than be answered the secret again from a kept
// answer, so it takes no Idempotency-Key. kUsage naming the header when one came; `again` says
// what to do when the answer was lost.
Status RefuseIdempotencyKey(ApiCall& call, const std::string& again) {
  if (call.request.find("Idempotency-Key") == call.request.end()) return Status::Ok();
  Problem problem = ProblemFromStatus(Status::Usage(
      "this request takes no Idempotency-Key: its answer holds a secret that is shown only "
      "once, so no answer is kept; if the answer was lost, " +
      again));
  problem.extensions["header"] = "Idempotency-Key";
  call.problem = problem;
  return Status::Usage(problem.detail);
}

Result<Reply> AdminPostTotpEnrolment(ApiCall& call) {
  CANJE_RETURN_IF_ERROR(RefuseIdempotencyKey(call, "enrol again"));
  CANJE_ASSIGN_OR_RETURN(authentication::TotpEnrolment enrolment,
                         authentication::EnrolTotp(call.instance, call.Param("name")));
  return JsonReply(wire::TotpEnrolmentJson(enrolment));
}

// `canje user token create NAME [--expires-days N] --json`: no body, or {"expires_days": N}.
Result<Reply> AdminPostToken(ApiCall& call) {
  CANJE_RETURN_IF_ERROR(RefuseIdempotencyKey(call, "revoke the token and create another"));
  json body = json::object();
  if (!call.request.body().empty()) {
    CANJE_ASSIGN_OR_RETURN(body, call.JsonObjectBody());
  }
  CANJE_RETURN_IF_ERROR(KnownMembers(call, body, {"expires_days"}));
  CANJE_ASSIGN_OR_RETURN(std::optional<int64_t> expires_days,
                         IntegerMember(call, body, "expires_days", false));
  CANJE_ASSIGN_OR_RETURN(
      authentication::CreatedToken created,
      authentication::CreateApiToken(call.instance, call.Param("name"), expires_days));
  return JsonReply(wire::CreatedTokenJson(created), 201);
}

// `canje user token list [NAME] --json`: GET /v1/tokens[?user=NAME], by id, in pages.
Result<Reply> AdminGetTokens(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(auto tokens,
                         authentication::ListApiTokens(call.instance, call.Query("user")));
  return PagedJsonReply(call, wire::ApiTokenListJson(tokens, NowRfc3339()));
}

// `canje user token revoke ID --json`: DELETE /v1/tokens/{id}. The token stops at once; it stays
// listed, revoked.
Result<Reply> AdminDeleteToken(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, instance::ParseId(call.Param("id"), 'T', "API token"));
  CANJE_ASSIGN_OR_RETURN(bool revoked, authentication::RevokeApiToken(call.instance, id));
  return JsonReply(wire::TokenRevokedJson(id, revoked));
}

}  // namespace

Status AddAdminRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/users", {Action::kReadRegistry, AdminGetUsers}));
  CANJE_RETURN_IF_ERROR(routes.Add("POST", "/v1/users", {Action::kManageUsers, AdminPostUser}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/users/{name}/totp", {Action::kManageUsers, AdminPostTotpEnrolment}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/users/{name}/tokens", {Action::kManageUsers, AdminPostToken}));
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/tokens", {Action::kManageUsers, AdminGetTokens}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("DELETE", "/v1/tokens/{id}", {Action::kManageUsers, AdminDeleteToken}));
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/parties", {Action::kReadRegistry, AdminGetParties}));
  return routes.Add("POST", "/v1/parties", {Action::kManageParties, AdminPostParty});
}

}  // namespace canje::server
