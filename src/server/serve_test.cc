// `canje serve` end to end: the real binary on the cecot-2025 demo store, spoken to over
// loopback HTTP/1.1 by tokens of users of different parties. Backend-neutral: runs on SQLite
// and, in serve_test_postgres, on PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "cli/cli_test_support.h"
#include "server/serve_test_support.h"

namespace canje::server::testing {
namespace {

using nlohmann::json;

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RunResult demo = canje_.Run({"demo"});
    ASSERT_EQ(demo.exit_status, 0) << demo.err;
    for (auto [user, party, role] : {std::tuple{"med", "PUENTE", "mediator"},
                                     {"slv", "SLV", "negotiator"},
                                     {"usa", "USA", "negotiator"},
                                     {"ven", "VEN", "negotiator"}}) {
      canje_.RunOk({"user", "add", user, "--party", party, "--role", role});
      tokens_[user] = CreateApiToken(canje_, user);
    }
    for (const json& person : json::parse(canje_.RunOk({"persons", "--list", "L1", "--json"}))) {
      slv_roster_.push_back(person["id"]);
    }
    for (const json& person :
         json::parse(canje_.RunOk({"persons", "--list", "L2", "--nationality", "USA", "--json"}))) {
      us_nationals_.push_back(person["id"]);
    }
    ASSERT_GE(slv_roster_.size(), 30u);
    ASSERT_GE(us_nationals_.size(), 1u);
    // X1: SLV+USA against VEN, one for one; V1 tabled: one roster person home to VEN, one US
    // national to the USA.
    canje_.RunOk({"--as", "med", "exchange", "create", "cecot-2025", "--mediator", "PUENTE"});
    for (auto [party, bloc] : {std::pair{"SLV", "SLV+USA"}, {"USA", "SLV+USA"}, {"VEN", "VEN"}}) {
      canje_.RunOk({"--as", "med", "exchange", "party", "add", "X1", party, "--bloc", bloc});
    }
    canje_.RunOk({"--as", "med", "exchange", "rule", "X1", "SLV+USA", "count", "--ratio", "1"});
    canje_.RunOk({"--as", "med", "exchange", "rule", "X1", "VEN", "count", "--ratio", "1"});
    canje_.WriteFile("v1.csv", "person,from,to\n" + slv_roster_[10] + ",SLV,VEN\n" +
                                   us_nationals_[0] + ",VEN,USA\n");
    canje_.RunOk({"--as", "slv", "proposal", "create", "X1", "--transfers", "v1.csv"});
    canje_.RunOk({"--as", "slv", "proposal", "table", "V1"});
    server_ = std::make_unique<ServeProcess>(canje_);
    ASSERT_NE(server_->port(), 0) << server_->error();
  }

  int64_t LogSize() const {
    return json::parse(canje_.RunOk({"summary", "--json"}))["events"].get<int64_t>();
  }
  HttpResult Get(const std::string& user, const std::string& target) {
    return Client().Send("GET", target, tokens_.at(user));
  }
  HttpTestClient& Client() {
    if (!client_) client_ = std::make_unique<HttpTestClient>(server_->port());
    return *client_;
  }
  static json Body(const HttpResult& result) { return json::parse(result.body, nullptr, false); }
  // Checks the response's status and that its body is a problem of that status.
  static void ExpectProblem(const HttpResult& result, int status) {
    EXPECT_EQ(result.status, status) << result.body << result.error;
    EXPECT_EQ(result.Header("content-type"), "application/problem+json");
    json body = Body(result);
    EXPECT_EQ(body["status"], status) << result.body;
    EXPECT_TRUE(body["type"].is_string() && body["title"].is_string() && body["detail"].is_string())
        << result.body;
  }

  CanjeRunner canje_;
  std::map<std::string, std::string> tokens_;
  std::vector<std::string> slv_roster_;
  std::vector<std::string> us_nationals_;
  std::unique_ptr<ServeProcess> server_;
  std::unique_ptr<HttpTestClient> client_;
};

TEST_F(ServeTest, ATokenActsAsItsUserAndNothingIsSaidWithoutOne) {
  HttpResult whoami = Get("ven", "/v1/whoami");
  ASSERT_EQ(whoami.status, 200) << whoami.body << whoami.error;
  EXPECT_EQ(whoami.Header("content-type"), "application/json");
  EXPECT_EQ(Body(whoami), (json{{"user", "ven"}, {"party", "VEN"}, {"role", "negotiator"}}));

  HttpResult missing = Client().Send("GET", "/v1/whoami");
  ExpectProblem(missing, 401);
  EXPECT_EQ(missing.Header("www-authenticate"), "Bearer");
  ExpectProblem(Client().Send("GET", "/v1/nothing-here"), 401);  // no route is revealed
  std::string forged = tokens_["usa"];
  forged[10] = forged[10] == 'A' ? 'B' : 'A';
  ExpectProblem(Client().Send("GET", "/v1/whoami", forged), 401);
  ExpectProblem(Client().Send("GET", "/v1/whoami", "not-a-token"), 401);

  // Revoked: refused at once by the running server, with the reason.
  ASSERT_EQ(Get("usa", "/v1/whoami").status, 200);
  json list = json::parse(canje_.RunOk({"user", "token", "list", "usa", "--json"}));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["state"], "active");
  EXPECT_FALSE(list[0].contains("token"));
  canje_.RunOk({"user", "token", "revoke", std::to_string(list[0]["id"].get<int64_t>())});
  HttpResult revoked = Get("usa", "/v1/whoami");
  ExpectProblem(revoked, 401);
  EXPECT_EQ(revoked.Header("www-authenticate"), "Bearer");
  EXPECT_NE(Body(revoked)["detail"].get<std::string>().find("revoked"), std::string::npos);
  EXPECT_EQ(json::parse(canje_.RunOk({"user", "token", "list", "usa", "--json"}))[0]["state"],
            "revoked");

  // Only an admin manages tokens; the token itself is in no event.
  RunResult by_negotiator = canje_.Run({"--as", "ven", "user", "token", "create", "ven"});
  EXPECT_EQ(by_negotiator.exit_status, 77) << by_negotiator.err;
  json events = json::parse(canje_.RunOk({"log", "show", "--limit", "100000", "--json"}));
  int created = 0, revoked_events = 0;
  for (const json& event : events) {
    created += event["type"] == "api_token.created";
    revoked_events += event["type"] == "api_token.revoked";
  }
  EXPECT_EQ(created, 4);
  EXPECT_EQ(revoked_events, 1);
}

TEST_F(ServeTest, NeedToKnowIsTheCommandLines) {
  // On SLV's roster, in no proposal and on none of VEN's lists: found as the command line
  // finds it, the first roster person `canje --as ven person show` does not show.
  std::string outsider;
  for (size_t i = 11; i < slv_roster_.size() && outsider.empty(); ++i) {
    if (canje_.Run({"--as", "ven", "person", "show", slv_roster_[i]}).exit_status == 66) {
      outsider = slv_roster_[i];
    }
  }
  ASSERT_FALSE(outsider.empty()) << "VEN sees every person of SLV's roster";
  HttpResult by_mediator = Get("med", "/v1/persons/" + outsider);
  ASSERT_EQ(by_mediator.status, 200) << by_mediator.body;
  json person = Body(by_mediator);
  EXPECT_EQ(person["id"], outsider);
  EXPECT_FALSE(person["name"].get<std::string>().empty());
  // The same JSON as `canje person show --json`.
  EXPECT_EQ(person,
            json::parse(canje_.RunOk({"--as", "med", "person", "show", outsider, "--json"})));

  HttpResult by_venezuela = Get("ven", "/v1/persons/" + outsider);
  ExpectProblem(by_venezuela, 404);
  EXPECT_EQ(Body(by_venezuela)["type"], "urn:canje:problem:not_found");

  // Lists filtered as `canje persons --list L1`, and the proposal with the names VEN may see.
  HttpResult roster = Get("med", "/v1/persons?list=L1");
  ASSERT_EQ(roster.status, 200) << roster.body;
  EXPECT_EQ(Body(roster).size(), slv_roster_.size());
  EXPECT_EQ(Body(roster),
            json::parse(canje_.RunOk({"--as", "med", "persons", "--list", "L1", "--json"})));
  HttpResult proposal = Get("ven", "/v1/proposals/V1");
  ASSERT_EQ(proposal.status, 200) << proposal.body;
  EXPECT_EQ(Body(proposal),
            json::parse(canje_.RunOk({"--as", "ven", "proposal", "show", "V1", "--json"})));
  EXPECT_EQ(proposal.Header("etag"),
            "\"" + std::to_string(Body(proposal)["revision"].get<int>()) + "\"");
}

TEST_F(ServeTest, AcceptingWritesOnceAndAStaleExpectationIsAConflict) {
  const int64_t before = LogSize();
  HttpResult accepted = Client().Send("POST", "/v1/proposals/V1/accept", tokens_["ven"],
                                      R"({"party": "VEN", "expect_state": "tabled"})");
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.Header("content-type"), "application/json");
  EXPECT_EQ(Body(accepted)["state"], "tabled");  // SLV and USA have not answered yet
  EXPECT_EQ(Body(accepted)["changed"], true);
  const int64_t after_accept = LogSize();
  EXPECT_GT(after_accept, before);

  HttpResult stale = Client().Send("POST", "/v1/proposals/V1/accept", tokens_["slv"],
                                   R"({"party": "SLV", "expect_state": "draft"})");
  ExpectProblem(stale, 409);
  EXPECT_NE(Body(stale)["detail"].get<std::string>().find("V1 is tabled"), std::string::npos)
      << stale.body;
  EXPECT_EQ(LogSize(), after_accept) << "a refused accept wrote to the log";

  // Answering for another party is the core's refusal, as on the command line.
  HttpResult for_other = Client().Send("POST", "/v1/proposals/V1/reject", tokens_["ven"],
                                       R"({"party": "SLV", "reason": "no"})");
  EXPECT_EQ(for_other.status, 403) << for_other.body;
  EXPECT_EQ(LogSize(), after_accept);
}

// If-Match: a party that read revision N decides on N. Once another party's answer has moved
// the version, the same request is 412 and writes nothing; with the new ETag it is accepted.
TEST_F(ServeTest, IfMatchRefusesADecisionOnAVersionThatMoved) {
  HttpResult read = Get("ven", "/v1/proposals/V1");
  ASSERT_EQ(read.status, 200) << read.body;
  const std::string seen = read.Header("etag");
  HttpResult by_usa = Client().Send("POST", "/v1/proposals/V1/accept", tokens_["usa"],
                                    R"({"party": "USA"})", {{"If-Match", seen}});
  ASSERT_EQ(by_usa.status, 200) << by_usa.body;
  const int64_t after_usa = LogSize();

  HttpResult stale = Client().Send("POST", "/v1/proposals/V1/accept", tokens_["ven"],
                                   R"({"party": "VEN"})", {{"If-Match", seen}});
  ExpectProblem(stale, 412);
  EXPECT_EQ(Body(stale)["type"], "urn:canje:problem:precondition_failed");
  EXPECT_EQ(LogSize(), after_usa) << "a refused decision wrote to the log";
  HttpResult stale_reject =
      Client().Send("POST", "/v1/proposals/V1/reject", tokens_["ven"],
                    R"({"party": "VEN", "reason": "late"})", {{"If-Match", seen}});
  ExpectProblem(stale_reject, 412);
  EXPECT_EQ(LogSize(), after_usa);

  const std::string now = Get("ven", "/v1/proposals/V1").Header("etag");
  EXPECT_NE(now, seen);
  HttpResult current = Client().Send("POST", "/v1/proposals/V1/accept", tokens_["ven"],
                                     R"({"party": "VEN"})", {{"If-Match", now}});
  EXPECT_EQ(current.status, 200) << current.body;
  EXPECT_GT(LogSize(), after_usa);
  for (const char* bad : {"3", "\"x\"", "W/\"3\"", "\"-1\""}) {
    ExpectProblem(Client().Send("POST", "/v1/proposals/V1/accept", tokens_["slv"],
                                R"({"party": "SLV"})", {{"If-Match", bad}}),
                  400);
  }
}

// A rejection is recorded once with its reason, which the version then shows; a second one
// changes nothing.
TEST_F(ServeTest, RejectingRecordsTheReasonOnce) {
  const int64_t before = LogSize();
  HttpResult rejected = Client().Send("POST", "/v1/proposals/V1/reject", tokens_["ven"],
                                      R"({"party": "VEN", "reason": "two names missing"})");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(Body(rejected)["state"], "rejected");
  EXPECT_EQ(Body(rejected)["changed"], true);
  const int64_t after = LogSize();
  EXPECT_GT(after, before);
  json shown = Body(Get("ven", "/v1/proposals/V1"));
  ASSERT_EQ(shown["responses"].size(), 1u) << shown.dump();
  EXPECT_EQ(shown["responses"][0]["response"], "rejected");
  EXPECT_EQ(shown["responses"][0]["reason"], "two names missing");
  HttpResult again = Client().Send("POST", "/v1/proposals/V1/reject", tokens_["ven"],
                                   R"({"party": "VEN", "reason": "two names missing"})");
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(Body(again)["changed"], false);
  EXPECT_EQ(LogSize(), after) << "a repeated rejection wrote to the log";
}

// A change sent again with its Idempotency-Key gets the first answer and changes nothing; the
// key with another request is refused; keys are each user's own; an erasure forgets the kept
// answers, and the retry is then told its change was made.
TEST_F(ServeTest, AnIdempotencyKeyMakesARetryChangeNothing) {
  const std::string reject = R"({"party": "VEN", "reason": "two names missing"})";
  const std::map<std::string, std::string> key = {{"Idempotency-Key", "ven-reject-0001"}};
  // Another user's key of the same spelling is another key: USA's acceptance does not answer
  // VEN's rejection.
  HttpResult usa =
      Client().Send("POST", "/v1/proposals/V1/accept", tokens_["usa"], R"({"party": "USA"})", key);
  ASSERT_EQ(usa.status, 200) << usa.body;
  const int64_t before = LogSize();
  HttpResult first = Client().Send("POST", "/v1/proposals/V1/reject", tokens_["ven"], reject, key);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(Body(first)["changed"], true);
  EXPECT_EQ(first.Header("idempotency-replayed"), "");
  const int64_t after = LogSize();
  ASSERT_GT(after, before);

  // Without the key a repeated rejection says it changed nothing; with it, the first answer.
  HttpResult retry = Client().Send("POST", "/v1/proposals/V1/reject", tokens_["ven"], reject, key);
  EXPECT_EQ(retry.status, 200) << retry.body;
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(retry.Header("idempotency-replayed"), "true");
  EXPECT_EQ(LogSize(), after);

  HttpResult reused = Client().Send("POST", "/v1/proposals/V1/reject", tokens_["ven"],
                                    R"({"party": "VEN", "reason": "another reason"})", key);
  ExpectProblem(reused, 422);
  EXPECT_EQ(Body(reused)["type"], "urn:canje:problem:idempotency_key_reused");
  EXPECT_EQ(LogSize(), after);
  for (const char* bad : {"", "has space", "\x01"}) {
    ExpectProblem(Client().Send("POST", "/v1/proposals/V1/reject", tokens_["ven"], reject,
                                {{"Idempotency-Key", bad}}),
                  400);
  }
  ExpectProblem(Client().Send("POST", "/v1/proposals/V1/reject", tokens_["ven"], reject,
                              {{"Idempotency-Key", std::string(256, 'k')}}),
                400);
  EXPECT_EQ(LogSize(), after);

  const int64_t after_usa = after;

  // A request that changed nothing keeps no key: after a refusal, the same key runs anew.
  const std::map<std::string, std::string> slv_key = {{"Idempotency-Key", "slv-0001"}};
  ExpectProblem(Client().Send("POST", "/v1/proposals/V9/accept", tokens_["slv"],
                              R"({"party": "SLV"})", slv_key),
                404);
  EXPECT_EQ(LogSize(), after_usa);

  // An erasure forgets every kept answer: the retry learns that its change was made.
  canje_.RunOk({"person", "erase", slv_roster_[20], "--reason", "asked by the family"});
  const int64_t after_erasure = LogSize();
  HttpResult forgotten =
      Client().Send("POST", "/v1/proposals/V1/reject", tokens_["ven"], reject, key);
  ExpectProblem(forgotten, 409);
  EXPECT_EQ(Body(forgotten)["type"], "urn:canje:problem:idempotent_answer_lost");
  EXPECT_EQ(Body(forgotten)["log_size"], after);
  EXPECT_EQ(LogSize(), after_erasure);
}

// A tablet on a bad line: the connection is cut before the answer arrives, and the request is
// sent again with its key. The acceptance is recorded once, whichever of the two made it.
TEST_F(ServeTest, ARetryAfterACutConnectionRecordsOnce) {
  const std::string body = R"({"party": "SLV"})";
  const int64_t before = LogSize();
  RawReply cut =
      RawExchange(server_->port(),
                  "POST /v1/proposals/V1/accept HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  "Authorization: Bearer " +
                      tokens_["slv"] +
                      "\r\n"
                      "Idempotency-Key: slv-accept-7\r\nContent-Type: application/json\r\n"
                      "Content-Length: " +
                      std::to_string(body.size()) + "\r\n\r\n" + body,
                  std::chrono::milliseconds(1));
  // Let the server finish (or drop) the first request before the retry.
  int64_t made = LogSize();
  for (int i = 0; i < 50 && made == before; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    made = LogSize();
  }
  const std::map<std::string, std::string> key = {{"Idempotency-Key", "slv-accept-7"}};
  HttpResult retry = Client().Send("POST", "/v1/proposals/V1/accept", tokens_["slv"], body, key);
  ASSERT_EQ(retry.status, 200) << retry.body;
  EXPECT_EQ(Body(retry)["changed"], true) << "the retry's answer is the change's own";
  const int64_t recorded = LogSize();
  EXPECT_GT(recorded, before);
  if (made != before) {
    EXPECT_EQ(retry.Header("idempotency-replayed"), "true");
    EXPECT_EQ(recorded, made);
  }
  HttpResult again = Client().Send("POST", "/v1/proposals/V1/accept", tokens_["slv"], body, key);
  EXPECT_EQ(again.body, retry.body);
  EXPECT_EQ(LogSize(), recorded);
  json shown = Body(Get("slv", "/v1/proposals/V1"));
  int slv_responses = 0;
  for (const json& response : shown["responses"]) slv_responses += response["party"] == "SLV";
  EXPECT_EQ(slv_responses, 1) << shown.dump();
}

// Legal holds over HTTP answer as `canje hold ... --json` does, for the mediator who records
// them and for a negotiator who may see only its party's persons; only a mediator or admin
// records or lifts one; a bad body names the member at fault and changes nothing.
TEST_F(ServeTest, HoldsAreRecordedListedAndLiftedAsOnTheCommandLine) {
  const std::string add =
      R"({"issuer": "Synthetic Court", "reference": "SC-1", "from": "2025-01-01", "rule": {"holder": "SLV"}})";
  const int64_t before = LogSize();
  ExpectProblem(Client().Send("POST", "/v1/holds", tokens_["ven"], add), 403);
  for (const auto& [bad, pointer] :
       {std::pair{
            R"({"issuer": "C", "reference": "R", "from": "2025-01-01", "rule": {"facility": "X"}})",
            "/rule/facility"},
        {R"({"issuer": "C", "reference": "R", "from": "2025-01-01", "rule": {"holder": 3}})",
         "/rule/holder"},
        {R"({"issuer": "C", "reference": "R", "from": "2025-01-01", "persons": ["P1", "Q2"]})",
         "/persons/1"},
        {R"({"issuer": "C", "from": "2025-01-01", "rule": {"holder": "SLV"}})", "/reference"}}) {
    HttpResult refused = Client().Send("POST", "/v1/holds", tokens_["med"], bad);
    ExpectProblem(refused, 400);
    EXPECT_EQ(Body(refused)["pointer"], pointer) << refused.body;
  }
  ExpectProblem(Client().Send("POST", "/v1/holds", tokens_["med"],
                              R"({"issuer": "C", "reference": "R", "from": "2025-01-01"})"),
                400);  // no scope: the core's own refusal
  EXPECT_EQ(LogSize(), before);

  const std::map<std::string, std::string> key = {{"Idempotency-Key", "hold-sc-1"}};
  HttpResult added = Client().Send("POST", "/v1/holds", tokens_["med"], add, key);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.Header("location"), "/v1/holds/H1");
  EXPECT_EQ(Body(added)["scope"]["rule"]["holder"], "SLV");
  EXPECT_GE(Body(added)["covered"].size(), slv_roster_.size());
  const int64_t after = LogSize();
  EXPECT_GT(after, before);
  HttpResult again = Client().Send("POST", "/v1/holds", tokens_["med"], add, key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.Header("idempotency-replayed"), "true");
  EXPECT_EQ(again.Header("location"), "/v1/holds/H1") << "the retry is not told where the hold is";
  EXPECT_EQ(again.body, added.body);
  EXPECT_EQ(LogSize(), after) << "a retried hold was recorded twice";

  // The same answers as the command line's, for each reader.
  for (const char* user : {"med", "ven", "slv"}) {
    EXPECT_EQ(Body(Get(user, "/v1/holds/H1")),
              json::parse(canje_.RunOk({"--as", user, "hold", "show", "H1", "--json"})))
        << user;
    EXPECT_EQ(Body(Get(user, "/v1/holds")),
              json::parse(canje_.RunOk({"--as", user, "hold", "list", "--json"})))
        << user;
  }
  EXPECT_LT(Body(Get("ven", "/v1/holds/H1"))["covered"].size(),
            Body(Get("med", "/v1/holds/H1"))["covered"].size())
      << "a negotiator sees only the persons its party may see";
  ExpectProblem(Get("ven", "/v1/holds/H9"), 404);

  // A person's holds: for a person the reader sees, the holds covering them, as `hold list
  // --person`; a person it may not see answers exactly as one that does not exist.
  const json covered_for_slv = Body(Get("slv", "/v1/holds/H1"))["covered"];
  ASSERT_FALSE(covered_for_slv.empty());
  const std::string seen = covered_for_slv[0];
  const json of_person = Body(Get("slv", "/v1/holds?person=" + seen));
  ASSERT_EQ(of_person.size(), 1u) << of_person.dump();
  EXPECT_EQ(of_person[0]["id"], "H1");
  EXPECT_EQ(of_person,
            json::parse(canje_.RunOk({"--as", "slv", "hold", "list", "--person", seen, "--json"})));
  const json seen_by_ven = Body(Get("ven", "/v1/holds/H1"))["covered"];
  std::string hidden_from_ven;
  const json covered_for_med = Body(Get("med", "/v1/holds/H1"))["covered"];
  for (const json& id : covered_for_med) {
    if (std::find(seen_by_ven.begin(), seen_by_ven.end(), id) == seen_by_ven.end()) {
      hidden_from_ven = id.get<std::string>();
      break;
    }
  }
  ASSERT_FALSE(hidden_from_ven.empty());
  HttpResult hidden = Get("ven", "/v1/holds?person=" + hidden_from_ven);
  HttpResult unknown = Get("ven", "/v1/holds?person=P999999");
  ExpectProblem(hidden, 404);
  ExpectProblem(unknown, 404);
  std::string hidden_detail = Body(hidden)["detail"];
  hidden_detail.replace(hidden_detail.find(hidden_from_ven), hidden_from_ven.size(), "P999999");
  EXPECT_EQ(hidden_detail, Body(unknown)["detail"]) << "the answers tell a hidden person apart";
  EXPECT_EQ(Body(Get("med", "/v1/holds?person=" + hidden_from_ven)).size(), 1u)
      << "the mediator sees the person and the hold covering them";
  const std::string held_by_ven =
      json::parse(canje_.RunOk(
          {"--as", "med", "persons", "--holder", "VEN", "--limit", "1", "--json"}))[0]["id"];
  EXPECT_EQ(Body(Get("med", "/v1/holds?person=" + held_by_ven)), json::array())
      << "a hold over SLV's detainees does not cover a person VEN holds";
  HttpResult malformed = Get("ven", "/v1/holds?person=Q2");
  ExpectProblem(malformed, 400);
  EXPECT_EQ(Body(malformed)["parameter"], "person") << malformed.body;

  ExpectProblem(
      Client().Send("POST", "/v1/holds/H1/lift", tokens_["slv"], R"({"reason": "order quashed"})"),
      403);
  HttpResult lifted = Client().Send("POST", "/v1/holds/H1/lift", tokens_["med"],
                                    R"({"reason": "order quashed", "lifted_on": "2025-02-01"})");
  ASSERT_EQ(lifted.status, 200) << lifted.body;
  EXPECT_EQ(Body(lifted)["state"], "lifted");
  EXPECT_EQ(Body(lifted)["lift_reason"], "order quashed");
  ExpectProblem(
      Client().Send("POST", "/v1/holds/H1/lift", tokens_["med"], R"({"reason": "again"})"), 409);
}

// The execution of an agreed exchange and the log read as the command line reads them, for a
// mediator and for a negotiator (the need-to-know rules are the core's, not the server's).
TEST_F(ServeTest, ExecutionAndTheLogReadAsOnTheCommandLine) {
  for (auto [user, party] : {std::pair{"ven", "VEN"}, {"slv", "SLV"}, {"usa", "USA"}}) {
    HttpResult accepted = Client().Send("POST", "/v1/proposals/V1/accept", tokens_[user],
                                        json{{"party", party}}.dump());
    ASSERT_EQ(accepted.status, 200) << accepted.body;
  }
  ASSERT_EQ(Body(Get("med", "/v1/proposals/V1"))["state"], "agreed");
  for (const std::string user : {"med", "ven"}) {
    HttpResult readiness = Get(user, "/v1/exchanges/X1/readiness");
    ASSERT_EQ(readiness.status, 200) << readiness.body;
    EXPECT_EQ(Body(readiness),
              json::parse(canje_.RunOk({"--as", user, "exchange", "readiness", "X1", "--json"})));
    EXPECT_EQ(Body(readiness)["persons"].size(), 2u);
    HttpResult handovers = Get(user, "/v1/exchanges/X1/handovers");
    ASSERT_EQ(handovers.status, 200) << handovers.body;
    EXPECT_EQ(Body(handovers),
              json::parse(canje_.RunOk({"--as", user, "handover", "list", "X1", "--json"})));
    HttpResult reconciliation = Get(user, "/v1/exchanges/X1/reconciliation?date=2025-07-18");
    ASSERT_EQ(reconciliation.status, 200) << reconciliation.body;
    json served = Body(reconciliation);
    json printed = json::parse(canje_.RunOk(
        {"--as", user, "exchange", "reconcile", "X1", "--date", "2025-07-18", "--json"}));
    served.erase("generated_at");
    printed.erase("generated_at");
    EXPECT_EQ(served, printed);

    HttpResult events = Get(user, "/v1/log/events?from=0&limit=1000000");
    ASSERT_EQ(events.status, 200) << events.body;
    EXPECT_EQ(Body(events), json::parse(canje_.RunOk({"--as", user, "log", "show", "--from", "0",
                                                      "--limit", "1000000", "--json"})));
    EXPECT_EQ(static_cast<int64_t>(Body(events).size()), LogSize());

    HttpResult people = Get(user, "/v1/link/status?party=SLV&people=true");
    ASSERT_EQ(people.status, 200) << people.body;
    EXPECT_EQ(Body(people), json::parse(canje_.RunOk({"--as", user, "link", "status", "--party",
                                                      "SLV", "--people", "--json"})));
  }
  // VEN reads fewer of the people behind SLV's roster than the mediator.
  EXPECT_LT(Body(Get("ven", "/v1/link/status?party=SLV&people=true"))["people"].size(),
            Body(Get("med", "/v1/link/status?party=SLV&people=true"))["people"].size());
  ExpectProblem(Get("ven", "/v1/exchanges/X9/readiness"), 404);
  ExpectProblem(Get("ven", "/v1/exchanges/X1/readiness?date=yesterday"), 400);
  ExpectProblem(Get("ven", "/v1/log/events?limit=-1"), 400);
}

TEST_F(ServeTest, BadRequestsGetProblemsThatSayWhere) {
  HttpResult malformed = Client().Send("POST", "/v1/proposals/V1/accept", tokens_["ven"],
                                       "{\"party\": \"VEN\",\n  \"expect_state\": }");
  ExpectProblem(malformed, 400);
  EXPECT_EQ(Body(malformed)["line"], 2);
  EXPECT_EQ(Body(malformed)["column"], 19);

  HttpResult missing = Client().Send("POST", "/v1/proposals/V1/accept", tokens_["ven"],
                                     R"({"expect_state": "tabled"})");
  ExpectProblem(missing, 400);
  EXPECT_EQ(Body(missing)["pointer"], "/party");
  HttpResult unknown = Client().Send("POST", "/v1/proposals/V1/accept", tokens_["ven"],
                                     R"({"party": "VEN", "expect": "tabled"})");
  ExpectProblem(unknown, 400);
  EXPECT_EQ(Body(unknown)["pointer"], "/expect");

  ExpectProblem(Get("ven", "/v1/nothing-here"), 404);
  HttpResult wrong_method = Client().Send("DELETE", "/v1/proposals/V1", tokens_["ven"]);
  ExpectProblem(wrong_method, 405);
  EXPECT_EQ(wrong_method.Header("allow"), "GET");
  ExpectProblem(Get("ven", "/v1/persons/Q7"), 400);  // not a person id
  ExpectProblem(Get("ven", "/v1/log/proof/inclusion?index=abc"), 400);
  EXPECT_EQ(Body(Get("ven", "/v1/log/proof/inclusion?index=abc"))["parameter"], "index");
}

TEST_F(ServeTest, ReadsOverOneKeptAliveConnectionWithTheirContentTypes) {
  struct Case {
    std::string target;
    std::string content_type;
  };
  const std::vector<Case> cases = {
      {"/v1/whoami", "application/json"},
      {"/v1/summary", "application/json"},
      {"/v1/lists", "application/json"},
      {"/v1/log/checkpoint", "text/plain; charset=utf-8"},
      {"/v1/log/proof/inclusion?index=3", "application/json"},
      {"/v1/log/proof/consistency?old=5", "application/json"},
      {"/v1/exchanges", "application/json"},
      {"/v1/exchanges/X1", "application/json"},
      {"/v1/exchanges/X1/proposals", "application/json"},
      {"/v1/link/status?party=SLV", "application/json"},
  };
  for (const Case& c : cases) {
    HttpResult result = Get("med", c.target);
    EXPECT_EQ(result.status, 200) << c.target << ": " << result.body << result.error;
    EXPECT_EQ(result.Header("content-type"), c.content_type) << c.target;
    EXPECT_EQ(result.Header("cache-control"), "no-store") << c.target;
  }
  EXPECT_EQ(Client().connections(), 1) << "the connection was not kept alive";

  // The checkpoint is the signed note itself; proofs are what `canje log prove-*` prints.
  EXPECT_EQ(Get("med", "/v1/log/checkpoint").body, canje_.RunOk({"log", "checkpoint"}));
  json inclusion = Body(Get("med", "/v1/log/proof/inclusion?index=3"));
  std::string lines;
  for (const json& hash : inclusion["hashes"]) lines += hash.get<std::string>() + "\n";
  EXPECT_EQ(lines, canje_.RunOk({"log", "prove-inclusion", "3", "--size",
                       std::to_string(inclusion["size"].get<int64_t>())}));
  // Aggregates for every role; the exchange list follows the exchange rules.
  EXPECT_EQ(Body(Get("ven", "/v1/summary"))["events"], LogSize());
  EXPECT_EQ(Body(Get("ven", "/v1/exchanges")).size(), 1u);
  EXPECT_EQ(server_->Stop(), 0) << "canje serve did not stop cleanly on SIGTERM";
}

// Lists in pages: following the Link headers gives what the command line lists, each item
// once, in id order, with the other parameters kept; a person recorded between two pages comes
// on a later one; bad limits and cursors are 400 naming the parameter.
TEST_F(ServeTest, ListsComeInPagesThatAddUpToTheCommandLinesList) {
  auto all_pages = [&](const std::string& user, std::string target) {
    json items = json::array();
    for (int pages = 0; !target.empty(); ++pages) {
      HttpResult page = Get(user, target);
      EXPECT_EQ(page.status, 200) << target << ": " << page.body;
      EXPECT_LE(Body(page).size(), 100u);
      for (const json& item : Body(page)) items.push_back(item);
      const std::string link = page.Header("link");
      target = link.empty() ? "" : link.substr(1, link.find('>') - 1);
      EXPECT_TRUE(link.empty() || link.ends_with(">; rel=\"next\"")) << link;
      if (pages > 100) break;
    }
    return items;
  };
  json roster = all_pages("med", "/v1/persons?list=L1&limit=100");
  EXPECT_EQ(roster,
            json::parse(canje_.RunOk({"--as", "med", "persons", "--list", "L1", "--json"})));
  EXPECT_GT(roster.size(), 200u);
  // A negotiator's pages hold what its party may see, as its command line does.
  EXPECT_EQ(all_pages("ven", "/v1/persons?limit=77"),
            json::parse(canje_.RunOk({"--as", "ven", "persons", "--json"})));

  HttpResult first = Get("med", "/v1/persons?limit=2");
  ASSERT_EQ(Body(first).size(), 2u);
  EXPECT_EQ(first.Header("link"), "</v1/persons?limit=2&cursor=" +
                                      Body(first)[1]["id"].get<std::string>() + ">; rel=\"next\"");
  // The last page has no link; a cursor past the end gives an empty page.
  HttpResult last = Get("med", "/v1/exchanges?limit=1");
  EXPECT_EQ(Body(last).size(), 1u);
  EXPECT_EQ(last.Header("link"), "");
  EXPECT_EQ(Body(Get("med", "/v1/exchanges?cursor=X1")), json::array());

  const std::string cursor = Body(first)[1]["id"];
  canje_.WriteFile("late.csv", "full_name,nationality,holder\nTomasa Quintero Ruiz,VEN,SLV\n");
  canje_.RunOk({"--as", "med", "import", "late.csv", "--kind", "custody_roster", "--party", "SLV",
                "--source", "synthetic"});
  json rest = all_pages("med", "/v1/persons?limit=100&cursor=" + cursor);
  bool late_found = false;
  for (const json& person : rest)
    late_found = late_found || person["name"] == "Tomasa Quintero Ruiz";
  EXPECT_TRUE(late_found) << "a person recorded between pages is on a later page";

  for (const char* bad : {"/v1/persons?limit=0", "/v1/persons?limit=1001", "/v1/lists?limit=-1"}) {
    HttpResult refused = Get("med", bad);
    ExpectProblem(refused, 400);
    EXPECT_EQ(Body(refused)["parameter"], "limit") << bad;
  }
  for (const char* bad :
       {"/v1/persons?cursor=L1", "/v1/persons?cursor=P", "/v1/lists?cursor=%27"}) {
    HttpResult refused = Get("med", bad);
    ExpectProblem(refused, 400);
    EXPECT_EQ(Body(refused)["parameter"], "cursor") << bad;
  }
}

// The log as C2SP tlog-tiles: with a token under /log/, and without one under
// /log/public/<capability>/ once an admin opened it (log_on_the_wire_test reads them with Go's
// tlog package; here, what each answer is).
TEST_F(ServeTest, TheLogIsServedAsTilesWithATokenAndWithoutOneOnceOpened) {
  HttpResult checkpoint = Get("ven", "/log/checkpoint");
  ASSERT_EQ(checkpoint.status, 200) << checkpoint.body << checkpoint.error;
  EXPECT_EQ(checkpoint.body, Get("ven", "/v1/log/checkpoint").body);
  EXPECT_EQ(checkpoint.Header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(checkpoint.Header("cache-control"), "private, no-cache");
  const int64_t size = LogSize();
  ASSERT_GE(size, 3);
  // The first three leaves: three hashes, and three entries each with a two-byte length.
  HttpResult hashes = Get("ven", "/log/tile/0/000.p/3");
  ASSERT_EQ(hashes.status, 200) << hashes.body;
  EXPECT_EQ(hashes.Header("content-type"), "application/octet-stream");
  EXPECT_EQ(hashes.body.size(), 3u * 32);
  HttpResult entries = Get("ven", "/log/tile/entries/000.p/3");
  ASSERT_EQ(entries.status, 200) << entries.body;
  size_t offset = 0;
  for (int i = 0; i < 3; ++i) {
    ASSERT_LE(offset + 2, entries.body.size());
    offset += 2 + (static_cast<unsigned char>(entries.body[offset]) << 8 |
                   static_cast<unsigned char>(entries.body[offset + 1]));
  }
  EXPECT_EQ(offset, entries.body.size());
  ExpectProblem(Get("ven", "/log/tile/0/3"), 400);
  ExpectProblem(Get("ven", "/log/tile/0/x999/000"), 404);  // far beyond the tree
  ExpectProblem(Client().Send("GET", "/log/tile/0/000.p/3"), 401);

  // Without a token: nothing until an admin opens it, then the same bytes, marked public.
  const std::string prefix =
      json::parse(canje_.RunOk({"log", "reading", "open", "--json"}))["public_prefix"];
  canje_.RunOk({"log", "reading", "token"});
  ExpectProblem(Client().Send("GET", prefix + "checkpoint"), 404);
  canje_.RunOk({"log", "reading", "open"});
  HttpResult open_checkpoint = Client().Send("GET", prefix + "checkpoint");
  ASSERT_EQ(open_checkpoint.status, 200) << open_checkpoint.body;
  EXPECT_EQ(open_checkpoint.body, Get("ven", "/log/checkpoint").body);
  EXPECT_EQ(open_checkpoint.Header("cache-control"), "public, no-cache");
  HttpResult open_hashes = Client().Send("GET", prefix + "tile/0/000.p/3");
  ASSERT_EQ(open_hashes.status, 200) << open_hashes.body;
  EXPECT_EQ(open_hashes.body, hashes.body);
  EXPECT_EQ(open_hashes.Header("cache-control"), "public, no-cache");
  ExpectProblem(Client().Send("GET", prefix + "tile/0/3"), 400);
  std::string wrong = prefix;
  wrong[wrong.size() - 2] = wrong[wrong.size() - 2] == '0' ? '1' : '0';
  ExpectProblem(Client().Send("GET", wrong + "tile/0/000.p/3"), 404);
  ExpectProblem(Client().Send("GET", wrong + "checkpoint"), 404);
}

}  // namespace
}  // namespace canje::server::testing
