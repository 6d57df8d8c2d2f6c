// Proposals and the signed agreement from the command line, on the cecot-2025 demo store:
// numbers first, then names; a rejection "as cynical", counters, a superseded version, the
// agreement, three signatures checked by canje and by OpenSSL alone, a humanitarian override,
// and every forbidden step failing with its message and exit status and changing nothing.
// Backend-neutral: runs on SQLite and, in cli_test_postgres, on PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_test_support.h"
#include "core/clock.h"
#include "core/text.h"

namespace canje::cli::testing {
namespace {

using nlohmann::json;

class ProposalCommandsTest : public MultiUserTest {
 protected:
  void SetUp() override { LoadDemoWithRosters(30, 3); }

  std::string State(const std::string& version) const {
    return json::parse(Ok("med", {"proposal", "show", version, "--json"}))["state"];
  }

  // Exchange `name` (X1, X2, ...): SLV+USA against VEN, each side giving only for an equal
  // number.
  void CreateExchange(const std::string& name, const std::string& id) {
    Ok("med", {"exchange", "create", name, "--mediator", "PUENTE"});
    Ok("med", {"exchange", "party", "add", id, "SLV", "--bloc", "SLV+USA"});
    Ok("med", {"exchange", "party", "add", id, "USA", "--bloc", "SLV+USA"});
    Ok("med", {"exchange", "party", "add", id, "VEN", "--bloc", "VEN"});
    Ok("med", {"exchange", "rule", id, "SLV+USA", "count", "--ratio", "1"});
    Ok("med", {"exchange", "rule", id, "VEN", "count", "--ratio", "1"});
  }

  // A transfers CSV: the given roster persons go home to VEN, the given US nationals to USA.
  void WriteTransfers(const std::string& file, const std::vector<std::string>& to_venezuela,
                      const std::vector<std::string>& to_usa) const {
    std::string csv = "person,from,to\n";
    for (const auto& person : to_venezuela) csv += person + ",SLV,VEN\n";
    for (const auto& person : to_usa) csv += person + ",VEN,USA\n";
    canje_.WriteFile(file, csv);
  }

  void AcceptAll(const std::string& version) const {
    for (auto [user, party] : {std::pair{"slv", "SLV"}, {"usa", "USA"}, {"ven", "VEN"}}) {
      Ok(user, {"proposal", "accept", version, "--party", party});
    }
  }
};

TEST_F(ProposalCommandsTest, NumbersFirstThenNamesCountersAndTheAgreement) {
  CreateExchange("cecot-2025", "X1");
  // April: 3 for 3 in numbers, rejected as cynical.
  Ok("med", {"proposal", "create", "X1", "--counts", "SLV>VEN=3,VEN>USA=3"});
  Ok("med", {"proposal", "table", "V1"});
  Ok("ven", {"proposal", "reject", "V1", "--party", "VEN", "--reason", "cynical"});
  EXPECT_EQ(State("V1"), "rejected");
  Refused("slv", {"proposal", "accept", "V1", "--party", "SLV"}, 65,
          "V1 is rejected; it cannot become agreed-in-principle: nothing is allowed from rejected");

  // A counter in numbers, agreed in principle.
  Ok("ven", {"proposal", "create", "X1", "--counts", "SLV>VEN=2,VEN>USA=2", "--parent", "V1"});
  Ok("ven", {"proposal", "table", "V2"});
  EXPECT_EQ(State("V1"), "rejected");  // a rejected version stays rejected when countered
  AcceptAll("V2");
  EXPECT_EQ(State("V2"), "agreed-in-principle");

  // Names that must match the numbers.
  WriteTransfers("wrong.csv", {roster_[10]}, {us_[0], us_[1]});
  Refused("slv", {"proposal", "create", "X1", "--transfers", "wrong.csv", "--parent", "V2"}, 65,
          "do not match those agreed in principle in V2");
  WriteTransfers("v3.csv", {roster_[10], roster_[11]}, {us_[0], us_[1]});
  json v3 = json::parse(
      Ok("slv", {"proposal", "create", "X1", "--transfers", "v3.csv", "--parent", "V2", "--json"}));
  EXPECT_EQ(v3["version"], "V3");
  EXPECT_EQ(v3["refers_to"], "V2");
  Ok("slv", {"proposal", "table", "V3"});
  Refused("med", {"proposal", "table", "V3"}, 65,
          "V3 is tabled; it cannot become tabled: from tabled it can only become countered");

  // VEN counters with one person exchanged for another; V3 is superseded.
  WriteTransfers("v4.csv", {roster_[10], roster_[12]}, {us_[0], us_[1]});
  Ok("ven", {"proposal", "create", "X1", "--transfers", "v4.csv", "--parent", "V3"});
  Refused("slv", {"proposal", "accept", "V4", "--party", "SLV", "--expect-state", "tabled"}, 75,
          "V4 is draft, not tabled as expected");
  Ok("ven", {"proposal", "table", "V4"});
  EXPECT_EQ(State("V3"), "countered");
  Refused("slv", {"proposal", "accept", "V3", "--party", "SLV"}, 75, "V3 was superseded by V4");
  Refused("med", {"proposal", "accept", "V4", "--party", "VEN"}, 77,
          "a mediator may not accept or reject a proposal for a party");
  Refused("slv", {"proposal", "accept", "V4", "--party", "VEN"}, 77, "only for SLV");

  json diff = json::parse(Ok("usa", {"proposal", "diff", "V3", "V4", "--json"}));
  ASSERT_EQ(diff["added"].size(), 1u);
  EXPECT_EQ(diff["added"][0]["person"], roster_[12]);
  ASSERT_EQ(diff["removed"].size(), 1u);
  EXPECT_EQ(diff["removed"][0]["person"], roster_[11]);
  EXPECT_TRUE(diff["moved"].empty());
  for (const json& bloc : diff["blocs"]) {
    EXPECT_TRUE(bloc["before"]["holds"].get<bool>());
    EXPECT_TRUE(bloc["after"]["holds"].get<bool>());
    EXPECT_EQ(bloc["after"]["given"], 2);
  }

  Ok("slv", {"proposal", "accept", "V4", "--party", "SLV", "--expect-state", "tabled"});
  const int64_t before_repeat = LogSize();
  RunResult repeat = As("slv", {"proposal", "accept", "V4", "--party", "SLV"});
  EXPECT_EQ(repeat.exit_status, 0) << repeat.err;
  EXPECT_NE(repeat.out.find("already accepted"), std::string::npos);
  EXPECT_EQ(LogSize(), before_repeat);  // idempotent: nothing written
  Ok("usa", {"proposal", "accept", "V4", "--party", "USA"});
  EXPECT_EQ(State("V4"), "tabled");
  Ok("ven", {"proposal", "accept", "V4", "--party", "VEN"});
  EXPECT_EQ(State("V4"), "agreed");
  Refused("med", {"proposal", "create", "X1", "--counts", "SLV>VEN=1"}, 65,
          "exchange X1 is agreed; proposals are made only while it is negotiating");
  json shown = json::parse(Ok("ven", {"proposal", "show", "V4", "--json"}));
  EXPECT_EQ(shown["refers_to"], "V2");
  EXPECT_EQ(shown["responses"].size(), 3u);
  // The agreed list refers to its persons until the exchange is completed or collapsed.
  Refused("med", {"person", "erase", roster_[12], "--reason", "request of the person"}, 75,
          "is on the agreed list of exchange X1 (agreed)");
  Ok("med", {"exchange", "collapse", "X1", "--reason", "talks broke down"});
  Ok("med", {"person", "erase", roster_[12], "--reason", "request of the person"});
}

// A negotiation that began before canje: the mediator records its start, an offer, its tabling
// and both answers with their dates; the views show each time as it happened and when it was
// recorded; a time out of bounds or in no form canje reads is exit 2, a negotiator dating a step
// or the mediator answering undated is exit 77, and none of them writes anything.
TEST_F(ProposalCommandsTest, ANegotiationThatBeganBeforeCanjeIsRecordedWithItsDates) {
  CreateCecotExchange("earlier", {"--at", "2025-01-10"});
  json exchange = json::parse(Ok("med", {"exchange", "show", "X1", "--json"}));
  EXPECT_EQ(exchange["occurred_at"], "2025-01-10");
  EXPECT_EQ(exchange["recorded_after_the_fact"], true);

  Refused("med",
          {"proposal", "create", "X1", "--counts", "SLV>VEN=3,VEN>USA=3", "--at", "2025-01-09"}, 2,
          "is earlier than the start of X1 (2025-01-10); give a time from 2025-01-10 to now");
  std::string created = Ok("med", {"proposal", "create", "X1", "--counts", "SLV>VEN=3,VEN>USA=3",
                                   "--at", "2025-02-01T09:00:00-04:00"});
  EXPECT_NE(created.find("made 2025-02-01T13:00:00Z (recorded after the fact "), std::string::npos)
      << created;
  Ok("med", {"proposal", "table", "V1", "--at", "2025-02-02"});

  const std::string tomorrow = Rfc3339FromUnix(NowUnixSeconds() + 2 * 86400).substr(0, 10);
  Refused("med", {"proposal", "accept", "V1", "--party", "VEN", "--at", "2025-02-01"}, 2,
          "earlier than the tabling of V1 (2025-02-02)");
  Refused("med", {"proposal", "accept", "V1", "--party", "VEN", "--at", tomorrow}, 2,
          "is later than now");
  Refused("med", {"proposal", "accept", "V1", "--party", "VEN", "--at", "2025-02-03T10:00"}, 2,
          "has no time zone; add Z (UTC) or the offset");
  Refused("med", {"proposal", "accept", "V1", "--party", "VEN", "--at", "3 Feb"}, 2,
          "give a date (2025-03-14) or a date-time with its offset");
  Refused("ven", {"proposal", "accept", "V1", "--party", "VEN", "--at", "2025-02-03"}, 77,
          "a negotiator may not record a negotiation's earlier steps with the time they happened");
  Refused("med", {"proposal", "accept", "V1", "--party", "VEN"}, 77,
          "may not accept or reject a proposal for a party");
  Refused("med", {"proposal", "accept", "V1", "--party", "COL", "--at", "2025-02-03"}, 65,
          "COL is not a party to exchange X1");

  Ok("med", {"proposal", "accept", "V1", "--party", "VEN", "--at", "2025-02-03"});
  Ok("med", {"proposal", "reject", "V1", "--party", "SLV", "--reason", "too few (synthetic)",
             "--at", "2025-02-04T15:30:00Z"});
  EXPECT_EQ(State("V1"), "rejected");

  std::string shown = Ok("ven", {"proposal", "show", "V1"});
  EXPECT_NE(shown.find("at 2025-02-01T13:00:00Z (recorded after the fact "), std::string::npos)
      << shown;
  EXPECT_NE(shown.find("Tabled at 2025-02-02 (recorded after the fact "), std::string::npos)
      << shown;
  EXPECT_NE(shown.find("2025-02-03 (recorded after the fact "), std::string::npos) << shown;
  json view = json::parse(Ok("ven", {"proposal", "show", "V1", "--json"}));
  EXPECT_EQ(view["occurred_at"], "2025-02-01T13:00:00Z");
  EXPECT_EQ(view["recorded_after_the_fact"], true);
  EXPECT_EQ(view["tabled"]["occurred_at"], "2025-02-02");
  ASSERT_EQ(view["responses"].size(), 2u);
  for (const json& response : view["responses"]) {
    EXPECT_EQ(response["by"], "med") << response.dump();
    EXPECT_EQ(response["recorded_after_the_fact"], true) << response.dump();
    EXPECT_NE(response["at"], response["occurred_at"]) << response.dump();
  }
  json listed = json::parse(Ok("ven", {"proposal", "list", "X1", "--json"}));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["occurred_at"], "2025-02-01T13:00:00Z");
  EXPECT_EQ(listed[0]["recorded_after_the_fact"], true);

  // Then live: a negotiator's counter, dated by the moment it is made.
  Ok("ven", {"proposal", "create", "X1", "--counts", "SLV>VEN=4,VEN>USA=4", "--parent", "V1"});
  json live = json::parse(Ok("ven", {"proposal", "show", "V2", "--json"}));
  EXPECT_EQ(live["recorded_after_the_fact"], false);
  EXPECT_EQ(live["occurred_at"], live["created_at"]);
}

TEST_F(ProposalCommandsTest, AMoveOfTheExchangeIsLoggedUnderItsState) {
  CreateExchange("logged-collapse", "X1");
  Ok("med", {"exchange", "collapse", "X1", "--reason", "talks broke down (synthetic)"});
  const json events = json::parse(Ok("med", {"log", "show", "--limit", "100000", "--json"}));
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back()["type"], "exchange.collapsed") << events.back().dump();
  EXPECT_EQ(events.back()["subjects"], json::array({"X1"})) << events.back().dump();
}

TEST_F(ProposalCommandsTest, ThreeSignaturesVerifyWithCanjeAndOpensslAndAWrongKeyIsRefused) {
  CreateExchange("july-2025", "X1");
  WriteTransfers("v1.csv", {roster_[13]}, {us_[2]});
  Ok("med", {"proposal", "create", "X1", "--transfers", "v1.csv"});
  Ok("med", {"proposal", "table", "V1"});
  AcceptAll("V1");
  ASSERT_EQ(State("V1"), "agreed");

  for (const std::string party : {"slv", "usa", "ven", "intruder"}) {
    ASSERT_TRUE(MakeEd25519KeyPair(canje_.dir(), party));
  }
  Ok("slv", {"party", "key", "add", "SLV", "--pem", "slv.pub.pem"});
  Ok("usa", {"party", "key", "add", "USA", "--pem", "usa.pub.pem"});
  Ok("ven", {"party", "key", "add", "VEN", "--pem", "ven.pub.pem"});

  Ok("ven", {"proposal", "manifest", "V1", "--out", "manifest.json"});
  const std::string manifest = canje_.ReadFile("manifest.json");
  EXPECT_EQ(canje_.Run({"proposal", "manifest", "V1"}).out, manifest);  // stdout: same bytes
  json parsed = json::parse(manifest);
  EXPECT_EQ(parsed["format"], "canje-agreement-manifest/1");
  EXPECT_EQ(parsed["version"], "V1");
  EXPECT_EQ(parsed["parties"], json({"SLV", "USA", "VEN"}));
  EXPECT_EQ(parsed["transfers"].size(), 2u);

  // A signature by the wrong key is refused and changes nothing.
  ASSERT_EQ(canje_
                .Run({"sign", "--key", "intruder.pem", "--manifest", "manifest.json", "--out",
                      "intruder.sig"})
                .exit_status,
            0);
  Refused("ven", {"agreement", "sign-add", "V1", "--party", "VEN", "--signature", "intruder.sig"},
          77, "the signature is not by any key of VEN");

  for (const std::string party : {"slv", "usa", "ven"}) {
    ASSERT_EQ(canje_
                  .Run({"sign", "--key", party + ".pem", "--manifest", "manifest.json", "--out",
                        party + ".sig"})
                  .exit_status,
              0);
    // OpenSSL alone checks it.
    RunResult checked =
        RunProgram({"openssl", "pkeyutl", "-verify", "-pubin", "-inkey", party + ".pub.pem",
                    "-rawin", "-in", "manifest.json", "-sigfile", party + ".sig"},
                   canje_.dir(), {});
    EXPECT_EQ(checked.exit_status, 0) << checked.out << checked.err;
  }
  Ok("slv", {"agreement", "sign-add", "V1", "--party", "SLV", "--signature", "slv.sig"});
  Ok("usa", {"agreement", "sign-add", "V1", "--party", "USA", "--signature", "usa.sig"});
  RunResult incomplete = canje_.Run({"agreement", "verify", "V1"});
  EXPECT_EQ(incomplete.exit_status, 65);
  EXPECT_NE(incomplete.err.find("not signed validly by every party: VEN"), std::string::npos)
      << incomplete.err;
  Refused("usa", {"agreement", "sign-add", "V1", "--party", "VEN", "--signature", "ven.sig"}, 77,
          "only for USA");
  Refused("med", {"exchange", "advance", "X1", "--to", "verifying"}, 65,
          "cannot start verifying: V1 lacks valid signatures of VEN");
  Refused("med", {"exchange", "advance", "X1", "--to", "executing"}, 65,
          "exchange X1 is agreed; it cannot become executing: from agreed it can only become "
          "verifying or collapsed");
  Ok("ven", {"agreement", "sign-add", "V1", "--party", "VEN", "--signature", "ven.sig"});
  RunResult verified = canje_.Run({"agreement", "verify", "V1", "--json"});
  ASSERT_EQ(verified.exit_status, 0) << verified.err;
  json check = json::parse(verified.out);
  EXPECT_TRUE(check["complete"].get<bool>());
  ASSERT_EQ(check["parties"].size(), 3u);
  for (const json& line : check["parties"]) EXPECT_EQ(line["status"], "valid");

  // `canje migrate` carries the keys, versions, responses and signatures: the copy verifies.
  const std::string copy = canje_.Path("copy.db").string();
  RunResult migrated = canje_.Run({"migrate", "--from", canje_.database(), "--to", copy});
  ASSERT_EQ(migrated.exit_status, 0) << migrated.err;
  RunResult copied = canje_.Run({"--db", copy, "--master-key", canje_.Path("canje.db.key").string(),
                                 "agreement", "verify", "V1", "--json"});
  EXPECT_EQ(copied.exit_status, 0) << copied.err;
  EXPECT_EQ(copied.out, verified.out);

  // The exchange moves on only by the mediator, and a collapse is final.
  Refused("ven", {"exchange", "advance", "X1", "--to", "verifying"}, 77,
          "a negotiator may not move an exchange through its workflow");
  Ok("med", {"exchange", "advance", "X1", "--to", "verifying"});
  Ok("med", {"exchange", "collapse", "X1", "--reason", "flights cancelled (synthetic)"});
  json state = json::parse(Ok("ven", {"exchange", "state", "X1", "--json"}));
  EXPECT_EQ(state["state"], "collapsed");
  EXPECT_EQ(state["agreed_version"], "V1");
  EXPECT_EQ(state["reason"], "flights cancelled (synthetic)");
  Refused("med", {"exchange", "advance", "X1", "--to", "executing"}, 65,
          "nothing is allowed from collapsed (a final state)");
}

TEST_F(ProposalCommandsTest, AnOverrideSetsARuleAsideButNeverAHold) {
  CreateExchange("ankara-like", "X1");
  // Only the party that holds a person can release them.
  canje_.WriteFile("wrong-holder.csv", "person,from,to\n" + roster_[20] + ",VEN,USA\n");
  Refused("med", {"proposal", "create", "X1", "--transfers", "wrong-holder.csv"}, 65,
          roster_[20] + " is not confirmed as held by VEN");
  // Three go home to Venezuela for one: SLV+USA's "equal number" is broken.
  WriteTransfers("v1.csv", {roster_[20], roster_[21], roster_[22]}, {us_[0]});
  json created =
      json::parse(Ok("med", {"proposal", "create", "X1", "--transfers", "v1.csv", "--json"}));
  ASSERT_EQ(created["broken_rules"].size(), 1u);
  EXPECT_NE(created["broken_rules"][0].get<std::string>().find("bloc SLV+USA"), std::string::npos);
  Ok("med", {"proposal", "table", "V1"});
  Refused("med", {"proposal", "override", "V1", "--justification", "short"}, 2,
          "written justification");
  Refused(
      "ven",
      {"proposal", "override", "V1", "--justification", "the three are seriously ill (synthetic)"},
      77, "a negotiator may not override a balance rule");
  AcceptAll("V1");
  EXPECT_EQ(State("V1"), "tabled");  // every party accepted, but a rule is broken
  Ok("med", {"proposal", "override", "V1", "--justification",
             "the three are seriously wounded; Geneva Convention III Art. 110 (synthetic)"});
  EXPECT_EQ(State("V1"), "agreed");
  json shown = json::parse(Ok("med", {"proposal", "show", "V1", "--json"}));
  EXPECT_EQ(shown["override"]["blocs"], "SLV+USA");

  // A second exchange: a court order arrives after the version was tabled.
  CreateExchange("after-the-order", "X2");
  WriteTransfers("v2.csv", {roster_[23], roster_[24]}, {us_[1]});
  Ok("med", {"proposal", "create", "X2", "--transfers", "v2.csv"});
  Ok("med", {"proposal", "table", "V2"});
  Ok("med", {"hold", "add", "--issuer", "Supreme Court (synthetic)", "--reference", "24A-0002",
             "--from", "2025-04-01", "--person", roster_[23]});
  Refused("med",
          {"proposal", "override", "V2", "--justification",
           "humanitarian grounds, seriously ill (synthetic)"},
          77, "no override exists for legal holds");
  Refused("slv", {"proposal", "accept", "V2", "--party", "SLV"}, 77, roster_[23] + " to VEN");
  Refused("med", {"proposal", "create", "X2", "--transfers", "v2.csv", "--parent", "V2"}, 77,
          "cannot be in any version");
  EXPECT_EQ(State("V2"), "tabled");

  // A refusal blocks as a hold does, and that the person refused stays confidential: the
  // negotiator reads "not available (confidential)", the mediator the reason.
  Ok("ver", {"interview", "record", roster_[25], "--destination", "VEN", "--identity", "confirmed",
             "--consent", "refuses", "--fit", "yes", "--note", "fears persecution (synthetic)",
             "--on", "2025-07-10"});
  WriteTransfers("v3.csv", {roster_[25]}, {us_[2]});
  Refused("ven", {"proposal", "create", "X2", "--transfers", "v3.csv", "--parent", "V2"}, 77,
          roster_[25] + " to VEN: not available (confidential)");
  RunResult for_mediator =
      As("med", {"proposal", "create", "X2", "--transfers", "v3.csv", "--parent", "V2"});
  EXPECT_EQ(for_mediator.exit_status, 77);
  EXPECT_EQ(for_mediator.err.find("not available (confidential)"), std::string::npos)
      << for_mediator.err;
  EXPECT_NE(AsciiLower(for_mediator.err).find("refus"), std::string::npos) << for_mediator.err;
  // Unfitness blocks the same way, and reads the same to the negotiator: one exit status, one
  // message but for the person.
  Ok("ver", {"interview", "record", roster_[26], "--destination", "VEN", "--identity", "confirmed",
             "--consent", "consents", "--fit", "no", "--on", "2025-07-10"});
  WriteTransfers("v4.csv", {roster_[26]}, {us_[2]});
  RunResult refused = As("ven", {"proposal", "create", "X2", "--transfers", "v3.csv",
                                 "--parent", "V2"});
  RunResult unfit = As("ven", {"proposal", "create", "X2", "--transfers", "v4.csv",
                               "--parent", "V2"});
  EXPECT_EQ(unfit.exit_status, refused.exit_status);
  std::string refused_text = refused.err;
  refused_text.replace(refused_text.find(roster_[25]), roster_[25].size(), "P?");
  std::string unfit_text = unfit.err;
  unfit_text.replace(unfit_text.find(roster_[26]), roster_[26].size(), "P?");
  EXPECT_EQ(unfit_text, refused_text);
}

// Processes racing: the three parties accept the same version at the same moment, three
// rounds. Whatever the interleaving, every accept is recorded once, exactly one of them makes the
// version agreed, and the log verifies: no lost update, no version left tabled with every
// party's acceptance. Then a rejection racing an acceptance: the version ends in one state that
// agrees with the responses recorded, and the loser is told why (65 or 75), writing nothing.
TEST_F(ProposalCommandsTest, PartiesRacingToAnswerNeverLoseAnUpdate) {
  const std::vector<std::pair<std::string, std::string>> parties = {
      {"slv", "SLV"}, {"usa", "USA"}, {"ven", "VEN"}};
  for (int round = 0; round < 3; ++round) {
    const std::string exchange = "X" + std::to_string(round + 1);
    const std::string version = "V" + std::to_string(round + 1);
    CreateExchange("race-" + std::to_string(round), exchange);
    WriteTransfers("race.csv", {roster_[40 + round]}, {us_[round]});
    Ok("med", {"proposal", "create", exchange, "--transfers", "race.csv"});
    Ok("med", {"proposal", "table", version});
    std::vector<RunResult> results(parties.size());
    std::vector<std::thread> racers;
    for (size_t i = 0; i < parties.size(); ++i) {
      racers.emplace_back([&, i] {
        results[i] = As(parties[i].first, {"proposal", "accept", version, "--party",
                                           parties[i].second, "--expect-state", "tabled"});
      });
    }
    for (std::thread& racer : racers) racer.join();
    for (size_t i = 0; i < parties.size(); ++i) {
      EXPECT_EQ(results[i].exit_status, 0) << parties[i].second << ": " << results[i].err;
    }
    json shown = json::parse(Ok("med", {"proposal", "show", version, "--json"}));
    EXPECT_EQ(shown["state"], "agreed") << "round " << round;
    EXPECT_EQ(shown["responses"].size(), 3u);
    json events = json::parse(Ok("med", {"log", "show", "--limit", "100000", "--json"}));
    int agreed_events = 0;
    for (const json& event : events) {
      const json& subjects = event["subjects"];
      agreed_events += event["type"] == "proposal.agreed" &&
                       std::find(subjects.begin(), subjects.end(), version) != subjects.end();
    }
    EXPECT_EQ(agreed_events, 1) << events.dump();
  }

  CreateExchange("race-reject", "X4");
  WriteTransfers("race.csv", {roster_[50]}, {us_[5]});
  Ok("med", {"proposal", "create", "X4", "--transfers", "race.csv"});
  Ok("med", {"proposal", "table", "V4"});
  Ok("usa", {"proposal", "accept", "V4", "--party", "USA"});
  Ok("ven", {"proposal", "accept", "V4", "--party", "VEN"});
  RunResult accepted, rejected;
  std::thread accepter([&] {
    accepted = As("slv", {"proposal", "accept", "V4", "--party", "SLV"});
  });
  std::thread rejecter([&] {
    rejected = As("ven", {"proposal", "reject", "V4", "--party", "VEN", "--reason", "too late"});
  });
  accepter.join();
  rejecter.join();
  json shown = json::parse(Ok("med", {"proposal", "show", "V4", "--json"}));
  if (accepted.exit_status == 0) {
    // SLV's acceptance made it agreed first; VEN's rejection came too late.
    EXPECT_EQ(shown["state"], "agreed");
    EXPECT_TRUE(rejected.exit_status == 65 || rejected.exit_status == 75) << rejected.err;
  } else {
    EXPECT_EQ(shown["state"], "rejected");
    EXPECT_EQ(rejected.exit_status, 0) << rejected.err;
    EXPECT_TRUE(accepted.exit_status == 65 || accepted.exit_status == 75) << accepted.err;
  }
  EXPECT_EQ(Ok("med", {"log", "verify"}).find("ok"), 0u);
}

}  // namespace
}  // namespace canje::cli::testing
