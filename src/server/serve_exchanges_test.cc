// `canje serve` end to end for building an exchange: created, given sides, rules and caps,
// claimed and costed over the API, then its candidates and best deal read — each answer compared
// with what the command line's --json says for the same user, each refusal checked to write
// nothing. Runs on SQLite and, in serve_test_postgres, on PostgreSQL.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "cli/cli_test_support.h"
#include "core/encoding.h"
#include "server/serve_test_support.h"

namespace canje::server::testing {
namespace {

using nlohmann::json;

// The demo store, a mediator (PUENTE) and negotiators of SLV, VEN and USA with API tokens, and
// `canje serve` on it. No exchange yet: the tests make them.
class ServeExchangesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(canje_.Run({"demo"}).exit_status, 0);
    const std::map<std::string, std::pair<std::string, std::string>> users = {
        {"med", {"PUENTE", "mediator"}},
        {"slv", {"SLV", "negotiator"}},
        {"ven", {"VEN", "negotiator"}},
        {"usa", {"USA", "negotiator"}}};
    for (const auto& [user, party_role] : users) {
      canje_.RunOk({"user", "add", user, "--party", party_role.first, "--role", party_role.second});
      tokens_[user] = CreateApiToken(canje_, user);
    }
    roster_ = json::parse(canje_.RunOk({"persons", "--list", "L1", "--json"}));
    americans_ =
        json::parse(canje_.RunOk({"persons", "--list", "L2", "--nationality", "USA", "--json"}));
    ASSERT_GE(roster_.size(), 12u);
    ASSERT_GE(americans_.size(), 1u);
    server_ = std::make_unique<ServeProcess>(canje_);
    ASSERT_NE(server_->port(), 0) << server_->error();
    client_ = std::make_unique<HttpTestClient>(server_->port());
  }

  json CliJson(const std::string& user, std::vector<std::string> args) const {
    args.insert(args.begin(), {"--as", user});
    args.push_back("--json");
    return json::parse(canje_.RunOk(args), nullptr, false);
  }
  int64_t Events() const {
    return json::parse(canje_.RunOk({"summary", "--json"}))["events"].get<int64_t>();
  }
  HttpResult Call(const std::string& method, const std::string& target, const std::string& user,
                  const json& body = nullptr,
                  const std::map<std::string, std::string>& headers = {}) {
    return client_->Send(method, target, tokens_.at(user), body.is_null() ? "" : body.dump(),
                         headers);
  }
  // The answer's body, after checking its status.
  static json Answer(const HttpResult& result, int status = 200) {
    EXPECT_EQ(result.status, status) << result.body << result.error;
    return json::parse(result.body, nullptr, false);
  }
  // Checks a problem answer of `status`; returns its body.
  static json Refused(const HttpResult& result, int status) {
    EXPECT_EQ(result.status, status) << result.body << result.error;
    EXPECT_EQ(result.Header("content-type"), "application/problem+json");
    return json::parse(result.body, nullptr, false);
  }
  std::string Person(const json& persons, size_t i) const { return persons[i]["id"]; }

  // X1 made over the API (by the mediator): SLV and VEN on a side each, count one for one;
  // USA not in it. VEN claims two of SLV's roster, SLV claims a US national held by VEN for the
  // USA. The same steps on the command line make X2; each answer matches.
  void BuildBothWays() {
    const std::vector<std::pair<std::string, json>> steps = {
        {"parties", {{"party", "SLV"}, {"bloc", "SLV"}}},
        {"parties", {{"party", "VEN"}, {"bloc", "VEN"}}},
        {"rules", {{"bloc", "SLV"}, {"rule", "count"}, {"ratio", 1}}},
        {"rules", {{"bloc", "VEN"}, {"rule", "count"}}},
        {"caps", {{"max_size", 10}}},
    };
    const std::vector<std::vector<std::string>> cli_steps = {
        {"exchange", "party", "add", "X2", "SLV", "--bloc", "SLV"},
        {"exchange", "party", "add", "X2", "VEN", "--bloc", "VEN"},
        {"exchange", "rule", "X2", "SLV", "count", "--ratio", "1"},
        {"exchange", "rule", "X2", "VEN", "count"},
        {"exchange", "caps", "X2", "--max-size", "10"},
    };
    for (size_t i = 0; i < steps.size(); ++i) {
      json api = Answer(Call("POST", "/v1/exchanges/X1/" + steps[i].first, "med", steps[i].second));
      json cli = CliJson("med", cli_steps[i]);
      cli["exchange"] = "X1";
      EXPECT_EQ(api, cli) << steps[i].first;
    }
    struct Claim {
      std::string user;
      json body;
      std::vector<std::string> args;
    };
    const std::vector<Claim> claims = {
        {"ven",
         {{"by", "VEN"}, {"person", Person(roster_, 10)}, {"value", 2}, {"priority", 1}},
         {"exchange", "claim", "X2", Person(roster_, 10), "--by", "VEN", "--value", "2"}},
        {"ven",
         {{"by", "VEN"}, {"person", Person(roster_, 11)}, {"unconditional", true}},
         {"exchange", "claim", "X2", Person(roster_, 11), "--by", "VEN", "--unconditional"}},
        {"slv",
         {{"by", "SLV"}, {"person", Person(americans_, 0)}, {"destination", "USA"}},
         {"exchange", "claim", "X2", Person(americans_, 0), "--by", "SLV", "--destination",
          "USA"}},
    };
    for (const Claim& claim : claims) {
      json api = Answer(Call("POST", "/v1/exchanges/X1/claims", claim.user, claim.body));
      json cli = CliJson(claim.user, claim.args);
      cli["exchange"] = "X1";
      EXPECT_EQ(api, cli) << claim.body.dump();
    }
    json api = Answer(Call("POST", "/v1/exchanges/X1/costs", "slv",
                           {{"by", "SLV"}, {"person", Person(roster_, 10)}, {"cost", 3}}));
    json cli = CliJson("slv", {"exchange", "cost", "X2", Person(roster_, 10), "--by", "SLV",
                               "--cost", "3"});
    cli["exchange"] = "X1";
    EXPECT_EQ(api, cli);
  }

  CanjeRunner canje_;
  std::map<std::string, std::string> tokens_;
  json roster_;     // SLV's custody roster (L1)
  json americans_;  // US nationals on L2
  std::unique_ptr<ServeProcess> server_;
  std::unique_ptr<HttpTestClient> client_;
};

// A solution's JSON without the time it took (which differs from run to run).
json WithoutSeconds(json solution) {
  solution.erase("seconds");
  return solution;
}

TEST_F(ServeExchangesTest, AnExchangeIsCreatedOnceByAMediator) {
  const json body = {{"name", "cecot-2025"}, {"mediator", "PUENTE"}};
  const int64_t before = Events();
  Refused(Call("POST", "/v1/exchanges", "ven", body), 403);
  for (const auto& [bad, pointer] :
       std::vector<std::pair<json, std::string>>{{{{"name", "x"}}, "/mediator"},
                                                 {{{"name", 5}, {"mediator", "PUENTE"}}, "/name"},
                                                 {{{"name", "x"}, {"mediator", "PUENTE"},
                                                   {"objective", "value"}},
                                                  "/objective"}}) {
    EXPECT_EQ(Refused(Call("POST", "/v1/exchanges", "med", bad), 400)["pointer"], pointer)
        << bad.dump();
  }
  Refused(Call("POST", "/v1/exchanges", "med", {{"name", "x"}, {"mediator", "NOBODY"}}), 404);
  EXPECT_EQ(Events(), before) << "a refused creation wrote to the log";

  const std::map<std::string, std::string> key = {{"Idempotency-Key", "create-cecot-2025"}};
  HttpResult created = Call("POST", "/v1/exchanges", "med", body, key);
  json answer = Answer(created, 201);
  EXPECT_EQ(created.Header("location"), "/v1/exchanges/X1");
  const int64_t after = Events();
  EXPECT_EQ(after, before + 1);
  HttpResult again = Call("POST", "/v1/exchanges", "med", body, key);
  EXPECT_EQ(Answer(again, 201), answer);
  EXPECT_EQ(again.Header("idempotency-replayed"), "true");
  EXPECT_EQ(Events(), after) << "a retried creation made a second exchange";

  json cli = CliJson("med", {"exchange", "create", "cecot-2025", "--mediator", "PUENTE"});
  EXPECT_EQ(cli["id"], "X2");
  cli["id"] = "X1";
  EXPECT_EQ(answer, cli);
  EXPECT_EQ(Answer(Call("GET", "/v1/exchanges/X1", "med")),
            CliJson("med", {"exchange", "show", "X1"}));
}

TEST_F(ServeExchangesTest, SidesRulesCapsClaimsAndCostsAnswerAsTheCommandLine) {
  Answer(Call("POST", "/v1/exchanges", "med", {{"name", "api"}, {"mediator", "PUENTE"}}), 201);
  canje_.RunOk({"--as", "med", "exchange", "create", "cli", "--mediator", "PUENTE"});
  BuildBothWays();

  // Caps: what is not given stays; null removes a cap.
  json caps = Answer(Call("POST", "/v1/exchanges/X1/caps", "med",
                          {{"max_parties", 2}, {"objective", "value"}}));
  EXPECT_EQ(caps, (json{{"exchange", "X1"}, {"max_size", 10}, {"max_parties", 2},
                        {"objective", "value"}}));
  caps = Answer(Call("POST", "/v1/exchanges/X1/caps", "med", {{"max_size", nullptr}}));
  EXPECT_EQ(caps["max_size"], nullptr);
  EXPECT_EQ(caps["max_parties"], 2);

  // The exchange reads the same for each reader, as on the command line.
  for (const char* user : {"med", "slv", "ven"}) {
    EXPECT_EQ(Answer(Call("GET", "/v1/exchanges/X1", user)),
              CliJson(user, {"exchange", "show", "X1"}))
        << user;
  }

  const int64_t before = Events();
  // Roles and need to know: a negotiator changes no sides, claims only for its own party, and
  // an exchange its party is not in does not exist for it.
  Refused(Call("POST", "/v1/exchanges/X1/parties", "ven", {{"party", "VEN"}, {"bloc", "B"}}),
          403);
  Refused(Call("POST", "/v1/exchanges/X1/rules", "slv", {{"bloc", "SLV"}, {"rule", "none"}}),
          403);
  Refused(Call("POST", "/v1/exchanges/X1/claims", "ven",
               {{"by", "SLV"}, {"person", Person(roster_, 12)}}),
          403);
  Refused(Call("POST", "/v1/exchanges/X1/costs", "ven",
               {{"by", "SLV"}, {"person", Person(roster_, 12)}, {"cost", 1}}),
          403);
  json hidden = Refused(Call("POST", "/v1/exchanges/X1/claims", "usa",
                             {{"by", "USA"}, {"person", Person(roster_, 12)}}),
                        404);
  EXPECT_EQ(Refused(Call("GET", "/v1/exchanges/X1", "usa"), 404)["detail"], hidden["detail"]);
  Refused(Call("GET", "/v1/exchanges/X1/candidates", "usa"), 404);
  Refused(Call("POST", "/v1/exchanges/X1/solve", "usa", json::object()), 404);
  Refused(Call("POST", "/v1/exchanges/X9/claims", "ven",
               {{"by", "VEN"}, {"person", Person(roster_, 12)}}),
          404);
  // The core's refusals: a side that does not exist, a claimant not in the exchange.
  Refused(Call("POST", "/v1/exchanges/X1/rules", "med", {{"bloc", "USA"}, {"rule", "count"}}),
          404);
  Refused(Call("POST", "/v1/exchanges/X1/claims", "med",
               {{"by", "USA"}, {"person", Person(roster_, 12)}}),
          400);
  // Bad bodies say where.
  const std::vector<std::tuple<std::string, json, std::string>> bad = {
      {"parties", {{"party", "SLV"}}, "/bloc"},
      {"rules", {{"bloc", "SLV"}, {"rule", "sometimes"}}, "/rule"},
      {"rules", {{"bloc", "SLV"}, {"rule", "count"}, {"ratio", "1"}}, "/ratio"},
      {"caps", {{"max_size", "5"}}, "/max_size"},
      {"caps", {{"max_size", 2.5}}, "/max_size"},
      {"caps", {{"objective", "fame"}}, "/objective"},
      {"caps", {{"size", 5}}, "/size"},
      {"claims", {{"by", "VEN"}}, ""},
      {"claims", {{"by", "VEN"}, {"person", "P1"}, {"list", "L1"}}, ""},
      {"claims", {{"by", "VEN"}, {"person", "Q1"}}, "/person"},
      {"claims", {{"by", "VEN"}, {"person", "P1"}, {"priority", "high"}}, "/priority"},
      {"claims", {{"by", "VEN"}, {"person", "P1"}, {"unconditional", "yes"}}, "/unconditional"},
      {"costs", {{"by", "SLV"}, {"person", "P1"}}, "/cost"},
      {"solve", {{"require", "17"}, {"explain", "no"}}, "/explain"},
      {"solve", {{"require", "Q17"}}, "/require"},
      {"solve", {{"time_limit", 61}}, "/time_limit"},  // a solve holds a thread: at most 60 s
      {"solve", {{"time_limit", -1}}, "/time_limit"},
  };
  for (const auto& [path, body, pointer] : bad) {
    json problem = Refused(Call("POST", "/v1/exchanges/X1/" + path, "med", body), 400);
    EXPECT_EQ(problem["pointer"], pointer) << path << " " << body.dump() << " " << problem.dump();
  }
  EXPECT_EQ(Events(), before) << "a refused change wrote to the log";

  // A claim of a whole list by the mediator, for VEN, at priority 2: the two VEN claimed before
  // at priority 1 keep it, and only the new claims are logged.
  json listed = Answer(Call("POST", "/v1/exchanges/X1/claims", "med",
                            {{"by", "VEN"}, {"list", "L1"}, {"priority", 2}}));
  const int64_t roster_size = static_cast<int64_t>(roster_.size());
  EXPECT_EQ(listed["persons"].size(), roster_.size());
  EXPECT_EQ(listed["added"], roster_size - 2);
  EXPECT_EQ(listed["kept"], 2);
  EXPECT_EQ(listed["replaced"], 0);
  EXPECT_EQ(Events(), before + roster_size - 2);
  json shown = Answer(Call("GET", "/v1/exchanges/X1", "med"));
  int64_t urgent = 0;
  for (const json& claim : shown["claims"]) {
    urgent += claim["claimant"] == "VEN" && claim["priority"] == 1 ? 1 : 0;
  }
  EXPECT_EQ(urgent, 2) << "a claim at a weaker priority lowered an earlier one";

  // "replace": true lowers them, and says so.
  json replaced = Answer(Call("POST", "/v1/exchanges/X1/claims", "med",
                              {{"by", "VEN"}, {"list", "L1"}, {"priority", 2}, {"replace", true}}));
  EXPECT_EQ(replaced["added"], 0);
  EXPECT_EQ(replaced["kept"], 0);
  EXPECT_EQ(replaced["replaced"], roster_size);
  shown = Answer(Call("GET", "/v1/exchanges/X1", "med"));
  for (const json& claim : shown["claims"]) {
    if (claim["claimant"] == "VEN") {
      EXPECT_EQ(claim["priority"], 2) << claim.dump();
    }
  }
  Refused(Call("POST", "/v1/exchanges/X1/claims", "med",
               {{"by", "VEN"}, {"list", "L1"}, {"replace", "yes"}}),
          400);
}

// A negotiation recorded after the fact over the API: "occurred_at" on the exchange's creation,
// a version, its tabling and a party's answer entered by the mediator; each GET shows the time it
// happened beside the time it was recorded; a bad time, a time out of bounds, a negotiator
// dating a step and the mediator answering undated are refused and write nothing.
TEST_F(ServeExchangesTest, EarlierStepsAreRecordedWithTheTimesTheyHappened) {
  const int64_t before = Events();
  const json begun = {{"name", "earlier"}, {"mediator", "PUENTE"}, {"occurred_at", "2025-01-10"}};
  json wrong_day = begun;
  wrong_day["occurred_at"] = "2025-13-01";
  json bad = Refused(Call("POST", "/v1/exchanges", "med", wrong_day), 400);
  EXPECT_EQ(bad["pointer"], "/occurred_at") << bad.dump();
  Refused(Call("POST", "/v1/exchanges", "ven", begun), 403);
  EXPECT_EQ(Events(), before);
  json created = Answer(Call("POST", "/v1/exchanges", "med", begun), 201);
  EXPECT_EQ(created["occurred_at"], "2025-01-10");
  Answer(Call("POST", "/v1/exchanges/X1/parties", "med", {{"party", "SLV"}, {"bloc", "SLV"}}));
  Answer(Call("POST", "/v1/exchanges/X1/parties", "med", {{"party", "VEN"}, {"bloc", "VEN"}}));
  EXPECT_EQ(Answer(Call("GET", "/v1/exchanges/X1", "ven"))["occurred_at"], "2025-01-10");

  const json offer = {{"counts", "SLV>VEN=2,VEN>SLV=2"},
                      {"occurred_at", "2025-02-01T10:00:00+01:00"}};
  const int64_t built = Events();
  Refused(Call("POST", "/v1/exchanges/X1/proposals", "ven", offer), 403);
  json early = Refused(Call("POST", "/v1/exchanges/X1/proposals", "med",
                            {{"counts", "SLV>VEN=2,VEN>SLV=2"}, {"occurred_at", "2025-01-09"}}),
                       400);
  EXPECT_NE(early["detail"].get<std::string>().find("earlier than the start of X1 (2025-01-10)"),
            std::string::npos)
      << early.dump();
  EXPECT_EQ(Events(), built);
  Answer(Call("POST", "/v1/exchanges/X1/proposals", "med", offer), 201);
  Answer(Call("POST", "/v1/proposals/V1/table", "med", {{"occurred_at", "2025-02-02"}}));
  Refused(Call("POST", "/v1/proposals/V1/accept", "med", {{"party", "VEN"}}), 403);
  Refused(Call("POST", "/v1/proposals/V1/accept", "ven",
               {{"party", "VEN"}, {"occurred_at", "2025-02-03"}}),
          403);
  json accepted = Answer(Call("POST", "/v1/proposals/V1/accept", "med",
                              {{"party", "VEN"}, {"occurred_at", "2025-02-03"}}));
  EXPECT_EQ(accepted["changed"], true);
  Answer(Call("POST", "/v1/proposals/V1/reject", "med",
              {{"party", "SLV"},
               {"reason", "too few (synthetic)"},
               {"occurred_at", "2025-02-04"}}));

  json view = Answer(Call("GET", "/v1/proposals/V1", "ven"));
  EXPECT_EQ(view["state"], "rejected");
  EXPECT_EQ(view["occurred_at"], "2025-02-01T09:00:00Z");
  EXPECT_EQ(view["recorded_after_the_fact"], true);
  EXPECT_EQ(view["tabled"]["occurred_at"], "2025-02-02");
  EXPECT_EQ(view["tabled"]["recorded_after_the_fact"], true);
  ASSERT_EQ(view["responses"].size(), 2u);
  for (const json& response : view["responses"]) {
    EXPECT_EQ(response["by"], "med") << response.dump();
    EXPECT_EQ(response["recorded_after_the_fact"], true) << response.dump();
  }
  EXPECT_EQ(view, CliJson("ven", {"proposal", "show", "V1"}));
  json listed = Answer(Call("GET", "/v1/exchanges/X1/proposals", "ven"));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["occurred_at"], "2025-02-01T09:00:00Z");
  EXPECT_EQ(listed[0]["tabled"]["occurred_at"], "2025-02-02");
}

// If-Match with the exchange's ETag: a change decided on what was read is refused with 412, and
// writes nothing, once the exchange moved; with the new ETag it is made.
TEST_F(ServeExchangesTest, IfMatchRefusesAChangeOfAnExchangeThatMoved) {
  Answer(Call("POST", "/v1/exchanges", "med", {{"name", "x"}, {"mediator", "PUENTE"}}), 201);
  Answer(Call("POST", "/v1/exchanges/X1/parties", "med", {{"party", "VEN"}, {"bloc", "VEN"}}));
  HttpResult read = Call("GET", "/v1/exchanges/X1", "ven");
  const std::string seen = read.Header("etag");
  ASSERT_FALSE(seen.empty()) << read.body;
  EXPECT_EQ(Call("GET", "/v1/exchanges/X1", "med").Header("etag"), seen);

  const json claim = {{"by", "VEN"}, {"person", Person(roster_, 10)}};
  Answer(Call("POST", "/v1/exchanges/X1/rules", "med", {{"bloc", "VEN"}, {"rule", "count"}},
              {{"If-Match", seen}}));
  const int64_t moved = Events();
  const std::string now = Call("GET", "/v1/exchanges/X1", "ven").Header("etag");
  EXPECT_NE(now, seen);
  json stale = Refused(Call("POST", "/v1/exchanges/X1/claims", "ven", claim, {{"If-Match", seen}}),
                       412);
  EXPECT_EQ(stale["type"], "urn:canje:problem:precondition_failed");
  Refused(Call("POST", "/v1/exchanges/X1/caps", "med", {{"max_size", 3}}, {{"If-Match", seen}}),
          412);
  Refused(Call("POST", "/v1/exchanges/X1/parties", "med", {{"party", "SLV"}, {"bloc", "SLV"}},
               {{"If-Match", seen}}),
          412);
  Refused(Call("POST", "/v1/exchanges/X1/costs", "med",
               {{"by", "VEN"}, {"person", Person(americans_, 0)}, {"cost", 2}},
               {{"If-Match", seen}}),
          412);
  for (const char* bad : {"3", "\"x\"", "W/\"3\""}) {
    Refused(Call("POST", "/v1/exchanges/X1/claims", "ven", claim, {{"If-Match", bad}}), 400);
  }
  EXPECT_EQ(Events(), moved) << "a refused change wrote to the log";
  EXPECT_EQ(Call("GET", "/v1/exchanges/X1", "ven").Header("etag"), now);

  Answer(Call("POST", "/v1/exchanges/X1/claims", "ven", claim, {{"If-Match", now}}));
  EXPECT_EQ(Events(), moved + 1);
  EXPECT_NE(Call("GET", "/v1/exchanges/X1", "ven").Header("etag"), now);
  // If-Match: * is no check at all.
  const std::string before_any = Call("GET", "/v1/exchanges/X1", "ven").Header("etag");
  Answer(Call("POST", "/v1/exchanges/X1/claims", "ven", claim, {{"If-Match", "*"}}));
  EXPECT_NE(Call("GET", "/v1/exchanges/X1", "ven").Header("etag"), before_any);
}

// Guarantors and observer organisations over the API: each answer is the command line's --json,
// GET /v1/exchanges/{id} reads them, and every bad request is refused with its status and writes
// nothing.
TEST_F(ServeExchangesTest, GuarantorsAndObserversAnswerAsTheCommandLine) {
  for (auto [code, kind] : {std::pair{"TUR", "state"}, {"ICRC", "organisation"}}) {
    canje_.RunOk({"party", "add", code, "--name", std::string(code) + " (synthetic)", "--kind",
                  kind});
  }
  for (const char* name : {"first", "second"}) {
    Answer(Call("POST", "/v1/exchanges", "med", {{"name", name}, {"mediator", "PUENTE"}}), 201);
    canje_.RunOk({"--as", "med", "exchange", "party", "add",
                  std::string(name) == "first" ? "X1" : "X2", "VEN", "--bloc", "VEN"});
  }
  const std::string seen = Call("GET", "/v1/exchanges/X1", "ven").Header("etag");
  const json added = Answer(Call("POST", "/v1/exchanges/X1/guarantors", "med",
                                 {{"party", "TUR"}}, {{"If-Match", seen}}));
  json cli = CliJson("med", {"exchange", "guarantor", "add", "X2", "TUR"});
  cli["exchange"] = "X1";
  EXPECT_EQ(added, cli);
  EXPECT_EQ(added, (json{{"exchange", "X1"}, {"role", "guarantor"}, {"party", "TUR"},
                         {"change", "added"}}));
  Answer(Call("POST", "/v1/exchanges/X1/observers", "med", {{"party", "ICRC"}}));
  json read = Answer(Call("GET", "/v1/exchanges/X1", "ven"));
  EXPECT_EQ(read["guarantors"], json::array({"TUR"}));
  EXPECT_EQ(read["observers"], json::array({"ICRC"}));

  const int64_t before = Events();
  Refused(Call("POST", "/v1/exchanges/X1/guarantors", "med", {{"party", "NOPE"}}), 404);
  json twice = Refused(Call("POST", "/v1/exchanges/X1/guarantors", "med", {{"party", "TUR"}}), 422);
  EXPECT_NE(twice["detail"].get<std::string>().find("TUR is already a guarantor of X1"),
            std::string::npos)
      << twice.dump();
  Refused(Call("POST", "/v1/exchanges/X1/guarantors", "med", {{"party", "VEN"}}), 422);
  Refused(Call("POST", "/v1/exchanges/X1/observers", "med", {{"party", "PUENTE"}}), 422);
  Refused(Call("POST", "/v1/exchanges/X1/guarantors", "ven", {{"party", "ICRC"}}), 403);
  json unknown_member = Refused(
      Call("POST", "/v1/exchanges/X1/guarantors", "med", {{"party", "ICRC"}, {"bloc", "x"}}), 400);
  EXPECT_EQ(unknown_member["pointer"], "/bloc") << unknown_member.dump();
  Refused(Call("POST", "/v1/exchanges/X1/guarantors", "med", json::object()), 400);
  Refused(Call("POST", "/v1/exchanges/X1/guarantors", "med", {{"party", "ICRC"}},
               {{"If-Match", seen}}),
          412);
  Refused(Call("DELETE", "/v1/exchanges/X1/guarantors/ICRC", "med"), 422);
  Refused(Call("DELETE", "/v1/exchanges/X9/observers/ICRC", "med"), 404);
  EXPECT_EQ(Events(), before) << "a refused change wrote to the log";

  const json removed = Answer(Call("DELETE", "/v1/exchanges/X1/observers/ICRC", "med"));
  EXPECT_EQ(removed["change"], "removed");
  EXPECT_EQ(Answer(Call("GET", "/v1/exchanges/X1", "med"))["observers"], json::array());
  EXPECT_EQ(Events(), before + 1);
}

TEST_F(ServeExchangesTest, CandidatesAndTheDealReadAsOnTheCommandLine) {
  Answer(Call("POST", "/v1/exchanges", "med", {{"name", "api"}, {"mediator", "PUENTE"}}), 201);
  canje_.RunOk({"--as", "med", "exchange", "create", "cli", "--mediator", "PUENTE"});
  BuildBothWays();
  const std::string day = "2025-06-01";
  const int64_t before = Events();
  for (const char* user : {"med", "slv", "ven"}) {
    EXPECT_EQ(Answer(Call("GET", "/v1/exchanges/X1/candidates?date=" + day, user)),
              CliJson(user, {"exchange", "candidates", "X1", "--date", day}))
        << user;
    EXPECT_EQ(
        WithoutSeconds(Answer(
            Call("POST", "/v1/exchanges/X1/solve", user, {{"date", day}, {"explain", true}}))),
        WithoutSeconds(CliJson(user, {"exchange", "solve", "X1", "--date", day, "--explain"})))
        << user;
  }
  json required = Answer(Call("POST", "/v1/exchanges/X1/solve", "med",
                              {{"date", day}, {"require", Person(roster_, 11)}}));
  EXPECT_TRUE(required.contains("require")) << required.dump();
  EXPECT_EQ(WithoutSeconds(required),
            WithoutSeconds(CliJson("med", {"exchange", "solve", "X1", "--date", day, "--require",
                                           Person(roster_, 11)})));
  json bad_day = Refused(Call("GET", "/v1/exchanges/X1/candidates?date=June", "med"), 400);
  EXPECT_EQ(bad_day["parameter"], "date");
  EXPECT_EQ(Refused(Call("POST", "/v1/exchanges/X1/solve", "med", {{"date", "June"}}),
                    400)["pointer"],
            "/date");
  EXPECT_EQ(Events(), before) << "reading candidates or solving wrote to the log";
}

// Proposals over the API: created from a CSV of transfers, tabled with If-Match, countered,
// compared and overridden, each answer as the command line's --json; the manifest's bytes are
// the command's exactly.
TEST_F(ServeExchangesTest, ProposalsAreMadeTabledCounteredAndComparedAsOnTheCommandLine) {
  canje_.RunOk({"--as", "med", "exchange", "create", "x", "--mediator", "PUENTE"});
  canje_.RunOk({"--as", "med", "exchange", "party", "add", "X1", "SLV", "--bloc", "SLV"});
  canje_.RunOk({"--as", "med", "exchange", "party", "add", "X1", "VEN", "--bloc", "VEN"});
  canje_.RunOk({"--as", "med", "exchange", "rule", "X1", "SLV", "count"});
  canje_.RunOk({"--as", "med", "exchange", "rule", "X1", "VEN", "count"});
  const std::string one_for_one = "person,from,to\n" + Person(roster_, 10) + ",SLV,VEN\n" +
                                  Person(americans_, 0) + ",VEN,SLV\n";
  const std::string two_for_one = one_for_one + Person(roster_, 11) + ",SLV,VEN\n";
  canje_.WriteFile("one.csv", one_for_one);
  canje_.WriteFile("two.csv", two_for_one);

  const int64_t before = Events();
  for (const auto& [bad, pointer] : std::vector<std::pair<json, std::string>>{
           {json::object(), ""},
           {{{"counts", "SLV>VEN=1"}, {"transfers_csv", one_for_one}}, ""},
           {{{"counts", "SLV>VEN"}}, "/counts"},
           {{{"transfers_csv", "who,from,to\nP1,SLV,VEN\n"}}, "/transfers_csv"},
           {{{"counts", "SLV>VEN=1"}, {"parent", "W1"}}, "/parent"},
           {{{"from_solve", "yes"}}, "/from_solve"}}) {
    json problem = Refused(Call("POST", "/v1/exchanges/X1/proposals", "slv", bad),
                           bad.contains("transfers_csv") && !bad.contains("counts") ? 422 : 400);
    EXPECT_EQ(problem["pointer"], pointer) << bad.dump() << problem.dump();
  }
  Refused(Call("POST", "/v1/exchanges/X1/proposals", "usa", {{"counts", "SLV>VEN=1"}}), 404);
  EXPECT_EQ(Events(), before) << "a refused proposal wrote to the log";

  // V1 over the API, V2 the same on the command line: the same answer.
  HttpResult created =
      Call("POST", "/v1/exchanges/X1/proposals", "slv", {{"transfers_csv", one_for_one}});
  json v1 = Answer(created, 201);
  EXPECT_EQ(created.Header("location"), "/v1/proposals/V1");
  json v2 = CliJson("slv", {"proposal", "create", "X1", "--transfers", "one.csv"});
  v2["version"] = "V1";
  EXPECT_EQ(v1, v2);

  // Tabling with If-Match: refused once the version moved.
  const std::string seen = Call("GET", "/v1/proposals/V1", "slv").Header("etag");
  json tabled = Answer(Call("POST", "/v1/proposals/V1/table", "slv", json::object(),
                            {{"If-Match", seen}}));
  json cli_tabled = CliJson("slv", {"proposal", "table", "V2"});
  cli_tabled["version"] = "V1";
  EXPECT_EQ(tabled, cli_tabled);
  const int64_t after_table = Events();
  json stale = Refused(Call("POST", "/v1/proposals/V1/override", "med",
                            {{"justification", "the seriously wounded first"}},
                            {{"If-Match", seen}}),
                       412);
  EXPECT_EQ(stale["type"], "urn:canje:problem:precondition_failed");
  Refused(Call("POST", "/v1/proposals/V1/table", "usa", json::object()), 404);
  EXPECT_EQ(Events(), after_table);

  // VEN counters V1 with two for one (SLV's rule breaks), over the API as on the command line.
  HttpResult countered =
      Call("POST", "/v1/proposals/V1/counter", "ven", {{"transfers_csv", two_for_one}});
  json v3 = Answer(countered, 201);
  EXPECT_EQ(countered.Header("location"), "/v1/proposals/V3");
  json v4 = CliJson("ven", {"proposal", "create", "X1", "--parent", "V2", "--transfers",
                            "two.csv"});
  v4["version"] = "V3";
  EXPECT_EQ(v3, v4);
  EXPECT_FALSE(v3["broken_rules"].empty()) << v3.dump();
  Answer(Call("POST", "/v1/proposals/V3/table", "ven", {{"expect_state", "draft"}}));

  for (const char* user : {"med", "slv", "ven"}) {
    EXPECT_EQ(Answer(Call("GET", "/v1/proposals/V3/diff?against=V1", user)),
              CliJson(user, {"proposal", "diff", "V1", "V3"}))
        << user;
  }
  EXPECT_EQ(Refused(Call("GET", "/v1/proposals/V3/diff", "slv"), 400)["parameter"], "against");
  EXPECT_EQ(Refused(Call("GET", "/v1/proposals/V3/diff?against=X1", "slv"), 400)["parameter"],
            "against");

  // The override: the mediator's only, with a justification.
  const int64_t before_override = Events();
  Refused(Call("POST", "/v1/proposals/V3/override", "ven",
               {{"justification", "the seriously wounded first"}}),
          403);
  Refused(Call("POST", "/v1/proposals/V3/override", "med", {{"justification", "short"}}), 400);
  EXPECT_EQ(Refused(Call("POST", "/v1/proposals/V3/override", "med", json::object()),
                    400)["pointer"],
            "/justification");
  EXPECT_EQ(Events(), before_override);
  json overridden = Answer(Call("POST", "/v1/proposals/V3/override", "med",
                                {{"justification", "the seriously wounded first"}},
                                {{"If-Match", Call("GET", "/v1/proposals/V3", "med")
                                                  .Header("etag")}}));
  EXPECT_EQ(overridden["changed"], true);
  EXPECT_GT(Events(), before_override);

  // The manifest: the very bytes `canje proposal manifest` prints, for each party.
  for (const char* user : {"slv", "ven"}) {
    HttpResult manifest = Call("GET", "/v1/proposals/V3/manifest", user);
    ASSERT_EQ(manifest.status, 200) << manifest.body;
    EXPECT_EQ(manifest.Header("content-type"), "application/json");
    EXPECT_EQ(manifest.body, canje_.RunOk({"--as", user, "proposal", "manifest", "V3"})) << user;
  }
  Refused(Call("GET", "/v1/proposals/V3/manifest", "usa"), 404);
}

// Signatures over the API: each party enrols its Ed25519 key, fetches the manifest, signs its
// bytes offline (with `canje sign`, or with OpenSSL alone) and uploads the signature; the
// agreement then verifies as `canje agreement verify` says.
TEST_F(ServeExchangesTest, SignaturesOfTheManifestAreUploadedAndVerifiedAsOnTheCommandLine) {
  canje_.RunOk({"--as", "med", "exchange", "create", "x", "--mediator", "PUENTE"});
  canje_.RunOk({"--as", "med", "exchange", "party", "add", "X1", "SLV", "--bloc", "SLV"});
  canje_.RunOk({"--as", "med", "exchange", "party", "add", "X1", "VEN", "--bloc", "VEN"});
  canje_.WriteFile("v1.csv", "person,from,to\n" + Person(roster_, 10) + ",SLV,VEN\n" +
                                 Person(americans_, 0) + ",VEN,SLV\n");
  canje_.RunOk({"--as", "slv", "proposal", "create", "X1", "--transfers", "v1.csv"});
  canje_.RunOk({"--as", "slv", "proposal", "table", "V1"});
  canje_.RunOk({"--as", "slv", "proposal", "accept", "V1", "--party", "SLV"});
  canje_.RunOk({"--as", "ven", "proposal", "accept", "V1", "--party", "VEN"});
  ASSERT_TRUE(cli::testing::MakeEd25519KeyPair(canje_.dir(), "ven"));
  ASSERT_TRUE(cli::testing::MakeEd25519KeyPair(canje_.dir(), "slv"));

  // Keys: a negotiator enrols its own party's only; the list reads as the command's.
  const std::string ven_public = canje_.ReadFile("ven.pub.pem");
  const int64_t before = Events();
  Refused(Call("POST", "/v1/parties/SLV/keys", "ven", {{"pem", ven_public}}), 403);
  EXPECT_EQ(Refused(Call("POST", "/v1/parties/VEN/keys", "ven", {{"pem", "not a key"}}),
                    422)["pointer"],
            "/pem");
  Refused(Call("POST", "/v1/parties/NOBODY/keys", "med", {{"pem", ven_public}}), 404);
  EXPECT_EQ(Events(), before);
  HttpResult enrolled = Call("POST", "/v1/parties/VEN/keys", "ven", {{"pem", ven_public}});
  json key = Answer(enrolled, 201);
  EXPECT_EQ(key["party"], "VEN");
  EXPECT_EQ(enrolled.Header("location"), "/v1/parties/VEN/keys");
  Refused(Call("POST", "/v1/parties/VEN/keys", "ven", {{"pem", ven_public}}), 409);
  canje_.RunOk({"--as", "slv", "party", "key", "add", "SLV", "--pem", "slv.pub.pem"});
  for (const char* user : {"med", "ven"}) {
    EXPECT_EQ(Answer(Call("GET", "/v1/parties/VEN/keys", user)),
              CliJson(user, {"party", "key", "list", "VEN"}))
        << user;
  }
  EXPECT_EQ(Answer(Call("GET", "/v1/parties/VEN/keys", "ven"))[0]["key_id"], key["key_id"]);

  // VEN signs the manifest's bytes as served, with `canje sign`; SLV with OpenSSL alone.
  HttpResult manifest = Call("GET", "/v1/proposals/V1/manifest", "ven");
  ASSERT_EQ(manifest.status, 200);
  canje_.WriteFile("manifest.json", manifest.body);
  json signed_by_ven = json::parse(canje_.RunOk({"sign", "--key", "ven.pem", "--manifest",
                                        "manifest.json", "--out", "ven.sig", "--json"}));
  RunResult by_openssl =
      cli::testing::RunProgram({"openssl", "pkeyutl", "-sign", "-inkey", "slv.pem", "-rawin",
                                "-in", "manifest.json", "-out", "slv.sig"},
                               canje_.dir(), {});
  ASSERT_EQ(by_openssl.exit_status, 0) << by_openssl.err;
  auto signature_of = [&](const std::string& file) {
    return Base64Encode(AsBytes(canje_.ReadFile(file)));
  };

  const int64_t signed_before = Events();
  // SLV's signature offered as VEN's: another key, refused; so is what is not base64.
  Refused(Call("POST", "/v1/proposals/V1/signatures", "ven",
               {{"party", "VEN"}, {"signature", signature_of("slv.sig")}}),
          403);
  EXPECT_EQ(Refused(Call("POST", "/v1/proposals/V1/signatures", "ven",
                         {{"party", "VEN"}, {"signature", "%%%"}}),
                    400)["pointer"],
            "/signature");
  Refused(Call("POST", "/v1/proposals/V1/signatures", "usa",
               {{"party", "USA"}, {"signature", signature_of("ven.sig")}}),
          404);
  EXPECT_EQ(Events(), signed_before) << "a refused signature wrote to the log";

  HttpResult added = Call("POST", "/v1/proposals/V1/signatures", "ven",
                          {{"party", "VEN"}, {"signature", signature_of("ven.sig")}});
  EXPECT_EQ(Answer(added, 201),
            (json{{"version", "V1"},
                  {"party", "VEN"},
                  {"key_id", key["key_id"]},
                  {"manifest_sha256", signed_by_ven["manifest_sha256"]}}));
  EXPECT_EQ(added.Header("location"), "/v1/proposals/V1/agreement");

  // Half signed: the command says so and exits 65; the API answers the same JSON.
  RunResult half = canje_.Run({"--as", "ven", "agreement", "verify", "V1", "--json"});
  EXPECT_EQ(half.exit_status, 65) << half.err;
  json incomplete = Answer(Call("GET", "/v1/proposals/V1/agreement", "ven"));
  EXPECT_EQ(incomplete, json::parse(half.out));
  EXPECT_EQ(incomplete["complete"], false);

  Answer(Call("POST", "/v1/proposals/V1/signatures", "slv",
              {{"party", "SLV"}, {"signature", signature_of("slv.sig")}}),
         201);
  for (const char* user : {"med", "slv", "ven"}) {
    json check = Answer(Call("GET", "/v1/proposals/V1/agreement", user));
    EXPECT_EQ(check, CliJson(user, {"agreement", "verify", "V1"})) << user;
    EXPECT_EQ(check["complete"], true) << check.dump();
  }
  Refused(Call("GET", "/v1/proposals/V1/agreement", "usa"), 404);
}

}  // namespace
}  // namespace canje::server::testing
