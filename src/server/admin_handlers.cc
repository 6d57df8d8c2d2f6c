// Users and parties over HTTP: GET and POST /v1/users, GET and POST /v1/parties, and
// POST /v1/users/{name}/totp — the use cases of `canje user add|list`, `canje party add|list`
// (instance/parties_and_users.h) and `canje user totp enrol` (authentication/sign_in.h), with
// the same JSON (wire/instance_json.h, wire/account_json.h).
#include <string>

#include "authentication/sign_in.h"
#include "instance/parties_and_users.h"
#include "server/handlers.h"
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
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  CANJE_RETURN_IF_ERROR(call.OnlyMembers(body, {"name", "party", "role"}));
  instance::NewUser user;
  CANJE_ASSIGN_OR_RETURN(user.name, call.StringMember(body, "name", true));
  CANJE_ASSIGN_OR_RETURN(user.party, call.StringMember(body, "party", true));
  CANJE_ASSIGN_OR_RETURN(user.role, call.StringMember(body, "role", true));
  CANJE_RETURN_IF_ERROR(instance::AddUser(call.instance, user));
  return JsonReply(wire::UserJson(user), 201);
}

Result<Reply> AdminGetParties(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(auto parties, instance::ReadParties(call.instance));
  return JsonArrayReply(parties, [](const store::PartyRow& row) { return wire::PartyJson(row); });
}

Result<Reply> AdminPostParty(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  CANJE_RETURN_IF_ERROR(call.OnlyMembers(body, {"code", "name", "kind"}));
  instance::NewParty party;
  CANJE_ASSIGN_OR_RETURN(party.code, call.StringMember(body, "code", true));
  CANJE_ASSIGN_OR_RETURN(party.name, call.StringMember(body, "name", true));
  if (body.contains("kind")) {
    CANJE_ASSIGN_OR_RETURN(party.kind, call.StringMember(body, "kind", true));
  }
  CANJE_RETURN_IF_ERROR(instance::AddParty(call.instance, party));
  return JsonReply(wire::PartyJson(party), 201);
}

// The answer holds the new second factor's secret, shown once as on the command line: a retry
// must enrol anew rather than be answered the secret again from a kept answer, so this route
// takes no Idempotency-Key.
Result<Reply> AdminPostTotpEnrolment(ApiCall& call) {
  if (call.request.find("Idempotency-Key") != call.request.end()) {
    Problem problem = ProblemFromStatus(Status::Usage(
        "this request takes no Idempotency-Key: its answer holds a secret that is shown only "
        "once, so no answer is kept; if the answer was lost, enrol again"));
    problem.extensions["header"] = "Idempotency-Key";
    call.problem = problem;
    return Status::Usage(problem.detail);
  }
  CANJE_ASSIGN_OR_RETURN(authentication::TotpEnrolment enrolment,
                         authentication::EnrolTotp(call.instance, call.Param("name")));
  return JsonReply(wire::TotpEnrolmentJson(enrolment));
}

}  // namespace

Status AddAdminRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/users", {Action::kReadRegistry, AdminGetUsers}));
  CANJE_RETURN_IF_ERROR(routes.Add("POST", "/v1/users", {Action::kManageUsers, AdminPostUser}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/users/{name}/totp", {Action::kManageUsers, AdminPostTotpEnrolment}));
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/parties", {Action::kReadRegistry, AdminGetParties}));
  return routes.Add("POST", "/v1/parties", {Action::kManageParties, AdminPostParty});
}

}  // namespace canje::server
