// Exchanges over HTTP: creating one, its parties and sides, rules and caps, claims and release
// costs, its candidates and the best deal — the use cases of `canje exchange create|party add|
// rule|caps|claim|cost|candidates|solve` (negotiation/exchange.h, candidates.h,
// exchange_solve.h), answered with the same JSON as their --json (wire/exchange_json.h).
// A change takes If-Match with the ETag of GET /v1/exchanges/{id} (server/if_match.h).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "instance/ids.h"
#include "negotiation/candidates.h"
#include "negotiation/exchange.h"
#include "negotiation/exchange_solve.h"
#include "server/handlers.h"
#include "server/if_match.h"
#include "wire/exchange_json.h"

namespace canje::server {
namespace {

using nlohmann::json;

constexpr std::string_view kExchangeReadWith = "GET /v1/exchanges/{id}";

// Member `name` of `body` as a finite number >= 0 (the core checks the range again);
// `fallback` when absent. kUsage with its pointer for anything else.
Result<double> ExchangeNumberMember(ApiCall& call, const json& body, const std::string& name,
                                    std::optional<double> fallback) {
  auto found = body.find(name);
  if (found == body.end()) {
    if (fallback) return *fallback;
    return call.AtPointer(Status::Usage("\"" + name + "\" is required"), "/" + name);
  }
  if (!found->is_number()) {
    return call.AtPointer(Status::Usage("\"" + name + "\" must be a number"), "/" + name);
  }
  return found->get<double>();
}

// Member `name` as a whole number; none when absent (or null, when `null_allowed`).
Result<std::optional<int64_t>> ExchangeIntegerMember(ApiCall& call, const json& body,
                                                     const std::string& name, bool null_allowed) {
  auto found = body.find(name);
  if (found == body.end()) return std::optional<int64_t>();
  if (null_allowed && found->is_null()) return std::optional<int64_t>();
  if (!found->is_number_integer() ||
      (found->is_number_unsigned() && found->get<uint64_t>() > INT64_MAX)) {
    return call.AtPointer(
        Status::Usage("\"" + name + "\" must be a whole number" + (null_allowed ? " or null" : "")),
        "/" + name);
  }
  return std::optional<int64_t>(found->get<int64_t>());
}

Result<bool> ExchangeBoolMember(ApiCall& call, const json& body, const std::string& name) {
  auto found = body.find(name);
  if (found == body.end()) return false;
  if (!found->is_boolean()) {
    return call.AtPointer(Status::Usage("\"" + name + "\" must be true or false"), "/" + name);
  }
  return found->get<bool>();
}

// A change's outcome: its JSON, or its refusal (412 when If-Match no longer holds).
Result<Reply> ExchangeChangeReply(ApiCall& call, int64_t exchange_id, int64_t expected,
                                  const Status& status, const std::function<json()>& answer) {
  if (!status.ok()) {
    return RefusalWithIfMatch(call, expected, status, ExchangeRevisionNow(call, exchange_id));
  }
  return JsonReply(answer());
}

// The persons of a claim or a cost: "person" ("P17") or "list" ("L3"), one of the two.
Result<std::vector<int64_t>> ExchangePersons(ApiCall& call, const json& body) {
  CANJE_ASSIGN_OR_RETURN(std::string person, call.StringMember(body, "person", false));
  CANJE_ASSIGN_OR_RETURN(std::string list, call.StringMember(body, "list", false));
  Result<std::vector<int64_t>> persons =
      negotiation::PersonOrListPersons(call.instance, person, list);
  if (!persons.ok() && persons.status().code() == StatusCode::kUsage) {
    if (person.empty() == list.empty()) {
      return call.AtPointer(Status::Usage("give \"person\" (\"P17\") or \"list\" (\"L3\"), one "
                                          "of the two"),
                            "");
    }
    return call.AtPointer(persons.status(), person.empty() ? "/list" : "/person");
  }
  return persons;
}

Result<Reply> PostExchange(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  CANJE_RETURN_IF_ERROR(call.OnlyMembers(body, {"name", "mediator"}));
  negotiation::NewExchange exchange;
  CANJE_ASSIGN_OR_RETURN(exchange.name, call.StringMember(body, "name", true));
  CANJE_ASSIGN_OR_RETURN(exchange.mediator, call.StringMember(body, "mediator", true));
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::CreateExchange(call.instance, exchange));
  Reply reply = JsonReply(wire::ExchangeCreatedJson(id, exchange), 201);
  reply.headers.emplace_back("Location", "/v1/exchanges/" + negotiation::ExchangeId(id));
  return reply;
}

Result<Reply> PostExchangeParty(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(int64_t expected, IfMatchRevision(call, kExchangeReadWith));
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  CANJE_RETURN_IF_ERROR(call.OnlyMembers(body, {"party", "bloc"}));
  CANJE_ASSIGN_OR_RETURN(std::string party, call.StringMember(body, "party", true));
  CANJE_ASSIGN_OR_RETURN(std::string bloc, call.StringMember(body, "bloc", true));
  Status added = negotiation::AddExchangeParty(call.instance, id, party, bloc, expected);
  return ExchangeChangeReply(call, id, expected, added,
                             [&] { return wire::ExchangePartyJson(id, party, bloc); });
}

Result<Reply> PostExchangeRule(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(int64_t expected, IfMatchRevision(call, kExchangeReadWith));
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  CANJE_RETURN_IF_ERROR(call.OnlyMembers(body, {"bloc", "rule", "ratio"}));
  CANJE_ASSIGN_OR_RETURN(std::string bloc, call.StringMember(body, "bloc", true));
  CANJE_ASSIGN_OR_RETURN(std::string kind, call.StringMember(body, "rule", true));
  solver::Rule rule;
  Result<solver::Rule::Kind> parsed = negotiation::ParseRuleKind(kind);
  if (!parsed.ok()) return call.AtPointer(parsed.status(), "/rule");
  rule.kind = *parsed;
  CANJE_ASSIGN_OR_RETURN(rule.ratio, ExchangeNumberMember(call, body, "ratio", 1.0));
  Status set = negotiation::SetBlocRule(call.instance, id, bloc, rule, expected);
  return ExchangeChangeReply(call, id, expected, set,
                             [&] { return wire::BlocRuleSetJson(id, bloc, rule); });
}

Result<Reply> PostExchangeCaps(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(int64_t expected, IfMatchRevision(call, kExchangeReadWith));
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  CANJE_RETURN_IF_ERROR(call.OnlyMembers(body, {"max_size", "max_parties", "objective"}));
  negotiation::ExchangeCapsChange change;
  for (const auto& [name, cap] :
       {std::pair{"max_size", &change.max_size}, std::pair{"max_parties", &change.max_parties}}) {
    CANJE_ASSIGN_OR_RETURN(std::optional<int64_t> value,
                           ExchangeIntegerMember(call, body, name, /*null_allowed=*/true));
    if (body.contains(name)) *cap = value;  // null: no cap
  }
  if (body.contains("objective")) {
    CANJE_ASSIGN_OR_RETURN(std::string objective, call.StringMember(body, "objective", true));
    Result<solver::Objective> parsed = negotiation::ParseObjective(objective);
    if (!parsed.ok()) return call.AtPointer(parsed.status(), "/objective");
    change.objective = *parsed;
  }
  Result<negotiation::ExchangeCaps> caps =
      negotiation::ChangeExchangeCaps(call.instance, id, change, expected);
  return ExchangeChangeReply(call, id, expected, caps.status(),
                             [&] { return wire::ExchangeCapsJson(id, *caps); });
}

Result<Reply> PostExchangeClaims(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(int64_t expected, IfMatchRevision(call, kExchangeReadWith));
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  CANJE_RETURN_IF_ERROR(call.OnlyMembers(
      body, {"by", "person", "list", "value", "priority", "destination", "unconditional"}));
  negotiation::NewClaim claim;
  CANJE_ASSIGN_OR_RETURN(claim.claimant, call.StringMember(body, "by", true));
  CANJE_ASSIGN_OR_RETURN(claim.destination, call.StringMember(body, "destination", false));
  CANJE_ASSIGN_OR_RETURN(claim.value, ExchangeNumberMember(call, body, "value", 1.0));
  CANJE_ASSIGN_OR_RETURN(std::optional<int64_t> priority,
                         ExchangeIntegerMember(call, body, "priority", false));
  claim.priority = priority.value_or(1);
  CANJE_ASSIGN_OR_RETURN(claim.unconditional, ExchangeBoolMember(call, body, "unconditional"));
  CANJE_ASSIGN_OR_RETURN(std::vector<int64_t> persons, ExchangePersons(call, body));
  std::vector<negotiation::NewClaim> claims;
  for (int64_t person : persons) {
    claims.push_back(claim);
    claims.back().person_id = person;
  }
  Result<negotiation::ClaimOutcome> outcome =
      negotiation::AddClaims(call.instance, id, claims, expected);
  const std::string destination = claim.destination.empty() ? claim.claimant : claim.destination;
  return ExchangeChangeReply(call, id, expected, outcome.status(), [&] {
    return wire::ClaimsAddedJson(id, claim.claimant, destination, persons, *outcome);
  });
}

Result<Reply> PostExchangeCosts(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(int64_t expected, IfMatchRevision(call, kExchangeReadWith));
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  CANJE_RETURN_IF_ERROR(call.OnlyMembers(body, {"by", "person", "list", "cost"}));
  CANJE_ASSIGN_OR_RETURN(std::string holder, call.StringMember(body, "by", true));
  CANJE_ASSIGN_OR_RETURN(double cost, ExchangeNumberMember(call, body, "cost", std::nullopt));
  CANJE_ASSIGN_OR_RETURN(std::vector<int64_t> persons, ExchangePersons(call, body));
  std::vector<negotiation::NewCost> costs;
  for (int64_t person : persons) costs.push_back({person, holder, cost});
  Status set = negotiation::SetReleaseCosts(call.instance, id, costs, expected);
  return ExchangeChangeReply(call, id, expected, set,
                             [&] { return wire::CostsSetJson(id, holder, cost, persons); });
}

Result<Reply> GetExchangeCandidates(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  Result<negotiation::ExchangeCandidates> candidates =
      negotiation::BuildCandidates(call.instance, id, call.Query("date"));
  if (!candidates.ok() && candidates.status().code() == StatusCode::kUsage) {
    return call.AtParameter(candidates.status(), "date");
  }
  CANJE_RETURN_IF_ERROR(candidates.status());
  std::vector<int64_t> persons;
  for (const auto& claim : candidates->details.claims) persons.push_back(claim.person_id);
  CANJE_ASSIGN_OR_RETURN(auto names, negotiation::VisibleNames(call.instance, persons));
  return JsonReply(wire::ExchangeCandidatesJson(id, *candidates, names));
}

// Not a change: the deal is computed, nothing is recorded (POST for its options and its cost).
Result<Reply> PostExchangeSolve(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  CANJE_RETURN_IF_ERROR(call.OnlyMembers(body, {"date", "explain", "require", "time_limit"}));
  negotiation::SolveExchangeOptions options;
  CANJE_ASSIGN_OR_RETURN(options.date, call.StringMember(body, "date", false));
  CANJE_ASSIGN_OR_RETURN(options.explain, ExchangeBoolMember(call, body, "explain"));
  CANJE_ASSIGN_OR_RETURN(options.time_limit_seconds,
                         ExchangeNumberMember(call, body, "time_limit", 0.0));
  if (options.time_limit_seconds < 0) {
    return call.AtPointer(Status::Usage("\"time_limit\" must be a number of seconds > 0"),
                          "/time_limit");
  }
  CANJE_ASSIGN_OR_RETURN(std::string require, call.StringMember(body, "require", false));
  if (!require.empty()) {
    Result<int64_t> person = instance::ParseId(require, 'P', "person");
    if (!person.ok()) return call.AtPointer(person.status(), "/require");
    options.require_person = *person;
  }
  Result<negotiation::ExchangeDeal> deal = negotiation::SolveExchange(call.instance, id, options);
  if (!deal.ok() && deal.status().code() == StatusCode::kUsage && !options.date.empty()) {
    return call.AtPointer(deal.status(), "/date");
  }
  CANJE_RETURN_IF_ERROR(deal.status());
  return JsonReply(wire::ExchangeDealJson(id, *deal));
}

}  // namespace

Status AddExchangeRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/exchanges", {Action::kManageExchanges, PostExchange}));
  CANJE_RETURN_IF_ERROR(routes.Add("POST", "/v1/exchanges/{id}/parties",
                                   {Action::kManageExchanges, PostExchangeParty}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/exchanges/{id}/rules", {Action::kManageExchanges, PostExchangeRule}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("POST", "/v1/exchanges/{id}/caps", {Action::kManageExchanges, PostExchangeCaps}));
  CANJE_RETURN_IF_ERROR(routes.Add("POST", "/v1/exchanges/{id}/claims",
                                   {Action::kClaimInExchange, PostExchangeClaims}));
  CANJE_RETURN_IF_ERROR(routes.Add("POST", "/v1/exchanges/{id}/costs",
                                   {Action::kClaimInExchange, PostExchangeCosts}));
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/exchanges/{id}/candidates",
                                   {Action::kReadExchanges, GetExchangeCandidates}));
  return routes.Add("POST", "/v1/exchanges/{id}/solve",
                    {Action::kReadExchanges, PostExchangeSolve});
}

}  // namespace canje::server
