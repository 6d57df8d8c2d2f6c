// Executing an agreed exchange from the command line, on the cecot-2025 demo store: an agreed
// and signed version goes to verifying; interviews (in bulk) with refusals and one person
// unfit; readiness as the mediator and as a negotiator; not-travelling outcomes; the guard of
// executing; handovers, and every forbidden handover failing with its exit status and message
// and changing nothing; the parties' counts (one of them too low, then with a list) and the
// reconciliation naming every difference, in text, JSON, CSV and HTML; the guard of completed.
// A negotiator's output never contains the word "refused". Backend-neutral: runs on SQLite and,
// in cli_test_postgres, on PostgreSQL.
#include <gtest/gtest.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"
#include "core/text.h"

namespace canje::cli::testing {
namespace {

using nlohmann::json;

// The demo store with users of every role, and exchange X1 agreed on V1 and signed by SLV, USA
// and VEN: eight persons of SLV's roster go home to VEN, two US nationals held by VEN go to USA.
class ExecutionCommandsTest : public MultiUserTest {
 protected:
  void SetUp() override {
    LoadDemoWithRosters(30, 2, {{"obs", "VEN", "observer"}});
    if (HasFatalFailure()) return;
    TableCecotVersion("cecot <2025> & co", 8);
    for (auto [user, party] : {std::pair{"slv", "SLV"}, {"usa", "USA"}, {"ven", "VEN"}}) {
      Ok(user, {"proposal", "accept", "V1", "--party", party});
    }
    Ok("med", {"proposal", "manifest", "V1", "--out", "manifest.json"});
    for (const std::string party : {"slv", "usa", "ven"}) {
      std::string code = Upper(party);
      ASSERT_NO_FATAL_FAILURE(SignManifest(party, code));
      Ok(party, {"agreement", "sign-add", "V1", "--party", code, "--signature", party + ".sig"});
    }
    Ok("med", {"exchange", "advance", "X1", "--to", "verifying"});
  }

  static std::string Upper(std::string text) {
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
  }
  std::vector<std::string> Handover(const std::string& person, const std::string& to) const {
    return {"handover",
            "record",
            "X1",
            person,
            "--at",
            "2025-07-18T14:05:00Z",
            "--place",
            "Maiquetia airport, apron 3",
            "--to",
            to,
            "--witness",
            "ICRC delegate A (synthetic)",
            "Officer B (synthetic)"};
  }
  // Person -> status in `exchange readiness X1 --json` as `user` reads it.
  std::map<std::string, json> Readiness(const std::string& user) const {
    std::map<std::string, json> by_person;
    const json report = json::parse(Ok(user, {"exchange", "readiness", "X1", "--json"}));
    for (const json& entry : report["persons"])
      by_person[entry["person"].get<std::string>()] = entry;
    return by_person;
  }
};

TEST_F(ExecutionCommandsTest, ChecksOutcomesHandoversAndTheCountAfterwards) {
  const std::vector<std::string>& p = roster_;
  // ---- verifying: interviews in bulk, two refusals, one unfit, one not yet interviewed ----
  std::string interviews = "person,destination,identity,consent,fit,on,note\n";
  for (int i = 0; i < 8; ++i) {
    if (i == 4) continue;
    const char* consent = (i == 1 || i == 2) ? "refuses" : "consents";
    const char* fit = i == 3 ? "no" : "yes";
    interviews += p[i] + ",VEN,confirmed," + consent + "," + fit + ",2025-07-10," +
                  (i == 1 ? "fears persecution (synthetic)" : "") + "\n";
  }
  interviews += us_[0] + ",USA,confirmed,consents,yes,2025-07-10,\n";
  interviews += us_[1] + ",USA,confirmed,consents,yes,2025-07-10,\n";
  // A bad file is refused whole, every bad row named.
  canje_.WriteFile("bad-interviews.csv", interviews + p[5] + ",VEN,sure,consents,yes,,\n" + p[6] +
                                             ",NOWHERE,confirmed,consents,yes,,\n");
  Refused("ver", {"interview", "record", "--file", "bad-interviews.csv"}, 2,
          "bad-interviews.csv:11: --identity 'sure' is not accepted");
  RunResult bad = As("ver", {"interview", "record", "--file", "bad-interviews.csv"});
  EXPECT_TRUE(Contains(bad.err, "bad-interviews.csv:12: no party NOWHERE")) << bad.err;
  canje_.WriteFile("interviews.csv", interviews);
  Refused("med", {"interview", "record", "--file", "interviews.csv"}, 77,
          "a mediator may not record interviews");
  Ok("ver", {"interview", "record", "--file", "interviews.csv"});

  auto as_mediator = Readiness("med");
  EXPECT_EQ(as_mediator[p[0]]["status"], "ready");
  EXPECT_EQ(as_mediator[us_[0]]["status"], "ready");
  EXPECT_EQ(as_mediator[p[1]]["status"], "blocked");
  EXPECT_EQ(as_mediator[p[1]]["obstacles"][0]["kind"], "consent_refused");
  EXPECT_EQ(as_mediator[p[3]]["obstacles"][0]["kind"], "unfit_to_travel");
  EXPECT_EQ(as_mediator[p[4]]["obstacles"][0]["kind"], "consent_not_given");
  RunResult for_negotiator = As("ven", {"exchange", "readiness", "X1"});
  ASSERT_EQ(for_negotiator.exit_status, 0) << for_negotiator.err;
  EXPECT_TRUE(Contains(for_negotiator.out, "not available (confidential)"));
  EXPECT_FALSE(Contains(AsciiLower(for_negotiator.out), "refus")) << for_negotiator.out;
  // Every personal obstacle reads the same to a negotiator: a refusal, unfitness, no interview.
  auto as_negotiator = Readiness("ven");
  const json confidential = json::array(
      {{{"kind", "confidential"}, {"reason", "not available (confidential)"}}});
  for (const std::string& person : {p[1], p[3], p[4]}) {
    EXPECT_EQ(as_negotiator[person]["obstacles"], confidential) << person;
  }
  EXPECT_FALSE(Contains(AsciiLower(for_negotiator.out), "fit")) << for_negotiator.out;

  // The guard: four persons are neither ready nor recorded as not travelling.
  Refused("med", {"exchange", "advance", "X1", "--to", "executing"}, 65,
          "exchange X1 cannot start executing: 4 of 10 persons of V1 are neither ready nor "
          "recorded as not travelling: " +
              p[1] + " (");
  Refused("med", Handover(p[0], "VEN"), 65,
          "exchange X1 is verifying; handovers are recorded only while it is executing");

  // Not travelling: only with the person's own refusal, only when unfit, only by the right roles.
  Refused("med", {"exchange", "not-travelling", "X1", p[0], "--reason", "refused-consent"}, 65,
          p[0] + "'s latest interview about VEN does not refuse");
  Refused("med", {"exchange", "not-travelling", "X1", p[0], "--reason", "unfit"}, 65,
          "says fit to travel");
  Refused("ven", {"exchange", "not-travelling", "X1", p[1], "--reason", "refused-consent"}, 77,
          "a negotiator may not record handovers or who does not travel");
  Refused("med", {"exchange", "not-travelling", "X1", p[1], "--reason", "tired"}, 2,
          "reason 'tired' is not accepted");
  Refused("med", {"exchange", "not-travelling", "X1", p[20], "--reason", "deceased"}, 65,
          p[20] + " is not on the agreed version V1 of X1");
  Ok("med", {"exchange", "not-travelling", "X1", p[1], "--reason", "refused-consent", "--note",
             "repeated the refusal at the gate (synthetic)"});
  canje_.WriteFile("outcomes.csv", "person,reason,note\n" + p[2] + ",refused-consent,\n" + p[3] +
                                       ",unfit,assessed by the ICRC doctor (synthetic)\n" + p[1] +
                                       ",deceased,\n");
  Refused("ver", {"exchange", "not-travelling", "X1", "--file", "outcomes.csv"}, 65,
          "outcomes.csv:4: " + p[1] + " is already recorded as not travelling");
  canje_.WriteFile("outcomes.csv", "person,reason,note\n" + p[2] + ",refused-consent,\n" + p[3] +
                                       ",unfit,assessed by the ICRC doctor (synthetic)\n");
  Ok("ver", {"exchange", "not-travelling", "X1", "--file", "outcomes.csv"});
  EXPECT_EQ(Readiness("med")[p[1]]["note"], "repeated the refusal at the gate (synthetic)");
  EXPECT_FALSE(Readiness("ven")[p[1]].contains("note"));
  EXPECT_EQ(Readiness("ven")[p[1]]["reason"], "confidential");

  Refused("med", {"exchange", "advance", "X1", "--to", "executing"}, 65,
          "1 of 10 persons of V1 are neither ready nor recorded as not travelling: " + p[4]);
  Ok("ver", {"interview", "record", p[4], "--destination", "VEN", "--identity", "confirmed",
             "--consent", "consents", "--fit", "yes", "--on", "2025-07-11"});
  Ok("med", {"exchange", "advance", "X1", "--to", "executing"});

  // ---- executing: a court order and a change of mind arrive on the day ----
  Ok("med", {"hold", "add", "--issuer", "Supreme Court (synthetic)", "--reference", "24A-0009",
             "--from", "2025-07-01", "--person", p[5]});
  Ok("ver",
     {"interview", "record", p[6], "--destination", "VEN", "--identity", "confirmed", "--consent",
      "refuses", "--fit", "yes", "--on", "2025-07-17", "--note", "changed their mind (synthetic)"});

  Refused("med", Handover(p[5], "VEN"), 77,
          "no override exists for a legal hold or a personal assessment");
  Refused("ver", Handover(p[6], "VEN"), 77,
          "no override exists for a legal hold or a personal assessment");
  Refused("med", Handover(p[1], "VEN"), 65, p[1] + " is recorded as not travelling");
  Refused("med", Handover(p[20], "VEN"), 65, p[20] + " is not on the agreed version V1 of X1");
  Refused("med", Handover(p[0], "USA"), 65, p[0] + " goes to VEN under V1, not to USA");
  Refused("ven", Handover(p[0], "VEN"), 77,
          "a negotiator may not record handovers or who does not travel");
  Refused("obs", Handover(p[0], "VEN"), 77, "an observer may not record handovers");
  std::vector<std::string> future = Handover(p[0], "VEN");
  future[5] = "2999-01-01T00:00:00Z";
  Refused("med", future, 2, "is in the future");
  Ok("med", Handover(p[0], "VEN"));
  Refused("ver", Handover(p[0], "VEN"), 65, p[0] + " was already handed over to VEN");
  // A file: all or nothing, every bad row named.
  const std::string witnesses = ",ICRC delegate A (synthetic)|Officer B (synthetic)\n";
  const std::string rows = p[4] + ",2025-07-18T15:00:00Z,Maiquetia" + ",VEN" + witnesses + p[7] +
                           ",2025-07-18T15:01:00Z,Maiquetia,VEN" + witnesses + us_[0] +
                           ",2025-07-18T16:00:00Z,Maiquetia,USA" + witnesses + us_[1] +
                           ",2025-07-18T16:01:00Z,Maiquetia,USA" + witnesses;
  canje_.WriteFile("bad-handovers.csv", "person,at,place,to,witnesses\n" + rows + p[5] +
                                            ",2025-07-18T15:02:00Z,Maiquetia,VEN" + witnesses);
  Refused("med", {"handover", "record", "X1", "--file", "bad-handovers.csv"}, 77,
          "bad-handovers.csv:6: " + p[5] + " cannot be handed over to VEN");
  canje_.WriteFile("handovers.csv", "person,at,place,to,witnesses\n" + rows);
  Ok("ver", {"handover", "record", "X1", "--file", "handovers.csv"});
  json handed = json::parse(Ok("obs", {"handover", "list", "X1", "--json"}));
  ASSERT_EQ(handed.size(), 5u);
  for (const json& row : handed) {
    EXPECT_EQ(row["witnesses"].size(), 2u);
    EXPECT_EQ(row["place"].get<std::string>().substr(0, 9), "Maiquetia");
  }

  // The completion guard names who is still open.
  Refused("med", {"exchange", "advance", "X1", "--to", "completed"}, 65,
          "exchange X1 cannot be completed: 2 of 10 persons of V1 were neither handed over nor "
          "recorded as not travelling: " +
              p[5] + " (to VEN), " + p[6] + " (to VEN)");

  // ---- the parties' counts ----
  Refused("slv",
          {"exchange", "report", "X1", "--party", "VEN", "--direction", "SLV>VEN", "--count", "2"},
          77, "only for SLV");
  Refused("obs",
          {"exchange", "report", "X1", "--party", "VEN", "--direction", "SLV>VEN", "--count", "2"},
          77, "an observer may not report a party's count");
  Refused("usa",
          {"exchange", "report", "X1", "--party", "USA", "--direction", "SLV>VEN", "--count", "2"},
          65, "USA is neither end of SLV>VEN");
  Ok("slv",
     {"exchange", "report", "X1", "--party", "SLV", "--direction", "SLV>VEN", "--count", "3"});
  Ok("ven", {"exchange", "report", "X1", "--party", "VEN", "--direction", "SLV>VEN", "--count", "2",
             "--note", "official communique (synthetic)"});
  canje_.WriteFile("usa-list.txt", "# received\n" + us_[0] + "\n" + us_[1] + "\n");
  Ok("med", {"exchange", "report", "X1", "--party", "USA", "--direction", "VEN>USA", "--count", "2",
             "--persons", "usa-list.txt"});

  json reconciled = json::parse(Ok("med", {"exchange", "reconcile", "X1", "--json"}));
  ASSERT_EQ(reconciled["directions"].size(), 2u);
  const json& to_ven = reconciled["directions"][0];
  EXPECT_EQ(to_ven["from"], "SLV");
  EXPECT_EQ(to_ven["agreed"], 8);
  EXPECT_EQ(to_ven["verified"], 3);  // P0, P4, P7 handed over; P5 held, P6 refuses now
  EXPECT_EQ(to_ven["handed_over"], 3);
  EXPECT_EQ(to_ven["not_travelling"]["refused-consent"], 2);
  EXPECT_EQ(to_ven["not_travelling"]["unfit"], 1);
  EXPECT_EQ(to_ven["no_outcome"], 2);
  std::vector<std::string> texts;
  for (const json& d : to_ven["differences"]) texts.push_back(d["text"]);
  auto has = [&](const std::string& text) {
    return std::any_of(texts.begin(), texts.end(),
                       [&](const std::string& t) { return Contains(t, text); });
  };
  EXPECT_TRUE(has(p[1] + " did not travel: refused consent"));
  EXPECT_TRUE(has(p[3] + " did not travel: unfit to travel"));
  EXPECT_TRUE(has(p[5] + " is missing: agreed, not handed over, and no outcome recorded"));
  EXPECT_TRUE(
      has("VEN reports 2 for SLV>VEN; the record has 3 handed over; 1 not explained by "
          "VEN"));
  EXPECT_EQ(reconciled["unexplained"], 3);
  EXPECT_EQ(reconciled["directions"][1]["unexplained"], 0);

  // VEN publishes its list: the gap is named person by person; a person not agreed is extra.
  canje_.WriteFile("ven-list.txt", p[0] + "\n" + p[4] + "\n" + p[20] + "\n");
  Refused("ven",
          {"exchange", "report", "X1", "--party", "VEN", "--direction", "SLV>VEN", "--count", "2",
           "--persons", "ven-list.txt"},
          65, "VEN's list names 3 persons but the count is 2");
  Ok("ven", {"exchange", "report", "X1", "--party", "VEN", "--direction", "SLV>VEN", "--count", "3",
             "--persons", "ven-list.txt"});
  reconciled = json::parse(Ok("med", {"exchange", "reconcile", "X1", "--json"}));
  texts.clear();
  for (const json& d : reconciled["directions"][0]["differences"]) texts.push_back(d["text"]);
  EXPECT_TRUE(has("VEN reports " + p[20] + " for SLV>VEN, who is not on the agreed list for it"));
  EXPECT_TRUE(has(p[7] + " was handed over to VEN at 2025-07-18T15:01:00Z; VEN's report does "
                         "not list them"));
  EXPECT_FALSE(has("not explained by VEN"));
  EXPECT_EQ(reconciled["directions"][0]["reported"][1]["superseded"], 1);
  EXPECT_EQ(reconciled["unexplained"], 2);  // P5 and P6: no outcome yet

  // As VEN's negotiator and observer: the same numbers, a refusal or unfitness never named as
  // such (both read "confidential").
  for (const std::string user : {"ven", "obs"}) {
    RunResult text =
        As(user, {"exchange", "reconcile", "X1", "--csv", user + ".csv", "--html", user + ".html"});
    ASSERT_EQ(text.exit_status, 0) << text.err;
    RunResult as_json = As(user, {"exchange", "reconcile", "X1", "--json"});
    for (const std::string& output :
         {text.out, as_json.out, canje_.ReadFile(user + ".csv"), canje_.ReadFile(user + ".html")}) {
      EXPECT_FALSE(Contains(AsciiLower(output), "refus")) << user << ": " << output;
      EXPECT_FALSE(Contains(AsciiLower(output), "unfit")) << user << ": " << output;
      EXPECT_TRUE(Contains(output, "not available (confidential)")) << user;
    }
    EXPECT_EQ(json::parse(as_json.out)["directions"][0]["not_travelling"]["confidential"], 3);
  }

  // The CSV: a header, the totals per direction, one row per difference.
  Ok("med", {"exchange", "reconcile", "X1", "--csv", "med.csv", "--html", "med.html"});
  std::istringstream csv(canje_.ReadFile("med.csv"));
  std::string line;
  std::getline(csv, line);
  EXPECT_EQ(line, "direction,row,kind,person,name,party,count,reason,text");
  int differences = 0;
  bool agreed_total = false;
  while (std::getline(csv, line)) {
    if (line.rfind("SLV>VEN,difference,", 0) == 0) ++differences;
    if (line == "SLV>VEN,total,agreed,,,,8,,") agreed_total = true;
  }
  EXPECT_TRUE(agreed_total);
  EXPECT_EQ(differences, static_cast<int>(reconciled["directions"][0]["differences"].size()));

  // The HTML manifest: self-contained, escaped, and carrying what checks it.
  const std::string html = canje_.ReadFile("med.html");
  json verified = json::parse(Ok("med", {"agreement", "verify", "V1", "--json"}));
  EXPECT_TRUE(Contains(html, "<!DOCTYPE html>"));
  EXPECT_TRUE(Contains(html, "@media print"));
  EXPECT_TRUE(Contains(html, verified["manifest_sha256"].get<std::string>()));
  for (const json& party : verified["parties"]) {
    EXPECT_TRUE(Contains(html, party["key_id"].get<std::string>())) << party;
  }
  EXPECT_TRUE(Contains(html, "cecot &lt;2025&gt; &amp; co"));
  EXPECT_FALSE(Contains(html, "cecot <2025>"));
  EXPECT_FALSE(Contains(html, "<script"));
  EXPECT_TRUE(Contains(html, reconciled["log"]["root"].get<std::string>()));
  EXPECT_TRUE(Contains(html, "refused consent"));  // the mediator reads the reason

  // ---- completed: once every person is handed over or recorded as not travelling ----
  Ok("med", {"exchange", "not-travelling", "X1", p[5], "--reason", "other", "--note",
             "court order 24A-0009 (synthetic)"});
  Ok("med", {"exchange", "not-travelling", "X1", p[6], "--reason", "refused-consent"});
  Ok("med", {"exchange", "advance", "X1", "--to", "completed"});
  Refused("med", Handover(p[5], "VEN"), 65, "exchange X1 is completed");
  EXPECT_EQ(json::parse(Ok("slv", {"exchange", "reconcile", "X1", "--json"}))["unexplained"], 0);
}

TEST_F(ExecutionCommandsTest, OnlyThePartiesToAnExchangeReadItsExecution) {
  Ok("med", {"exchange", "create", "elsewhere", "--mediator", "PUENTE"});
  Ok("med", {"exchange", "party", "add", "X2", "SLV", "--bloc", "A"});
  Refused("ven", {"exchange", "readiness", "X2"}, 66, "no exchange X2 that you may see");
  Refused("med", {"exchange", "readiness", "X2"}, 65, "has no agreed version yet");
  RunResult readiness = As("usa", {"exchange", "readiness", "X1", "--json"});
  ASSERT_EQ(readiness.exit_status, 0) << readiness.err;
  EXPECT_EQ(json::parse(readiness.out)["counts"]["persons"], 10);
  Refused("med",
          {"exchange", "report", "X1", "--party", "VEN", "--direction", "SLV>VEN", "--count", "3"},
          65, "exchange X1 is verifying; counts are reported once it is executing");
}

}  // namespace
}  // namespace canje::cli::testing
