// Legal holds over HTTP: GET /v1/holds, GET /v1/holds/{id}, POST /v1/holds,
// POST /v1/holds/{id}/lift — the use cases of `canje hold list|show|add|lift`
// (negotiation/holds.h), with the same JSON (wire/holds_json.h).
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "instance/ids.h"
#include "negotiation/hold_rule_fields.h"
#include "negotiation/hold_scope.h"
#include "negotiation/holds.h"
#include "server/body_members.h"
#include "server/handlers.h"
#include "server/pagination.h"
#include "wire/holds_json.h"

namespace canje::server {
namespace {

using nlohmann::json;

Result<Reply> GetHolds(ApiCall& call) {
  // With the persons, as `canje hold list` does: each item says how many the caller may see.
  CANJE_ASSIGN_OR_RETURN(int64_t person, PersonParameter(call, "person"));
  CANJE_ASSIGN_OR_RETURN(auto holds, negotiation::ListHolds(call.instance, call.Query("date"),
                                                            /*with_persons=*/true, person));
  return PagedJsonReply(call, JsonArrayOf(holds, [&](const negotiation::HoldView& view) {
                          return wire::HoldListItemJson(view);
                        }));
}

Result<Reply> GetHold(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseHoldId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(auto view, negotiation::ShowHold(call.instance, id, call.Query("date")));
  return JsonReply(wire::HoldJson(view, /*with_covered=*/true));
}

// The body's "rule": an object whose members are rule fields (negotiation/hold_rule_fields.h).
Status ReadRule(ApiCall& call, const json& body, std::map<std::string, std::string>& rule) {
  auto found = body.find("rule");
  if (found == body.end()) return Status::Ok();
  if (!found->is_object()) {
    return call.AtPointer(Status::Usage("\"rule\" must be an object, such as {\"holder\": "
                                        "\"SLV\", \"category\": \"deportee\"}"),
                          "/rule");
  }
  std::vector<std::string> names;
  std::string listed;
  for (const negotiation::HoldRuleField& field : negotiation::HoldRuleFields()) {
    names.emplace_back(field.name);
    listed += (listed.empty() ? "" : ", ") + std::string(field.name);
  }
  for (const auto& [name, value] : found->items()) {
    const std::string pointer = "/rule/" + name;
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      return call.AtPointer(
          Status::Usage("unknown rule field \"" + name + "\"; the rule fields are " + listed),
          pointer);
    }
    if (!value.is_string()) {
      return call.AtPointer(Status::Usage("\"" + name + "\" must be a string"), pointer);
    }
    rule[name] = value.get<std::string>();
  }
  return Status::Ok();
}

Result<Reply> PostHold(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"issuer", "reference", "from", "until",
                                                           "persons", "rule"}));
  negotiation::NewHold hold;
  CANJE_ASSIGN_OR_RETURN(hold.issuer, TextMember(call, body, "issuer", true));
  CANJE_ASSIGN_OR_RETURN(hold.reference, TextMember(call, body, "reference", true));
  CANJE_ASSIGN_OR_RETURN(hold.effective_from, TextMember(call, body, "from", true));
  CANJE_ASSIGN_OR_RETURN(hold.effective_until, TextMember(call, body, "until", false));
  CANJE_ASSIGN_OR_RETURN(hold.persons, PersonIdsMember(call, body, "persons"));
  CANJE_RETURN_IF_ERROR(ReadRule(call, body, hold.rule));
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::AddHold(call.instance, hold));
  CANJE_ASSIGN_OR_RETURN(auto view, negotiation::ShowHold(call.instance, id, ""));
  Reply reply = JsonReply(wire::HoldJson(view, /*with_covered=*/true), 201);
  reply.headers.emplace_back("Location", "/v1/holds/" + negotiation::HoldId(id));
  return reply;
}

Result<Reply> PostLift(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseHoldId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"reason", "lifted_on"}));
  CANJE_ASSIGN_OR_RETURN(std::string reason, TextMember(call, body, "reason", true));
  CANJE_ASSIGN_OR_RETURN(std::string lifted_on, TextMember(call, body, "lifted_on", false));
  CANJE_RETURN_IF_ERROR(negotiation::LiftHold(call.instance, id, lifted_on, reason));
  CANJE_ASSIGN_OR_RETURN(auto view, negotiation::ShowHold(call.instance, id, ""));
  return JsonReply(wire::HoldJson(view, /*with_covered=*/true));
}

}  // namespace

Status AddHoldRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/holds", {Action::kReadRegistry, GetHolds}));
  CANJE_RETURN_IF_ERROR(routes.Add("POST", "/v1/holds", {Action::kManageHolds, PostHold}));
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/holds/{id}", {Action::kReadRegistry, GetHold}));
  return routes.Add("POST", "/v1/holds/{id}/lift", {Action::kManageHolds, PostLift});
}

}  // namespace canje::server
