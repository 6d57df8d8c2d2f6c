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
#include "negotiation/claim_fields.h"
#include "negotiation/exchange.h"
#include "negotiation/exchange_solve.h"
#include "server/body_members.h"
#include "server/handlers.h"
#include "server/if_match.h"
#include "wire/exchange_json.h"

namespace canje::server {
namespace {

using nlohmann::json;

constexpr std::string_view kExchangeReadWith = "GET /v1/exchanges/{id}";
// The longest a solve may run within a request.
constexpr double kLongestSolveSeconds = 60;

// A change's outcome: its JSON, or its refusal (412 when If-Match no longer holds).
Result<Reply> ExchangeChangeReply(ApiCall& call, int64_t exchange_id, int64_t expected,
                                  const Status& status, const std::function<json()>& answer) {
  if (!status.ok()) {
    return RefusalWithIfMatch(call, expected, status, ExchangeRevisionNow(call, exchange_id));
  }
  return JsonReply(answer());
}

// What every change of an exchange reads first: the exchange of the path, the revision that
// If-Match names, and the body with its accepted members.
// Its members are read one by one, not through a structured binding: clang refuses a binding
// captured by a lambda.
struct ExchangeChange {
  int64_t id = 0;
  int64_t expected = 0;
  json body;
};
Result<ExchangeChange> ExchangeChangeOf(ApiCall& call, const std::vector<std::string>& known) {
  ExchangeChange change;
  CANJE_ASSIGN_OR_RETURN(change.id, negotiation::ParseExchangeId(call.Param("id")));
  CANJE_ASSIGN_OR_RETURN(change.expected, IfMatchRevision(call, kExchangeReadWith));
  CANJE_ASSIGN_OR_RETURN(change.body, BodyWithMembers(call, known));
  return change;
}

// The persons of a claim or a cost: "person" ("P17") or "list" ("L3"), one of the two; a
// claim's "where" conditions select among the list's records (negotiation/claim_fields.h).
Result<std::vector<int64_t>> ExchangePersons(ApiCall& call, const json& body) {
  CANJE_ASSIGN_OR_RETURN(std::string person, TextMember(call, body, "person", false));
  CANJE_ASSIGN_OR_RETURN(std::string list, TextMember(call, body, "list", false));
  CANJE_ASSIGN_OR_RETURN(std::vector<std::string> where, TextsMember(call, body, "where"));
  Result<std::vector<int64_t>> persons =
      negotiation::PersonsToClaim(call.instance, person, list, where);
  if (!persons.ok() && persons.status().code() == StatusCode::kUsage) {
    if (!where.empty()) return call.AtPointer(persons.status(), "/where");
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
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"name", "mediator", "occurred_at"}));
  negotiation::NewExchange exchange;
  CANJE_ASSIGN_OR_RETURN(exchange.name, TextMember(call, body, "name", true));
  CANJE_ASSIGN_OR_RETURN(exchange.mediator, TextMember(call, body, "mediator", true));
  CANJE_ASSIGN_OR_RETURN(exchange.occurred_at, OccurredAtMember(call, body));
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::CreateExchange(call.instance, exchange));
  Reply reply = JsonReply(wire::ExchangeCreatedJson(id, exchange), 201);
  reply.headers.emplace_back("Location", "/v1/exchanges/" + negotiation::ExchangeId(id));
  return reply;
}

Result<Reply> PostExchangeParty(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(ExchangeChange request, ExchangeChangeOf(call, {"party", "bloc"}));
  const int64_t id = request.id;
  const int64_t expected = request.expected;
  const json& body = request.body;
  CANJE_ASSIGN_OR_RETURN(std::string party, TextMember(call, body, "party", true));
  CANJE_ASSIGN_OR_RETURN(std::string bloc, TextMember(call, body, "bloc", true));
  Status added = negotiation::AddExchangeParty(call.instance, id, party, bloc, expected);
  return ExchangeChangeReply(call, id, expected, added,
                             [&] { return wire::ExchangePartyJson(id, party, bloc); });
}

Result<Reply> PostExchangeRule(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(ExchangeChange request, ExchangeChangeOf(call, {"bloc", "rule", "ratio"}));
  const int64_t id = request.id;
  const int64_t expected = request.expected;
  const json& body = request.body;
  CANJE_ASSIGN_OR_RETURN(std::string bloc, TextMember(call, body, "bloc", true));
  CANJE_ASSIGN_OR_RETURN(std::string kind, TextMember(call, body, "rule", true));
  solver::Rule rule;
  Result<solver::Rule::Kind> parsed = negotiation::ParseRuleKind(kind);
  if (!parsed.ok()) return call.AtPointer(parsed.status(), "/rule");
  rule.kind = *parsed;
  CANJE_ASSIGN_OR_RETURN(std::optional<double> ratio, NumberMember(call, body, "ratio"));
  rule.ratio = ratio.value_or(1.0);
  Status set = negotiation::SetBlocRule(call.instance, id, bloc, rule, expected);
  return ExchangeChangeReply(call, id, expected, set,
                             [&] { return wire::BlocRuleSetJson(id, bloc, rule); });
}

Result<Reply> PostExchangeCaps(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(ExchangeChange request,
                         ExchangeChangeOf(call, {"max_size", "max_parties", "objective"}));
  const int64_t id = request.id;
  const int64_t expected = request.expected;
  const json& body = request.body;
  negotiation::ExchangeCapsChange change;
  for (const auto& [name, cap] :
       {std::pair{"max_size", &change.max_size}, std::pair{"max_parties", &change.max_parties}}) {
    CANJE_ASSIGN_OR_RETURN(std::optional<int64_t> value,
                           IntegerMember(call, body, name, /*null_allowed=*/true));
    if (body.contains(name)) *cap = value;  // null: no cap
  }
  if (body.contains("objective")) {
    CANJE_ASSIGN_OR_RETURN(std::string objective, TextMember(call, body, "objective", true));
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
  CANJE_ASSIGN_OR_RETURN(
      ExchangeChange request,
      ExchangeChangeOf(call, {"by", "person", "list", "where", "value", "priority", "destination",
                              "unconditional", "replace"}));
  const int64_t id = request.id;
  const int64_t expected = request.expected;
  const json& body = request.body;
  negotiation::NewClaim claim;
  CANJE_ASSIGN_OR_RETURN(claim.claimant, TextMember(call, body, "by", true));
  CANJE_ASSIGN_OR_RETURN(claim.destination, TextMember(call, body, "destination", false));
  CANJE_ASSIGN_OR_RETURN(std::optional<double> value, NumberMember(call, body, "value"));
  claim.value = value.value_or(1.0);
  CANJE_ASSIGN_OR_RETURN(std::optional<int64_t> priority,
                         IntegerMember(call, body, "priority", false));
  claim.priority = priority.value_or(1);
  CANJE_ASSIGN_OR_RETURN(std::optional<bool> unconditional,
                         BoolMember(call, body, "unconditional"));
  claim.unconditional = unconditional.value_or(false);
  CANJE_ASSIGN_OR_RETURN(std::optional<bool> replace, BoolMember(call, body, "replace"));
  const negotiation::ClaimMode mode = replace.value_or(false)
                                          ? negotiation::ClaimMode::kReplace
                                          : negotiation::ClaimMode::kKeepStronger;
  CANJE_ASSIGN_OR_RETURN(std::vector<int64_t> persons, ExchangePersons(call, body));
  std::vector<negotiation::NewClaim> claims;
  for (int64_t person : persons) {
    claims.push_back(claim);
    claims.back().person_id = person;
  }
  Result<negotiation::ClaimOutcome> outcome =
      negotiation::AddClaims(call.instance, id, claims, mode, expected);
  const std::string destination = claim.destination.empty() ? claim.claimant : claim.destination;
  return ExchangeChangeReply(call, id, expected, outcome.status(), [&] {
    return wire::ClaimsAddedJson(id, claim.claimant, destination, persons, *outcome);
  });
}

Result<Reply> PostExchangeCosts(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(ExchangeChange request,
                         ExchangeChangeOf(call, {"by", "person", "list", "cost"}));
  const int64_t id = request.id;
  const int64_t expected = request.expected;
  const json& body = request.body;
  CANJE_ASSIGN_OR_RETURN(std::string holder, TextMember(call, body, "by", true));
  CANJE_ASSIGN_OR_RETURN(std::optional<double> given_cost, NumberMember(call, body, "cost"));
  if (!given_cost) return call.AtPointer(Status::Usage("\"cost\" is required"), "/cost");
  const double cost = *given_cost;
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
  CANJE_ASSIGN_OR_RETURN(json body,
                         BodyWithMembers(call, {"date", "explain", "require", "time_limit"}));
  negotiation::SolveExchangeOptions options;
  CANJE_ASSIGN_OR_RETURN(options.date, TextMember(call, body, "date", false));
  CANJE_ASSIGN_OR_RETURN(std::optional<bool> explain, BoolMember(call, body, "explain"));
  options.explain = explain.value_or(false);
  CANJE_ASSIGN_OR_RETURN(std::optional<double> time_limit, NumberMember(call, body, "time_limit"));
  // A solve holds one of the server's few threads: over HTTP it is bounded (the command line on
  // the store's machine is not). 0 or absent: the bound.
  options.time_limit_seconds = time_limit.value_or(0.0) == 0 ? kLongestSolveSeconds : *time_limit;
  if (options.time_limit_seconds < 0 || options.time_limit_seconds > kLongestSolveSeconds) {
    return call.AtPointer(
        Status::Usage("\"time_limit\" is a number of seconds from 0 to " +
                      std::to_string(static_cast<int>(kLongestSolveSeconds)) +
                      " over HTTP (0: " + std::to_string(static_cast<int>(kLongestSolveSeconds)) +
                      "); for a longer search run `canje exchange solve --time-limit` on the "
                      "store's machine"),
        "/time_limit");
  }
  CANJE_ASSIGN_OR_RETURN(std::string require, TextMember(call, body, "require", false));
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
