// An agreed exchange executed in stages from the command line, on the cecot-2025 demo store:
// six persons of SLV's roster agreed for VEN on V1 and signed; two stages planned from CSV files
// (bad files refused whole, every bad cell named); the exchange executes once its first stage
// may start; a handover outside a started stage is refused; a stage completes only when each
// person is handed over or not travelling; a postponement is logged; a late refusal is answered
// by re-planning (a counter of V1 agreed while executing, which must keep every handover), signed
// again before the new persons travel; the exchange completes when every stage has.
// Backend-neutral: runs on SQLite and, in cli_test_postgres, on PostgreSQL.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"

namespace canje::cli::testing {
namespace {

using nlohmann::json;

class StageCommandsTest : public MultiUserTest {
 protected:
  void SetUp() override {
    LoadDemoWithDelegations();
    if (HasFatalFailure()) return;
    p_ = PersonIds({"--list", "L1"});
    ASSERT_GE(p_.size(), 10u);
    Ok("med", {"exchange", "create", "stages (synthetic)", "--mediator", "PUENTE"});
    Ok("med", {"exchange", "party", "add", "X1", "SLV", "--bloc", "SLV"});
    Ok("med", {"exchange", "party", "add", "X1", "VEN", "--bloc", "VEN"});
    std::string csv = "person,from,to\n";
    for (int i = 0; i < 6; ++i) csv += p_[i] + ",SLV,VEN\n";
    canje_.WriteFile("v1.csv", csv);
    Ok("med", {"proposal", "create", "X1", "--transfers", "v1.csv"});
    Ok("med", {"proposal", "table", "V1"});
    Agree("V1");
    Ok("med", {"exchange", "advance", "X1", "--to", "verifying"});
  }

  // Every party accepts `version` (overriding the balance rule when one is broken) and signs it.
  void Agree(const std::string& version) {
    Ok("slv", {"proposal", "accept", version, "--party", "SLV"});
    Ok("ven", {"proposal", "accept", version, "--party", "VEN"});
    Sign(version);
  }
  void Sign(const std::string& version) {
    Ok("med", {"proposal", "manifest", version, "--out", "manifest.json"});
    for (auto [user, party] : {std::pair{"slv", "SLV"}, {"ven", "VEN"}}) {
      ASSERT_NO_FATAL_FAILURE(SignManifest(user, party));
      Ok(user, {"agreement", "sign-add", version, "--party", party, "--signature",
                std::string(user) + ".sig"});
    }
  }
  void Consents(const std::vector<int>& persons) {
    std::string csv = "person,destination,identity,consent,fit,on\n";
    for (int i : persons) csv += p_[i] + ",VEN,confirmed,consents,yes,2025-05-10\n";
    canje_.WriteFile("interviews.csv", csv);
    Ok("ver", {"interview", "record", "--file", "interviews.csv"});
  }
  std::string Persons(const std::string& file, const std::vector<int>& persons) {
    std::string csv = "person\n";
    for (int i : persons) csv += p_[i] + "\n";
    canje_.WriteFile(file, csv);
    return file;
  }
  std::vector<std::string> Handover(int person) const {
    return {"handover", "record", "X1", p_[person], "--at", "2025-05-23T10:00:00Z", "--place",
            "Apron 3 (synthetic)", "--to", "VEN", "--witness", "ICRC delegate (synthetic)"};
  }
  json Stage(const std::string& number) const {
    return json::parse(Ok("ven", {"exchange", "stage", "show", "X1", number, "--json"}));
  }

  std::vector<std::string> p_;
};

TEST_F(StageCommandsTest, BadStagesAreRefusedWholeAndChangeNothing) {
  canje_.WriteFile("bad.csv", "person\n" + p_[0] + "\nP-1\n" + p_[9] + "\n" + p_[0] + "\n");
  Refused("med",
          {"exchange", "stage", "add", "X1", "--name", "Day 1", "--date", "2025-05-23",
           "--place", "Apron 3", "--persons", "bad.csv"},
          65, "bad.csv:3:1: ");
  canje_.WriteFile("bad.csv", "person\n" + p_[0] + "\n" + p_[9] + "\n" + p_[0] + "\n");
  RunResult bad = As("med", {"exchange", "stage", "add", "X1", "--name", "Day 1", "--date",
                             "2025-05-23", "--place", "Apron 3", "--persons", "bad.csv"});
  EXPECT_EQ(bad.exit_status, 65);
  EXPECT_TRUE(Contains(bad.err, "bad.csv:3:1: " + p_[9] + " is not on the agreed version V1"))
      << bad.err;
  EXPECT_TRUE(Contains(bad.err, "bad.csv:4:1: " + p_[0] + " is listed twice (first at bad.csv:2:1)"))
      << bad.err;
  canje_.WriteFile("cols.csv", "person,seat\n" + p_[0] + ",1\n");
  Refused("med",
          {"exchange", "stage", "add", "X1", "--name", "Day 1", "--date", "2025-05-23",
           "--place", "Apron 3", "--persons", "cols.csv"},
          65, "cols.csv:1:2: unknown column 'seat'");
  Refused("med",
          {"exchange", "stage", "add", "X1", "--name", "Day 1", "--date", "23/05/2025",
           "--place", "Apron 3"},
          2, "--date");
  Refused("ven",
          {"exchange", "stage", "add", "X1", "--name", "Day 1", "--date", "2025-05-23",
           "--place", "Apron 3"},
          77, "negotiator");
  Ok("med", {"exchange", "stage", "add", "X1", "--name", "Day 1", "--date", "2025-05-23",
             "--place", "Apron 3", "--persons", Persons("s1.csv", {0, 1})});
  Refused("med",
          {"exchange", "stage", "add", "X1", "--name", "Day 2", "--date", "2025-05-24",
           "--place", "Apron 3", "--persons", Persons("s2.csv", {2, 1})},
          65, "s2.csv:3:1: " + p_[1] + " already is in stage 1; a person is in one stage only");
  Refused("med", {"exchange", "stage", "show", "X1", "2"}, 66, "X1 has no stage 2");
  Refused("med", {"exchange", "stage", "postpone", "X1", "1", "--date", "2025-05-22", "--reason",
                  "weather"},
          2, "is not later than its planned day 2025-05-23");
  Refused("med", {"exchange", "stage", "start", "X1", "1"}, 65,
          "the exchange is verifying; a stage starts once it is executing");
}

TEST_F(StageCommandsTest, ThreeDaysOneReplannedAfterALateRefusal) {
  Ok("med", {"exchange", "stage", "add", "X1", "--name", "Day 1", "--date", "2025-05-23",
             "--place", "Apron 3 (synthetic)", "--persons", Persons("s1.csv", {0, 1, 2})});
  Ok("med", {"exchange", "stage", "add", "X1", "--name", "Day 2", "--date", "2025-05-24",
             "--place", "Apron 3 (synthetic)", "--persons", Persons("s2.csv", {3, 4})});
  const json listed = json::parse(Ok("ven",
                                     {"exchange", "stage", "list", "X1", "--json"}));
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0]["counts"], json({{"SLV>VEN", 3}}));
  EXPECT_EQ(listed[1]["counts"], json({{"SLV>VEN", 2}}));
  EXPECT_EQ(listed[0]["state"], "planned");

  // The exchange executes once its first stage may start; the second need not be ready yet.
  Consents({0, 1});
  Refused("med", {"exchange", "advance", "X1", "--to", "executing"}, 65,
          "exchange X1 cannot start executing: its first stage 1 (Day 1), planned for "
          "2025-05-23, has 1 of 3 persons neither ready nor recorded as not travelling: " +
              p_[2]);
  Consents({2});
  Ok("med", {"exchange", "advance", "X1", "--to", "executing"});

  // Handovers only in a started stage.
  Refused("med", Handover(0), 65,
          p_[0] + " is in stage 1 (Day 1), planned for 2025-05-23, which has not started");
  Refused("med", Handover(5), 65, p_[5] + " is in no stage of X1");
  Refused("med", {"exchange", "stage", "start", "X1", "2"}, 65,
          "stage 2 (Day 2) of X1 cannot start: 2 of 2 persons are neither ready nor recorded as "
          "not travelling: " + p_[3]);
  Ok("med", {"exchange", "stage", "start", "X1", "1"});
  Refused("med", {"exchange", "stage", "start", "X1", "1"}, 65, "it is started");
  Ok("ver", Handover(0));
  Ok("ver", Handover(1));
  const json ready1 =
      json::parse(Ok("ven", {"exchange", "readiness", "X1", "--stage", "1", "--json"}));
  EXPECT_EQ(ready1["persons"].size(), 3u);
  EXPECT_EQ(ready1["counts"]["handed_over"], 2);
  Refused("med", {"exchange", "stage", "complete", "X1", "1"}, 65,
          "stage 1 (Day 1) of X1 cannot be completed: 1 of 3 persons were neither handed over "
          "nor recorded as not travelling: " + p_[2] + " (to VEN)");

  // Day 2 slips by two days.
  Ok("med", {"exchange", "stage", "postpone", "X1", "2", "--date", "2025-05-26", "--reason",
             "runway closed (synthetic)"});
  EXPECT_EQ(Stage("2")["date"], "2025-05-26");
  EXPECT_EQ(Stage("2")["postponed_reason"], "runway closed (synthetic)");
  EXPECT_EQ(Stage("2")["postponements"], 1);

  // A late refusal on Day 1: the person does not travel; Day 1 completes.
  Ok("ver", {"interview", "record", p_[2], "--destination", "VEN", "--identity", "confirmed",
             "--consent", "refuses", "--fit", "yes", "--on", "2025-05-23"});
  Ok("med", {"exchange", "not-travelling", "X1", p_[2], "--reason", "refused-consent"});
  Ok("med", {"exchange", "stage", "complete", "X1", "1"});
  EXPECT_EQ(Stage("1")["state"], "completed");
  Refused("med", {"exchange", "advance", "X1", "--to", "completed"}, 65,
          "exchange X1 cannot be completed: 3 of 6 persons of V1");

  // Re-planning: a counter of V1 must keep the handovers; P2 is replaced by P6.
  std::string v2 = "person,from,to\n";
  for (int i : {1, 3, 4, 5, 6}) v2 += p_[i] + ",SLV,VEN\n";
  canje_.WriteFile("v2-bad.csv", v2);
  Refused("med", {"proposal", "create", "X1", "--transfers", "v2-bad.csv", "--parent", "V1"}, 65,
          "keeps every transfer already handed over; 1 are missing: " + p_[0] +
              " (handed over to VEN");
  Refused("med", {"proposal", "create", "X1", "--transfers", "v2-bad.csv"}, 65,
          "a version that re-plans it counters V1 (--parent V1)");
  canje_.WriteFile("v2.csv", v2 + p_[0] + ",SLV,VEN\n");
  Ok("med", {"proposal", "create", "X1", "--transfers", "v2.csv", "--parent", "V1"});
  Ok("med", {"proposal", "table", "V2"});
  Ok("slv", {"proposal", "accept", "V2", "--party", "SLV"});
  const int64_t before_agreement = LogSize();
  Ok("ven", {"proposal", "accept", "V2", "--party", "VEN"});
  // The re-planning is logged with the person it took out of Day 1.
  bool replanned = false;
  for (const json& event : json::parse(Ok("med", {"log", "show", "--from",
                                                  std::to_string(before_agreement), "--json"}))) {
    if (event["type"] != "exchange.replanned") continue;
    replanned = true;
    EXPECT_EQ(event["subjects"], json({"X1", "V2", p_[2]}));
  }
  EXPECT_TRUE(replanned);
  const json state = json::parse(Ok("med", {"exchange", "state", "X1", "--json"}));
  EXPECT_EQ(state["state"], "executing");
  EXPECT_EQ(state["agreed_version"], "V2");
  // V1 is replaced: no longer signed, but the agreement the first handovers were made under
  // still verifies.
  EXPECT_EQ(json::parse(Ok("med", {"proposal", "show", "V1", "--json"}))["state"], "replaced");
  EXPECT_EQ(json::parse(Ok("med", {"agreement", "verify", "V1", "--json"}))["complete"], true);
  Refused("slv", {"agreement", "sign-add", "V1", "--party", "SLV", "--signature", "slv.sig"}, 65,
          "V1 is replaced; only an agreed (or agreed-in-principle) version is signed");
  // P2 left Day 1 with V1; the handed-over stay.
  const json day1 = Stage("1");
  ASSERT_EQ(day1["persons"].size(), 2u);
  EXPECT_EQ(day1["handed_over"], 2);

  // The new persons are assigned to the planned Day 2, which starts once V2 is signed.
  Ok("med", {"exchange", "stage", "assign", "X1", "2", "--persons", Persons("s2b.csv", {5, 6})});
  EXPECT_EQ(Stage("2")["counts"], json({{"SLV>VEN", 4}}));
  Consents({3, 4, 5, 6});
  Refused("med", {"exchange", "stage", "start", "X1", "2"}, 65,
          "the agreed version V2 lacks valid signatures of SLV, VEN");
  Sign("V2");
  Ok("med", {"exchange", "stage", "start", "X1", "2"});
  for (int i : {3, 4, 5, 6}) Ok("med", Handover(i));
  Refused("med", {"exchange", "advance", "X1", "--to", "completed"}, 65,
          "1 of 2 stages are not completed: stage 2 (Day 2) is started");
  Ok("med", {"exchange", "stage", "complete", "X1", "2"});
  Ok("med", {"exchange", "advance", "X1", "--to", "completed"});

  // The count per stage: Day 1 agreed 2 under V2, both handed over. Venezuela counts each day's
  // arrivals; its list of day 2 leaves one person out.
  Refused("ven", {"exchange", "report", "X1", "--party", "VEN", "--direction", "SLV>VEN",
                  "--count", "2", "--stage", "3"},
          66, "X1 has no stage 3; its stages are 1 to 2");
  canje_.WriteFile("day1.txt", p_[0] + "\n" + p_[1] + "\n");
  Ok("ven", {"exchange", "report", "X1", "--party", "VEN", "--direction", "SLV>VEN", "--count",
             "2", "--stage", "1", "--persons", "day1.txt"});
  canje_.WriteFile("day2.txt", p_[3] + "\n" + p_[4] + "\n" + p_[5] + "\n");
  Ok("ven", {"exchange", "report", "X1", "--party", "VEN", "--direction", "SLV>VEN", "--count",
             "3", "--stage", "2", "--persons", "day2.txt"});
  const json count1 =
      json::parse(Ok("med", {"exchange", "reconcile", "X1", "--stage", "1", "--json"}));
  ASSERT_EQ(count1["directions"].size(), 1u);
  EXPECT_EQ(count1["directions"][0]["agreed"], 2);
  EXPECT_EQ(count1["directions"][0]["handed_over"], 2);
  EXPECT_EQ(count1["directions"][0]["reported"][0]["count"], 2);
  EXPECT_EQ(count1["directions"][0]["unexplained"], 0);
  EXPECT_EQ(count1["directions"][0]["differences"].size(), 0u) << count1.dump(2);
  const json count2 =
      json::parse(Ok("med", {"exchange", "reconcile", "X1", "--stage", "2", "--json"}));
  EXPECT_EQ(count2["directions"][0]["reported"][0]["count"], 3);
  EXPECT_EQ(count2["directions"][0]["differences"][0]["kind"], "not_in_report");
  EXPECT_EQ(count2["directions"][0]["differences"][0]["person"], p_[6]);
  // The whole exchange adds the two days up: 5 of the 6 handed over, the same person missing.
  const std::string whole = Ok("med", {"exchange", "reconcile", "X1"});
  EXPECT_TRUE(Contains(whole, "VEN 5 (stages 1, 2)")) << whole;
  EXPECT_TRUE(Contains(whole, p_[6] + " was handed over to VEN")) << whole;
}

}  // namespace
}  // namespace canje::cli::testing
