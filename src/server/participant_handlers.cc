// An exchange's guarantors and observer organisations over HTTP — the use cases of `canje
// exchange guarantor add|remove` and `canje exchange observer add|remove`
// (negotiation/exchange_participants.h), answered with the same JSON as their --json
// (wire/exchange_json.h). A change takes If-Match with the ETag of GET /v1/exchanges/{id}
// (server/if_match.h); the lists are read in GET /v1/exchanges/{id}.
#include <cstdint>
#include <string>

#include "negotiation/exchange.h"
#include "negotiation/exchange_participants.h"
#include "server/body_members.h"
#include "server/handlers.h"
#include "server/if_match.h"
#include "wire/exchange_json.h"

namespace canje::server {
namespace {

using negotiation::ParticipantRole;
using nlohmann::json;

// POST /v1/exchanges/{id}/<role>s {"party"} (adding) or DELETE /v1/exchanges/{id}/<role>s/{party}.
Result<Reply> ChangeParticipant(ApiCall& call, ParticipantRole role, bool adding) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(int64_t expected, IfMatchRevision(call, "GET /v1/exchanges/{id}"));
  std::string party;
  if (adding) {
    CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"party"}));
    CANJE_ASSIGN_OR_RETURN(party, TextMember(call, body, "party", true));
  } else {
    party = call.Param("party");
  }
  Status changed =
      adding ? negotiation::AddExchangeParticipant(call.instance, id, role, party, expected)
             : negotiation::RemoveExchangeParticipant(call.instance, id, role, party, expected);
  if (!changed.ok()) {
    return RefusalWithIfMatch(call, expected, changed, ExchangeRevisionNow(call, id));
  }
  return JsonReply(
      wire::ExchangeParticipantJson(id, negotiation::ParticipantRoleName(role), party, adding));
}

}  // namespace

Status AddExchangeParticipantRoutes(Routes& routes) {
  for (ParticipantRole role : {ParticipantRole::kGuarantor, ParticipantRole::kObserver}) {
    const std::string path =
        "/v1/exchanges/{id}/" + std::string(negotiation::ParticipantRoleName(role)) + "s";
    CANJE_RETURN_IF_ERROR(
        routes.Add("POST", path, {Action::kManageExchanges, [role](ApiCall& call) {
                                    return ChangeParticipant(call, role, true);
                                  }}));
    CANJE_RETURN_IF_ERROR(
        routes.Add("DELETE", path + "/{party}", {Action::kManageExchanges, [role](ApiCall& call) {
                                                   return ChangeParticipant(call, role, false);
                                                 }}));
  }
  return Status::Ok();
}

}  // namespace canje::server
