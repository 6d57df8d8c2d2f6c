// An exchange carried out over HTTP, end to end: the real `canje serve` on the cecot-2025 demo
// store, X1 agreed on V1 and signed by SLV, USA and VEN (two persons of SLV's roster go home to
// VEN, one US national held by VEN to the USA). The workflow moved with If-Match, an outcome
// recorded, handovers one by one (a retry after a cut connection recorded once) and in a batch,
// the parties' counts and the reconciliation in its three forms, and one entry of the log — each
// compared with what the command line answers the same user, each refusal writing nothing.
// Backend-neutral: runs on SQLite and, in serve_test_postgres, on PostgreSQL.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>
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

class ServeExecutionTest : public cli::testing::MultiUserTest {
 protected:
  void SetUp() override {
    LoadDemoWithDelegations();
    if (HasFatalFailure()) return;
    roster_ = PersonIds({"--list", "L1"});
    us_ = PersonIds({"--list", "L2", "--nationality", "USA"});
    ASSERT_GE(roster_.size(), 2u);
    ASSERT_GE(us_.size(), 1u);
    Ok("med", {"exchange", "create", "cecot-2025", "--mediator", "PUENTE"});
    for (auto [party, bloc] : {std::pair{"SLV", "SLV+USA"}, {"USA", "SLV+USA"}, {"VEN", "VEN"}}) {
      Ok("med", {"exchange", "party", "add", "X1", party, "--bloc", bloc});
    }
    canje_.WriteFile("v1.csv", "person,from,to\n" + roster_[0] + ",SLV,VEN\n" + roster_[1] +
                                   ",SLV,VEN\n" + us_[0] + ",VEN,USA\n");
    Ok("med", {"proposal", "create", "X1", "--transfers", "v1.csv"});
    Ok("med", {"proposal", "table", "V1"});
    for (auto [user, party] : {std::pair{"slv", "SLV"}, {"usa", "USA"}, {"ven", "VEN"}}) {
      Ok(user, {"proposal", "accept", "V1", "--party", party});
    }
    Ok("med", {"proposal", "manifest", "V1", "--out", "manifest.json"});
    for (auto [user, party] : {std::pair{"slv", "SLV"}, {"usa", "USA"}, {"ven", "VEN"}}) {
      ASSERT_NO_FATAL_FAILURE(SignManifest(user, party));
      Ok(user, {"agreement", "sign-add", "V1", "--party", party, "--signature",
                std::string(user) + ".sig"});
    }
    for (const char* user : {"med", "ver", "slv", "usa", "ven"}) {
      tokens_[user] = CreateApiToken(canje_, user);
    }
    server_ = std::make_unique<ServeProcess>(canje_);
    ASSERT_NE(server_->port(), 0) << server_->error();
  }

  // Interviews for the three persons: all fit and consenting but roster_[1], unfit.
  void Interview() {
    canje_.WriteFile("interviews.csv", "person,destination,identity,consent,fit,on,note\n" +
                                           roster_[0] +
                                           ",VEN,confirmed,consents,yes,2025-07-10,\n" +
                                           roster_[1] + ",VEN,confirmed,consents,no,2025-07-10,\n" +
                                           us_[0] + ",USA,confirmed,consents,yes,2025-07-10,\n");
    Ok("ver", {"interview", "record", "--file", "interviews.csv"});
  }

  HttpTestClient& Client() {
    if (!client_) client_ = std::make_unique<HttpTestClient>(server_->port());
    return *client_;
  }
  HttpResult Get(const std::string& user, const std::string& target,
                 const std::map<std::string, std::string>& headers = {}) {
    return Client().Send("GET", target, tokens_.at(user), "", headers);
  }
  HttpResult Post(const std::string& user, const std::string& target, const std::string& body,
                  const std::map<std::string, std::string>& headers = {}) {
    return Client().Send("POST", target, tokens_.at(user), body, headers);
  }
  static json Body(const HttpResult& result) { return json::parse(result.body, nullptr, false); }
  // A problem of `status`; with `pointer`, about that member of the body.
  static void ExpectRefused(const HttpResult& result, int status, const std::string& pointer = "") {
    EXPECT_EQ(result.status, status) << result.body << result.error;
    EXPECT_EQ(result.Header("content-type"), "application/problem+json") << result.body;
    if (!pointer.empty()) {
      EXPECT_EQ(Body(result)["pointer"], pointer) << result.body;
    }
  }
  // The handover of `person` to `to`, as a JSON object.
  static json HandoverBody(const std::string& person, const std::string& to) {
    return {{"person", person},
            {"at", "2025-07-18T14:05:00Z"},
            {"place", "Maiquetia airport, apron 3"},
            {"to", to},
            {"witnesses", {"ICRC delegate A (synthetic)", "Officer B (synthetic)"}}};
  }

  std::vector<std::string> roster_;
  std::vector<std::string> us_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<ServeProcess> server_;
  std::unique_ptr<HttpTestClient> client_;
};

TEST_F(ServeExecutionTest, TheWorkflowMovesOnlyFromTheStateTheMediatorSaw) {
  for (const char* user : {"med", "ven"}) {
    HttpResult state = Get(user, "/v1/exchanges/X1/workflow");
    ASSERT_EQ(state.status, 200) << state.body;
    EXPECT_EQ(Body(state), json::parse(Ok(user, {"exchange", "state", "X1", "--json"}))) << user;
    EXPECT_EQ(Body(state)["state"], "agreed");
  }
  const std::string agreed_tag = Get("med", "/v1/exchanges/X1/workflow").Header("etag");
  ASSERT_FALSE(agreed_tag.empty());
  ExpectRefused(Get("ven", "/v1/exchanges/X9/workflow"), 404);

  const int64_t before = LogSize();
  const std::string to_verifying = R"({"to": "verifying"})";
  ExpectRefused(Post("ven", "/v1/exchanges/X1/workflow/advance", to_verifying), 403);
  ExpectRefused(Post("med", "/v1/exchanges/X1/workflow/advance", R"({"to": "paused"})"), 400,
                "/to");
  ExpectRefused(Post("med", "/v1/exchanges/X1/workflow/advance", R"({"to": 3})"), 400, "/to");
  ExpectRefused(Post("med", "/v1/exchanges/X1/workflow/advance", R"({"goal": "verifying"})"), 400,
                "/goal");
  ExpectRefused(Post("med", "/v1/exchanges/X1/workflow/collapse", "{}"), 400, "/reason");
  ExpectRefused(
      Post("med", "/v1/exchanges/X1/workflow/advance", to_verifying, {{"If-Match", "\"999999\""}}),
      412);
  ExpectRefused(
      Post("med", "/v1/exchanges/X1/workflow/advance", to_verifying, {{"If-Match", "seven"}}), 400);
  // Agreed cannot become executing: the machine's refusal (422).
  ExpectRefused(Post("med", "/v1/exchanges/X1/workflow/advance", R"({"to": "executing"})"), 422);
  EXPECT_EQ(LogSize(), before) << "a refused move wrote to the log";

  HttpResult moved =
      Post("med", "/v1/exchanges/X1/workflow/advance", to_verifying, {{"If-Match", agreed_tag}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(Body(moved)["state"], "verifying");
  EXPECT_GT(LogSize(), before);
  const std::string verifying_tag = moved.Header("etag");
  EXPECT_NE(verifying_tag, agreed_tag);
  EXPECT_EQ(Get("med", "/v1/exchanges/X1/workflow").Header("etag"), verifying_tag);
  json state = Body(Get("med", "/v1/exchanges/X1/workflow"));
  EXPECT_EQ(state, json::parse(Ok("med", {"exchange", "state", "X1", "--json"})));
  const json moved_state = Body(moved);
  for (const auto& [name, value] : moved_state.items()) EXPECT_EQ(state[name], value) << name;

  // Decided on the state before the move: refused, nothing written, whatever the move.
  const int64_t after_move = LogSize();
  ExpectRefused(Post("med", "/v1/exchanges/X1/workflow/collapse", R"({"reason": "stale"})",
                     {{"If-Match", agreed_tag}}),
                412);
  // The command line moves it meanwhile: the tag read before is stale too.
  Ok("med", {"exchange", "collapse", "X1", "--reason", "talks broke down (synthetic)"});
  const int64_t after_collapse = LogSize();
  EXPECT_GT(after_collapse, after_move);
  ExpectRefused(Post("med", "/v1/exchanges/X1/workflow/collapse", R"({"reason": "again"})",
                     {{"If-Match", verifying_tag}}),
                412);
  // Without If-Match, the machine's own refusal: nothing follows collapsed.
  ExpectRefused(Post("med", "/v1/exchanges/X1/workflow/collapse", R"({"reason": "again"})"), 422);
  EXPECT_EQ(LogSize(), after_collapse);
  HttpResult collapsed = Get("med", "/v1/exchanges/X1/workflow");
  EXPECT_EQ(Body(collapsed)["state"], "collapsed");
  EXPECT_EQ(Body(collapsed)["reason"], "talks broke down (synthetic)");
}

TEST_F(ServeExecutionTest, CollapsingOverHttpRecordsTheReason) {
  const std::string tag = Get("med", "/v1/exchanges/X1/workflow").Header("etag");
  HttpResult collapsed =
      Post("med", "/v1/exchanges/X1/workflow/collapse",
           json{{"reason", "a party withdrew (synthetic)"}}.dump(), {{"If-Match", tag}});
  ASSERT_EQ(collapsed.status, 200) << collapsed.body;
  EXPECT_EQ(Body(collapsed)["state"], "collapsed");
  json printed = json::parse(Ok("med", {"exchange", "state", "X1", "--json"}));
  EXPECT_EQ(printed["reason"], "a party withdrew (synthetic)");
  const json answered = Body(collapsed);
  for (const auto& [name, value] : answered.items()) EXPECT_EQ(printed[name], value) << name;
}

TEST_F(ServeExecutionTest, OutcomesAndHandoversAreRecordedOnceAsOnTheCommandLine) {
  Ok("med", {"exchange", "advance", "X1", "--to", "verifying"});
  Interview();
  int64_t before = LogSize();
  // ---- not travelling ----
  const std::string unfit =
      json{{"person", roster_[1]}, {"reason", "unfit"}, {"note", "assessed by Dr. Synthetic"}}
          .dump();
  ExpectRefused(Post("ven", "/v1/exchanges/X1/not-travelling", unfit), 403);
  ExpectRefused(
      Post("ver", "/v1/exchanges/X1/not-travelling", R"({"person": "Q1", "reason": "unfit"})"), 400,
      "/person");
  ExpectRefused(Post("ver", "/v1/exchanges/X1/not-travelling", json{{"person", roster_[1]}}.dump()),
                400, "/reason");
  ExpectRefused(Post("ver", "/v1/exchanges/X1/not-travelling",
                     json{{"person", roster_[1]}, {"reason", "bored"}}.dump()),
                400);
  EXPECT_EQ(LogSize(), before);
  HttpResult outcome = Post("ver", "/v1/exchanges/X1/not-travelling", unfit);
  ASSERT_EQ(outcome.status, 200) << outcome.body;
  EXPECT_EQ(Body(outcome), (json{{"exchange", "X1"}, {"recorded", 1}, {"persons", {roster_[1]}}}));
  ExpectRefused(Post("ver", "/v1/exchanges/X1/not-travelling", unfit), 422);  // once per person
  for (const char* user : {"med", "ven"}) {
    EXPECT_EQ(Body(Get(user, "/v1/exchanges/X1/readiness")),
              json::parse(Ok(user, {"exchange", "readiness", "X1", "--json"})))
        << user;
  }
  Ok("med", {"exchange", "advance", "X1", "--to", "executing"});

  // ---- one handover: the tablet's line is cut before the answer arrives ----
  const std::string first = HandoverBody(roster_[0], "VEN").dump();
  ExpectRefused(Post("ven", "/v1/exchanges/X1/handovers", first), 403);
  ExpectRefused(Post("ver", "/v1/exchanges/X1/handovers",
                     json{{"person", roster_[0]}, {"at", "2025-07-18T14:05:00Z"}}.dump()),
                400, "/place");
  json no_witness = HandoverBody(roster_[0], "VEN");
  no_witness["witnesses"] = {"ICRC delegate A (synthetic)", 7};
  ExpectRefused(Post("ver", "/v1/exchanges/X1/handovers", no_witness.dump()), 400, "/witnesses/1");
  ExpectRefused(Post("ver", "/v1/exchanges/X1/handovers", HandoverBody(roster_[0], "USA").dump()),
                422);  // not its agreed destination
  before = LogSize();
  RawReply cut = RawExchange(server_->port(),
                             "POST /v1/exchanges/X1/handovers HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             "Authorization: Bearer " +
                                 tokens_["ver"] +
                                 "\r\n"
                                 "Idempotency-Key: tablet-7-handover-1\r\n"
                                 "Content-Type: application/json\r\n"
                                 "Content-Length: " +
                                 std::to_string(first.size()) + "\r\n\r\n" + first,
                             std::chrono::milliseconds(0));
  EXPECT_TRUE(cut.bytes.empty()) << "the answer was read before the line was cut";
  int64_t made = LogSize();
  for (int i = 0; i < 100 && made == before; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    made = LogSize();
  }
  ASSERT_GT(made, before) << "the request sent before the cut was not recorded";
  const std::map<std::string, std::string> key = {{"Idempotency-Key", "tablet-7-handover-1"}};
  HttpResult retry = Post("ver", "/v1/exchanges/X1/handovers", first, key);
  ASSERT_EQ(retry.status, 200) << retry.body;
  EXPECT_EQ(retry.Header("idempotency-replayed"), "true");
  EXPECT_EQ(Body(retry), (json{{"exchange", "X1"}, {"recorded", 1}, {"persons", {roster_[0]}}}));
  EXPECT_EQ(LogSize(), made) << "the retry recorded the handover again";
  HttpResult again = Post("ver", "/v1/exchanges/X1/handovers", first, key);
  EXPECT_EQ(again.body, retry.body);
  EXPECT_EQ(LogSize(), made);
  // Without the key, the same handover is refused by the core: it was recorded already.
  ExpectRefused(Post("ver", "/v1/exchanges/X1/handovers", first), 422);
  EXPECT_EQ(Body(Get("ver", "/v1/exchanges/X1/handovers")).size(), 1u);

  // ---- a batch: all or nothing, every item at fault named ----
  const int64_t before_batch = LogSize();
  json bad_shape = {{"handovers", {HandoverBody(us_[0], "USA"), HandoverBody(roster_[0], "VEN")}}};
  bad_shape["handovers"][1]["at"] = 20250718;
  ExpectRefused(Post("med", "/v1/exchanges/X1/handovers/batch", bad_shape.dump()), 400,
                "/handovers/1/at");
  bad_shape["handovers"][1].erase("at");
  bad_shape["handovers"][1]["when"] = "2025-07-18T14:05:00Z";
  ExpectRefused(Post("med", "/v1/exchanges/X1/handovers/batch", bad_shape.dump()), 400,
                "/handovers/1/when");
  ExpectRefused(Post("med", "/v1/exchanges/X1/handovers/batch", R"({"handovers": {}})"), 400,
                "/handovers");
  json refused = {{"handovers",
                   {HandoverBody(us_[0], "USA"), HandoverBody(roster_[0], "VEN"),
                    HandoverBody(roster_[1], "VEN")}}};
  HttpResult none = Post("med", "/v1/exchanges/X1/handovers/batch", refused.dump());
  ExpectRefused(none, 422);
  const std::string detail = Body(none)["detail"];
  EXPECT_NE(detail.find("/handovers/1: " + roster_[0] + " was already handed over"),
            std::string::npos)
      << detail;
  EXPECT_NE(detail.find("/handovers/2: " + roster_[1] + " is recorded as not travelling"),
            std::string::npos)
      << detail;
  EXPECT_EQ(detail.find("/handovers/0"), std::string::npos) << detail;
  EXPECT_EQ(LogSize(), before_batch) << "a refused batch wrote to the log";
  HttpResult batch = Post("med", "/v1/exchanges/X1/handovers/batch",
                          json{{"handovers", {HandoverBody(us_[0], "USA")}}}.dump());
  ASSERT_EQ(batch.status, 200) << batch.body;
  EXPECT_EQ(Body(batch), (json{{"exchange", "X1"}, {"recorded", 1}, {"persons", {us_[0]}}}));
  for (const char* user : {"med", "ven", "usa"}) {
    EXPECT_EQ(Body(Get(user, "/v1/exchanges/X1/handovers")),
              json::parse(Ok(user, {"handover", "list", "X1", "--json"})))
        << user;
  }
  EXPECT_EQ(Body(Get("med", "/v1/exchanges/X1/handovers")).size(), 2u);
}

TEST_F(ServeExecutionTest, StagesArePlannedAsOnTheCommandLineAndBadInputWritesNothing) {
  // A refusal with its status, a problem document, and the words that say why.
  auto Refuse = [](const HttpResult& result, int status, const std::string& words = "") {
    EXPECT_EQ(result.status, status) << result.body << result.error;
    EXPECT_EQ(result.Header("content-type"), "application/problem+json") << result.body;
    EXPECT_NE(result.body.find(words), std::string::npos) << words << " not in " << result.body;
  };
  const int64_t before = LogSize();
  const json day1 = {{"name", "Day 1"}, {"date", "2025-05-23"}, {"place", "Apron 3"},
                     {"persons", {roster_[0], us_[0]}}};
  Refuse(Post("ven", "/v1/exchanges/X1/stages", day1.dump()), 403);
  json bad = day1;
  bad["date"] = "23/05/2025";
  Refuse(Post("med", "/v1/exchanges/X1/stages", bad.dump()), 400, "--date");
  bad = day1;
  bad["seats"] = 3;
  Refuse(Post("med", "/v1/exchanges/X1/stages", bad.dump()), 400, "seats");
  bad = day1;
  bad["persons"] = {roster_[0], roster_[5]};
  Refuse(Post("med", "/v1/exchanges/X1/stages", bad.dump()), 422,
                "/persons/1: " + roster_[5] + " is not on the agreed version V1");
  bad["persons"] = {roster_[0], roster_[0]};
  Refuse(Post("med", "/v1/exchanges/X1/stages", bad.dump()), 422, "listed twice");
  Refuse(Get("med", "/v1/exchanges/X1/stages/1"), 404, "X1 has no stages");
  Refuse(Get("med", "/v1/exchanges/X1/stages/first"), 400, "a number from 1");
  EXPECT_EQ(LogSize(), before);

  HttpResult planned = Post("med", "/v1/exchanges/X1/stages", day1.dump());
  ASSERT_EQ(planned.status, 200) << planned.body;
  EXPECT_EQ(Body(planned)["counts"], (json{{"SLV>VEN", 1}, {"VEN>USA", 1}}));
  EXPECT_EQ(Body(planned)["state"], "planned");
  for (const char* user : {"med", "ven"}) {
    EXPECT_EQ(Body(Get(user, "/v1/exchanges/X1/stages")),
              json::parse(Ok(user, {"exchange", "stage", "list", "X1", "--json"})))
        << user;
  }
  const int64_t planned_size = LogSize();
  // X1 is agreed: no stage starts; a postponement needs a later day.
  Refuse(Post("med", "/v1/exchanges/X1/stages/1/start", "{}"), 422,
                "a stage starts once it is executing");
  Refuse(Post("med", "/v1/exchanges/X1/stages/1/postpone",
                     R"({"date": "2025-05-20", "reason": "runway closed"})"),
                400, "is not later than its planned day");
  Refuse(Post("med", "/v1/exchanges/X1/stages/1/persons",
                     json{{"persons", {roster_[0]}}}.dump()),
                422, roster_[0] + " already is in stage 1");
  EXPECT_EQ(LogSize(), planned_size);
  HttpResult postponed = Post("med", "/v1/exchanges/X1/stages/1/postpone",
                              R"({"date": "2025-05-26", "reason": "runway closed"})");
  ASSERT_EQ(postponed.status, 200) << postponed.body;
  EXPECT_EQ(Body(postponed)["date"], "2025-05-26");
  EXPECT_EQ(Body(Get("ven", "/v1/exchanges/X1/stages/1")),
            json::parse(Ok("ven", {"exchange", "stage", "show", "X1", "1", "--json"})));

  // Executing: the stage starts over HTTP once its persons are ready, refuses to complete before
  // they are handed over, and completes after.
  Ok("med", {"exchange", "advance", "X1", "--to", "verifying"});
  Interview();
  Ok("med", {"exchange", "advance", "X1", "--to", "executing"});
  Refuse(Post("ven", "/v1/exchanges/X1/stages/1/start", "{}"), 403);
  HttpResult started = Post("med", "/v1/exchanges/X1/stages/1/start", "{}");
  ASSERT_EQ(started.status, 200) << started.body;
  EXPECT_EQ(Body(started)["state"], "started");
  const int64_t started_size = LogSize();
  Refuse(Post("med", "/v1/exchanges/X1/stages/1/complete", "{}"), 422);
  EXPECT_EQ(LogSize(), started_size);
  Ok("ver", {"handover", "record", "X1", roster_[0], "--at", "2025-07-18T14:05:00Z", "--place",
             "Maiquetia", "--to", "VEN", "--witness", "ICRC delegate A (synthetic)"});
  Ok("ver", {"handover", "record", "X1", us_[0], "--at", "2025-07-18T15:05:00Z", "--place",
             "Maiquetia", "--to", "USA", "--witness", "ICRC delegate A (synthetic)"});
  HttpResult completed = Post("med", "/v1/exchanges/X1/stages/1/complete", "{}");
  ASSERT_EQ(completed.status, 200) << completed.body;
  EXPECT_EQ(Body(completed)["state"], "completed");
  EXPECT_EQ(Body(Get("ven", "/v1/exchanges/X1/stages/1")),
            json::parse(Ok("ven", {"exchange", "stage", "show", "X1", "1", "--json"})));

  // Venezuela's count of stage 1: read by that stage's reconciliation, as on the command line.
  const json day1_count = {{"party", "VEN"}, {"direction", "SLV>VEN"}, {"count", 1}, {"stage", 1}};
  json no_such_stage = day1_count;
  no_such_stage["stage"] = 2;
  Refuse(Post("ven", "/v1/exchanges/X1/reports", no_such_stage.dump()), 404, "X1 has no stage 2");
  HttpResult counted = Post("ven", "/v1/exchanges/X1/reports", day1_count.dump());
  ASSERT_EQ(counted.status, 200) << counted.body;
  EXPECT_EQ(Body(counted)["stage"], 1);
  const json stage_count = Body(Get("ven", "/v1/exchanges/X1/reconciliation?stage=1"));
  EXPECT_EQ(stage_count["directions"][0]["reported"][0]["count"], 1) << stage_count.dump(2);
}

TEST_F(ServeExecutionTest, CountsAreReportedAndReconciledInEveryForm) {
  Ok("med", {"exchange", "advance", "X1", "--to", "verifying"});
  Interview();
  Ok("ver", {"exchange", "not-travelling", "X1", roster_[1], "--reason", "unfit", "--note",
             "assessed by Dr. Synthetic"});
  Ok("med", {"exchange", "advance", "X1", "--to", "executing"});
  Ok("ver", {"handover", "record", "X1", roster_[0], "--at", "2025-07-18T14:05:00Z", "--place",
             "Maiquetia", "--to", "VEN", "--witness", "ICRC delegate A (synthetic)"});

  // ---- counts: a negotiator only for its own party ----
  const int64_t before = LogSize();
  const json report = {{"party", "VEN"},
                       {"direction", "SLV>VEN"},
                       {"count", 1},
                       {"persons", {roster_[0]}},
                       {"note", "counted at the airport"}};
  json for_other = report;
  for_other["party"] = "SLV";
  ExpectRefused(Post("ven", "/v1/exchanges/X1/reports", for_other.dump()), 403);
  ExpectRefused(Post("ver", "/v1/exchanges/X1/reports", report.dump()), 403);
  for (const auto& [member, value, pointer] :
       {std::tuple{"direction", json("SLV-VEN"), "/direction"},
        {"count", json("1"), "/count"},
        {"persons", json::array({"X9"}), "/persons/0"},
        {"persons", json("P1"), "/persons"},
        {"party", json(nullptr), "/party"},
        {"stage", json(0), "/stage"},
        {"stage", json("1"), "/stage"}}) {
    json bad = report;
    bad[member] = value;
    ExpectRefused(Post("ven", "/v1/exchanges/X1/reports", bad.dump()), 400, pointer);
  }
  json miscounted = report;
  miscounted["count"] = 2;  // the list names one
  ExpectRefused(Post("ven", "/v1/exchanges/X1/reports", miscounted.dump()), 422);
  EXPECT_EQ(LogSize(), before) << "a refused report wrote to the log";
  json printed = json::parse(Ok("slv", {"exchange", "report", "X1", "--party", "SLV", "--direction",
                                        "SLV>VEN", "--count", "2", "--json"}));
  HttpResult reported = Post("ven", "/v1/exchanges/X1/reports", report.dump());
  ASSERT_EQ(reported.status, 200) << reported.body;
  json expected = {{"exchange", "X1"}, {"report", printed["report"].get<int64_t>() + 1},
                   {"party", "VEN"},   {"direction", "SLV>VEN"},
                   {"count", 1},       {"stage", nullptr},
                   {"has_persons", true}};
  EXPECT_EQ(Body(reported), expected);

  // ---- the reconciliation: JSON, CSV and HTML, as `canje exchange reconcile` writes them ----
  for (const char* user : {"med", "ven"}) {
    Ok(user, {"exchange", "reconcile", "X1", "--date", "2025-07-18", "--csv",
              std::string(user) + ".csv", "--html", std::string(user) + ".html"});
    const std::string csv = canje_.ReadFile(std::string(user) + ".csv");
    const std::string target = "/v1/exchanges/X1/reconciliation?date=2025-07-18";
    HttpResult by_query = Get(user, target + "&format=csv");
    ASSERT_EQ(by_query.status, 200) << by_query.body;
    EXPECT_EQ(by_query.Header("content-type"), "text/csv; charset=utf-8");
    EXPECT_EQ(by_query.body, csv) << user;
    HttpResult by_accept = Get(user, target, {{"Accept", "text/csv;q=0.9, */*;q=0.1"}});
    EXPECT_EQ(by_accept.Header("content-type"), "text/csv; charset=utf-8");
    EXPECT_EQ(by_accept.body, csv) << user;
    EXPECT_EQ(by_accept.Header("vary"), "Accept");

    // The HTML says when it was printed: the same bytes but for that time.
    HttpResult html = Get(user, target, {{"Accept", "text/html"}});
    ASSERT_EQ(html.status, 200) << html.body;
    EXPECT_EQ(html.Header("content-type"), "text/html; charset=utf-8");
    auto without_time = [](std::string page) {
      const std::string mark = "<tr><th>Printed at</th><td>";
      size_t at = page.find(mark);
      if (at != std::string::npos)
        page.erase(at + mark.size(), page.find('<', at + mark.size()) - at - mark.size());
      return page;
    };
    const std::string printed_html = canje_.ReadFile(std::string(user) + ".html");
    ASSERT_NE(printed_html.find("<tr><th>Printed at</th><td>2"), std::string::npos);
    EXPECT_EQ(without_time(html.body), without_time(printed_html)) << user;
    EXPECT_EQ(Get(user, target + "&format=html").Header("content-type"),
              "text/html; charset=utf-8");

    HttpResult as_json = Get(user, target + "&format=json", {{"Accept", "text/csv"}});
    ASSERT_EQ(as_json.status, 200) << as_json.body;
    EXPECT_EQ(as_json.Header("content-type"), "application/json");
    json served = Body(as_json);
    json json_printed =
        json::parse(Ok(user, {"exchange", "reconcile", "X1", "--date", "2025-07-18", "--json"}));
    served.erase("generated_at");
    json_printed.erase("generated_at");
    EXPECT_EQ(served, json_printed) << user;
  }
  EXPECT_EQ(Get("med", "/v1/exchanges/X1/reconciliation").Header("content-type"),
            "application/json");
  HttpResult bad_format = Get("med", "/v1/exchanges/X1/reconciliation?format=xml");
  ExpectRefused(bad_format, 400);
  EXPECT_EQ(Body(bad_format)["parameter"], "format");
  // A negotiator reads the unfit person's reason as confidential, in every form.
  const std::string ven_csv = Get("ven", "/v1/exchanges/X1/reconciliation?format=csv").body;
  const std::string med_csv = Get("med", "/v1/exchanges/X1/reconciliation?format=csv").body;
  EXPECT_NE(med_csv.find("unfit"), std::string::npos) << med_csv;
  EXPECT_EQ(ven_csv.find("unfit"), std::string::npos) << ven_csv;
  EXPECT_EQ(Get("ven", "/v1/exchanges/X1/reconciliation?format=html").body.find("unfit"),
            std::string::npos);
}

TEST_F(ServeExecutionTest, ALogEntryIsTheLeafTheCommandLinePrints) {
  const int64_t size = LogSize();
  ASSERT_GT(size, 3);
  for (const char* user : {"ven", "med"}) {
    for (const std::string& index : std::vector<std::string>{"0", "3", std::to_string(size - 1)}) {
      HttpResult entry = Get(user, "/v1/log/entries/" + index);
      ASSERT_EQ(entry.status, 200) << entry.body;
      EXPECT_EQ(entry.Header("content-type"), "application/octet-stream");
      EXPECT_EQ(entry.body, Ok(user, {"log", "entry", index})) << index;
    }
  }
  ExpectRefused(Get("ven", "/v1/log/entries/x3"), 400);
  ExpectRefused(Get("ven", "/v1/log/entries/-1"), 400);
  ExpectRefused(Get("ven", "/v1/log/entries/" + std::to_string(size + 1000)), 404);
  ExpectRefused(Client().Send("GET", "/v1/log/entries/0"), 401);
}

// The evidence bundle: the folder `canje log bundle` writes, as one tar archive whose files are
// the same bytes (extracted with tar).
TEST_F(ServeExecutionTest, TheEvidenceBundleIsTheCommandLinesFolderInOneArchive) {
  Ok("ven", {"log", "bundle", "--out", "cli-bundle", "--entries", "2-5"});
  HttpResult bundle = Get("ven", "/v1/log/bundle?entries=2-5");
  ASSERT_EQ(bundle.status, 200) << bundle.body;
  EXPECT_EQ(bundle.Header("content-type"), "application/x-tar");
  canje_.WriteFile("bundle.tar", bundle.body);
  std::filesystem::create_directory(canje_.Path("served"));
  cli::testing::RunResult untar =
      cli::testing::RunProgram({"tar", "-xf", "bundle.tar", "-C", "served"}, canje_.dir(), {});
  ASSERT_EQ(untar.exit_status, 0) << untar.err;
  std::vector<std::string> files = {"checkpoint", "log.vkey", "README.md"};
  for (int i = 2; i <= 5; ++i) {
    files.push_back("entries/" + std::to_string(i) + ".leaf");
    files.push_back("entries/" + std::to_string(i) + ".proof");
  }
  for (const std::string& file : files) {
    EXPECT_EQ(canje_.ReadFile("served/canje-bundle/" + file), canje_.ReadFile("cli-bundle/" + file))
        << file;
  }
  size_t served = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(canje_.Path("served/canje-bundle"))) {
    served += entry.is_regular_file();
  }
  EXPECT_EQ(served, files.size()) << "the archive holds other files than the folder";
  HttpResult whole = Get("med", "/v1/log/bundle");
  EXPECT_EQ(whole.status, 200) << whole.body;
  EXPECT_GT(whole.body.size(), bundle.body.size());
  HttpResult malformed = Get("ven", "/v1/log/bundle?entries=two-five");
  ExpectRefused(malformed, 400);
  EXPECT_EQ(Body(malformed)["parameter"], "entries");
  ExpectRefused(Get("ven", "/v1/log/bundle?entries=5-2"), 400);
  ExpectRefused(Get("ven", "/v1/log/bundle?entries=0-99999999"), 400);
}

}  // namespace
}  // namespace canje::server::testing
