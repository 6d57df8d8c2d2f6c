// The stages of an exchange over HTTP: the same calls as `canje exchange stage
// add|assign|list|show|start|complete|postpone` (negotiation/stages.h), each answering with the
// stage as `--json` prints it (wire/stage_json.h).
#include <string>
#include <vector>

#include "negotiation/exchange.h"
#include "negotiation/exchange_solve.h"
#include "negotiation/stages.h"
#include "server/body_members.h"
#include "server/handlers.h"
#include "wire/stage_json.h"

namespace canje::server {
namespace {

using nlohmann::json;

// The stage number of the path ({n}).
Result<int64_t> StageNumberOf(ApiCall& call) {
  Result<int64_t> number = negotiation::ParseStageNumber(call.Param("n"));
  if (!number.ok()) return call.AtParameter(number.status(), "n");
  return number;
}

Result<Reply> StageReply(ApiCall& call, const negotiation::StageView& view) {
  CANJE_ASSIGN_OR_RETURN(auto names,
                         negotiation::VisibleNames(call.instance, wire::PersonsOf({view})));
  return JsonReply(wire::StageJson(view, names));
}

// Stage `number` of exchange `id` as GET /v1/exchanges/{id}/stages/{n} answers it.
Result<Reply> ShownStageReply(ApiCall& call, int64_t id, int64_t number) {
  CANJE_ASSIGN_OR_RETURN(negotiation::StageView view,
                         negotiation::ShowStage(call.instance, id, number));
  return StageReply(call, view);
}

// The persons of a body ({"persons": ["P17", ...]}), each named by its pointer in messages.
Result<std::vector<negotiation::StagePerson>> StagePersonsMember(ApiCall& call, const json& body) {
  CANJE_ASSIGN_OR_RETURN(std::vector<int64_t> ids, PersonIdsMember(call, body, "persons"));
  std::vector<negotiation::StagePerson> persons;
  for (size_t i = 0; i < ids.size(); ++i) {
    persons.push_back({ids[i], "/persons/" + std::to_string(i) + ": "});
  }
  return persons;
}

// GET /v1/exchanges/{id}/stages
Result<Reply> GetStages(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(auto views, negotiation::ListStages(call.instance, id));
  CANJE_ASSIGN_OR_RETURN(auto names,
                         negotiation::VisibleNames(call.instance, wire::PersonsOf(views)));
  return JsonArrayReply(views, [&](const auto& view) { return wire::StageJson(view, names); });
}

// POST /v1/exchanges/{id}/stages {"name", "date", "place", "persons"?: [...]}
Result<Reply> PostStage(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"name", "date", "place", "persons"}));
  negotiation::NewStage stage;
  CANJE_ASSIGN_OR_RETURN(stage.name, TextMember(call, body, "name", true));
  CANJE_ASSIGN_OR_RETURN(stage.date, TextMember(call, body, "date", true));
  CANJE_ASSIGN_OR_RETURN(stage.place, TextMember(call, body, "place", true));
  CANJE_ASSIGN_OR_RETURN(stage.persons, StagePersonsMember(call, body));
  CANJE_ASSIGN_OR_RETURN(int64_t number, negotiation::PlanStage(call.instance, id, stage));
  return ShownStageReply(call, id, number);
}

// GET /v1/exchanges/{id}/stages/{n}
Result<Reply> GetStage(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(int64_t number, StageNumberOf(call));
  return ShownStageReply(call, id, number);
}

// POST /v1/exchanges/{id}/stages/{n}/persons {"persons": [...]}
Result<Reply> PostStagePersons(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(int64_t number, StageNumberOf(call));
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"persons"}));
  CANJE_ASSIGN_OR_RETURN(auto persons, StagePersonsMember(call, body));
  CANJE_RETURN_IF_ERROR(negotiation::AssignToStage(call.instance, id, number, persons));
  return ShownStageReply(call, id, number);
}

// POST /v1/exchanges/{id}/stages/{n}/start and /complete ({}).
template <Result<negotiation::StageView> (*kMove)(instance::Instance&, int64_t, int64_t)>
Result<Reply> PostStageMove(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(int64_t number, StageNumberOf(call));
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {}));
  CANJE_ASSIGN_OR_RETURN(negotiation::StageView view, kMove(call.instance, id, number));
  return StageReply(call, view);
}

// POST /v1/exchanges/{id}/stages/{n}/postpone {"date", "reason"}
Result<Reply> PostStagePostpone(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(int64_t number, StageNumberOf(call));
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"date", "reason"}));
  CANJE_ASSIGN_OR_RETURN(std::string date, TextMember(call, body, "date", true));
  CANJE_ASSIGN_OR_RETURN(std::string reason, TextMember(call, body, "reason", true));
  CANJE_ASSIGN_OR_RETURN(negotiation::StageView view,
                         negotiation::PostponeStage(call.instance, id, number, date, reason));
  return StageReply(call, view);
}

}  // namespace

Status AddStageRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/v1/exchanges/{id}/stages", {Action::kReadExecution, GetStages}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/exchanges/{id}/stages", {Action::kChangeExchangeState, PostStage}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/v1/exchanges/{id}/stages/{n}", {Action::kReadExecution, GetStage}));
  CANJE_RETURN_IF_ERROR(routes.Add("POST", "/v1/exchanges/{id}/stages/{n}/persons",
                                   {Action::kChangeExchangeState, PostStagePersons}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/exchanges/{id}/stages/{n}/start",
                 {Action::kChangeExchangeState, PostStageMove<negotiation::StartStage>}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/exchanges/{id}/stages/{n}/complete",
                 {Action::kChangeExchangeState, PostStageMove<negotiation::CompleteStage>}));
  return routes.Add("POST", "/v1/exchanges/{id}/stages/{n}/postpone",
                    {Action::kChangeExchangeState, PostStagePostpone});
}

}  // namespace canje::server
