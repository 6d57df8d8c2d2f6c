// Exchanges from the command line on the cecot-2025 demo store: sides SLV+USA and VEN, claims,
// holds and interviews; the candidates and the deal leave out exactly the held, refused and
// unconfirmed persons with the right reasons, as each role may read them; forbidden steps fail
// clearly and change nothing. Backend-neutral: runs on SQLite and, in cli_test_postgres, on
// PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"
#include "core/text.h"

namespace canje::cli::testing {
namespace {

using nlohmann::json;

std::set<std::string> Persons(const json& entries) {
  std::set<std::string> persons;
  for (const json& entry : entries) persons.insert(entry["person"].get<std::string>());
  return persons;
}

// The kinds of the reasons given for `person` in a not_chosen or excluded array.
std::set<std::string> KindsFor(const json& entries, const std::string& person) {
  std::set<std::string> kinds;
  for (const json& entry : entries) {
    if (entry["person"] != person) continue;
    for (const json& reason : entry["reasons"]) kinds.insert(reason["kind"].get<std::string>());
  }
  return kinds;
}

class ExchangeCommandsTest : public MultiUserTest {
 protected:
  void SetUp() override {
    LoadDemoWithUsers({{"med", "PUENTE", "mediator"},
                       {"ver", "PUENTE", "verifier"},
                       {"ven", "VEN", "negotiator"},
                       {"usa", "USA", "negotiator"},
                       {"col", "COL", "negotiator"}});
    if (HasFatalFailure()) return;
    // The roster of El Salvador's CECOT (L1) and Venezuela's roster (L2): US nationals held by
    // Venezuela and some of its political prisoners.
    slv_roster_ = PersonIds({"--list", "L1"});
    ASSERT_EQ(slv_roster_.size(), 252u);
    us_nationals_ = PersonIds({"--list", "L2", "--nationality", "USA"});
    ASSERT_FALSE(us_nationals_.empty());
    json prisoners = json::parse(
        canje_.Run({"persons", "--list", "L2", "--category", "journalist", "--json"}).out);
    for (const json& person : prisoners) {
      std::string id = person["id"].get<std::string>();
      bool american =
          std::find(us_nationals_.begin(), us_nationals_.end(), id) != us_nationals_.end();
      if (!american && journalists_.size() < 4) journalists_.push_back(id);
    }
    ASSERT_EQ(journalists_.size(), 4u);
    // A person the store does not confirm as held (no custody row of a holder's own roster):
    // found here from the lists and custody rows as `canje lists` and `canje persons` show them.
    std::map<std::string, std::string> roster_party;
    for (const json& list : json::parse(canje_.Run({"lists", "--json"}).out)) {
      if (list["kind"] == "custody_roster") roster_party[list["id"]] = list["party"];
    }
    for (const json& person : json::parse(canje_.Run({"persons", "--json"}).out)) {
      bool confirmed = false;
      for (const json& custody : person["custody"]) {
        auto roster = roster_party.find(custody.value("list", ""));
        confirmed |= custody["status"] == "held" && roster != roster_party.end() &&
                     roster->second == custody["holder"];
      }
      if (!confirmed) {
        unconfirmed_ = person["id"].get<std::string>();
        break;
      }
    }
    ASSERT_FALSE(unconfirmed_.empty());
  }

  // The cecot-2025 exchange X1: SLV and USA on one side, VEN on the other, each side giving only
  // for an equal number. VEN claims the whole CECOT roster (by list) and a person no roster
  // confirms as held; the United States claims its nationals and, at home in Venezuela, four
  // journalists.
  void BuildCecotExchange() {
    CreateCecotExchange("cecot-2025");
    Ok("med", {"exchange", "rule", "X1", "SLV+USA", "count", "--ratio", "1"});
    Ok("med", {"exchange", "rule", "X1", "VEN", "count", "--ratio", "1"});
    Ok("med", {"exchange", "claim", "X1", "--list", "L1", "--by", "VEN", "--priority", "2"});
    Ok("ven", {"exchange", "claim", "X1", slv_roster_[7], "--by", "VEN", "--priority", "1"});
    Ok("ven", {"exchange", "claim", "X1", unconfirmed_, "--by", "VEN"});
    for (const std::string& person : us_nationals_) {
      Ok("usa", {"exchange", "claim", "X1", person, "--by", "USA", "--value", "3"});
    }
    for (const std::string& person : journalists_) {
      Ok("usa", {"exchange", "claim", "X1", person, "--by", "USA", "--destination", "VEN"});
    }
    // A court order covering the first five of the roster, and one that expired in June.
    std::vector<std::string> hold = {
        "hold",        "add",      "--issuer", "Supreme Court (synthetic)",
        "--reference", "24A-0001", "--from",   "2025-04-01"};
    for (int i = 0; i < 5; ++i) {
      hold.push_back("--person");
      hold.push_back(slv_roster_[i]);
    }
    Ok("med", hold);
    Ok("med", {"hold", "add", "--issuer", "District Court (synthetic)", "--reference", "EXP-9",
               "--from", "2025-04-01", "--until", "2025-06-30", "--person", slv_roster_[5]});
    // Interviews: two refuse to go to Venezuela, one is unfit to travel, one consents.
    for (int i : {6, 9}) {
      Ok("ver", {"interview", "record", slv_roster_[i], "--destination", "VEN", "--identity",
                 "confirmed", "--consent", "refuses", "--fit", "yes", "--note",
                 "fears persecution (synthetic)", "--on", "2025-07-10"});
    }
    Ok("ver", {"interview", "record", slv_roster_[7], "--destination", "VEN", "--identity",
               "confirmed", "--consent", "consents", "--fit", "no", "--on", "2025-07-10"});
    Ok("ver", {"interview", "record", slv_roster_[8], "--destination", "VEN", "--identity",
               "confirmed", "--consent", "consents", "--fit", "yes", "--on", "2025-07-10"});
  }

  std::vector<std::string> slv_roster_;
  std::vector<std::string> us_nationals_;
  std::vector<std::string> journalists_;
  std::string unconfirmed_;
};

TEST_F(ExchangeCommandsTest, TheCecotDealLeavesOutExactlyTheHeldRefusedAndUnconfirmed) {
  BuildCecotExchange();
  RunResult shown = As("med", {"exchange", "show", "X1", "--json"});
  ASSERT_EQ(shown.exit_status, 0) << shown.err;
  json exchange = json::parse(shown.out);
  EXPECT_EQ(exchange["claims"].size(),
            252u + 1 + us_nationals_.size() + journalists_.size());  // re-claim updated

  RunResult solved = As("med", {"exchange", "solve", "X1", "--date", "2025-07-18", "--json"});
  ASSERT_EQ(solved.exit_status, 0) << solved.err;
  json deal = json::parse(solved.out);
  ASSERT_EQ(deal["status"], "optimal");

  // Excluded before the solver: exactly the held (not the expired hold), the refused, the unfit
  // (every personal assessment that does not clear a person blocks selection alike) and the
  // unconfirmed, each with its reason.
  RunResult listed = As("med", {"exchange", "candidates", "X1", "--date", "2025-07-18", "--json"});
  ASSERT_EQ(listed.exit_status, 0) << listed.err;
  json candidates = json::parse(listed.out);
  std::set<std::string> expected_out = {slv_roster_[0], slv_roster_[1], slv_roster_[2],
                                        slv_roster_[3], slv_roster_[4], slv_roster_[6],
                                        slv_roster_[7], slv_roster_[9], unconfirmed_};
  EXPECT_EQ(Persons(candidates["excluded"]), expected_out);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(KindsFor(candidates["excluded"], slv_roster_[i]),
              std::set<std::string>{"legal_hold"});
  }
  EXPECT_EQ(KindsFor(candidates["excluded"], slv_roster_[6]),
            std::set<std::string>{"consent_refused"});
  EXPECT_EQ(KindsFor(candidates["excluded"], slv_roster_[7]),
            std::set<std::string>{"unfit_to_travel"});
  EXPECT_EQ(KindsFor(candidates["excluded"], unconfirmed_),
            std::set<std::string>{"not_confirmed_held"});
  EXPECT_EQ(candidates["candidates"].size(), 252u - 8 + us_nationals_.size() + journalists_.size());

  // The deal: none of them; the persons not interviewed yet are in, with a note for the
  // handover.
  std::set<std::string> in_deal = Persons(deal["deal"]);
  for (const std::string& person : expected_out) EXPECT_FALSE(in_deal.count(person)) << person;
  EXPECT_TRUE(Persons(candidates["candidates"]).count(slv_roster_[5]))
      << "the hold that expired in June no longer blocks";
  bool noted = false;
  for (const json& entry : deal["deal"]) {
    if (entry["from"] != "SLV") continue;
    std::set<std::string> notes;
    for (const json& note : entry["handover_notes"]) notes.insert(note["kind"].get<std::string>());
    EXPECT_TRUE(notes.count("consent_not_given")) << entry.dump();
    noted = true;
  }
  EXPECT_TRUE(noted);
  // Equal numbers: Venezuela releases everyone it can (its nationals of the US and the
  // journalists), and receives as many.
  const size_t from_ven = us_nationals_.size() + journalists_.size();
  EXPECT_EQ(in_deal.size(), 2 * from_ven);
  for (const json& bloc : deal["blocs"]) {
    EXPECT_TRUE(bloc["holds"].get<bool>()) << bloc.dump();
    EXPECT_EQ(bloc["given"], from_ven) << bloc.dump();
  }
  // Everyone claimed and not chosen is listed, with the eligibility reasons merged in.
  std::set<std::string> not_chosen = Persons(deal["not_chosen"]);
  EXPECT_EQ(not_chosen.size(), 252u + 1 - from_ven);
  for (const std::string& person : expected_out) EXPECT_TRUE(not_chosen.count(person)) << person;
  EXPECT_EQ(KindsFor(deal["not_chosen"], slv_roster_[9]), std::set<std::string>{"consent_refused"});
  EXPECT_EQ(KindsFor(deal["not_chosen"], slv_roster_[7]), std::set<std::string>{"unfit_to_travel"});
  for (const json& entry : deal["not_chosen"]) {
    if (expected_out.count(entry["person"].get<std::string>())) continue;
    EXPECT_EQ(KindsFor(deal["not_chosen"], entry["person"]), std::set<std::string>{"not_chosen"});
  }

  // Then Venezuela's value rule of July: its prisoners cost what Venezuela says; the bloc
  // reports the new rule and the deal obeys it, checked here from the deal's own entries.
  Ok("ven", {"exchange", "cost", "X1", us_nationals_[0], "--by", "VEN", "--cost", "4"});
  Ok("med", {"exchange", "rule", "X1", "VEN", "value", "--ratio", "1"});
  json july =
      json::parse(As("med", {"exchange", "solve", "X1", "--date", "2025-07-18", "--json"}).out);
  ASSERT_EQ(july["status"], "optimal");
  double ven_value_received = 0, ven_cost_given = 0;
  int slv_usa_received = 0, slv_usa_given = 0;
  for (const json& entry : july["deal"]) {
    if (entry["from"] == "VEN") {
      ven_cost_given += entry["cost"].get<double>();
      ++slv_usa_received;
    } else {
      ven_value_received += entry["value"].get<double>();
      ++slv_usa_given;
    }
  }
  EXPECT_GE(ven_value_received + 1e-9, ven_cost_given);
  EXPECT_GE(slv_usa_received, slv_usa_given);
  for (const json& bloc : july["blocs"]) {
    if (bloc["name"] == "VEN") {
      EXPECT_EQ(bloc["rule"]["kind"], "value");
    }
  }
}

TEST_F(ExchangeCommandsTest, NegotiatorsSeeNoRefusalAndOnlyTheNamesTheyMayKnow) {
  BuildCecotExchange();
  for (std::string user : {"ven", "usa"}) {
    for (auto command :
         {std::vector<std::string>{"exchange", "candidates", "X1", "--date", "2025-07-18"},
          std::vector<std::string>{"exchange", "solve", "X1", "--date", "2025-07-18"}}) {
      for (bool as_json : {false, true}) {
        std::vector<std::string> args = command;
        if (as_json) args.push_back("--json");
        RunResult result = As(user, args);
        ASSERT_EQ(result.exit_status, 0) << result.err;
        EXPECT_EQ(AsciiLower(result.out).find("refus"), std::string::npos)
            << user << " " << args[1];
        EXPECT_NE(result.out.find("not available (confidential)"), std::string::npos);
      }
    }
    // The same through "what would it take", for a person who refused and one unfit: the same
    // answer.
    RunResult require =
        As(user, {"exchange", "solve", "X1", "--date", "2025-07-18", "--require", slv_roster_[6]});
    EXPECT_EQ(require.exit_status, 65);
    EXPECT_EQ(AsciiLower(require.err + require.out).find("refus"), std::string::npos);
    EXPECT_NE(require.err.find("not available (confidential)"), std::string::npos);
    RunResult unfit =
        As(user, {"exchange", "solve", "X1", "--date", "2025-07-18", "--require", slv_roster_[7]});
    EXPECT_EQ(unfit.exit_status, require.exit_status);
    EXPECT_EQ(unfit.err.substr(unfit.err.find(" cannot")),
              require.err.substr(require.err.find(" cannot")));  // the person ids differ
  }
  // The verifier and the mediator read the reason.
  for (std::string user : {"ver", "med"}) {
    json candidates = json::parse(
        As(user, {"exchange", "candidates", "X1", "--date", "2025-07-18", "--json"}).out);
    EXPECT_EQ(KindsFor(candidates["excluded"], slv_roster_[6]),
              std::set<std::string>{"consent_refused"});
  }
  // Need to know: a negotiator sees the names of the persons `canje persons` shows it (held by
  // its party or on its lists), and no other; the mediator sees every name.
  for (std::string user : {"ven", "usa"}) {
    std::set<std::string> visible;
    for (const json& person : json::parse(As(user, {"persons", "--json"}).out)) {
      visible.insert(person["id"].get<std::string>());
    }
    json seen =
        json::parse(As(user, {"exchange", "solve", "X1", "--date", "2025-07-18", "--json"}).out);
    int hidden = 0;
    for (const json& entry : seen["deal"]) {
      bool may_see = visible.count(entry["person"].get<std::string>()) > 0;
      EXPECT_EQ(entry.contains("name"), may_see) << user << " " << entry.dump();
      hidden += may_see ? 0 : 1;
    }
    if (user == "usa") {
      EXPECT_GT(hidden, 0) << "Venezuela's prisoners are not on US lists";
    }
  }
  json med_deal =
      json::parse(As("med", {"exchange", "solve", "X1", "--date", "2025-07-18", "--json"}).out);
  for (const json& entry : med_deal["deal"]) EXPECT_TRUE(entry.contains("name"));
}

TEST_F(ExchangeCommandsTest, ForbiddenStepsFailClearlyAndChangeNothing) {
  BuildCecotExchange();
  const int64_t before = LogSize();
  RunResult created = As("ven", {"exchange", "create", "mine", "--mediator", "VEN"});
  EXPECT_EQ(created.exit_status, 77);
  EXPECT_NE(created.err.find("may not create or manage an exchange"), std::string::npos)
      << created.err;
  RunResult for_other = As("ven", {"exchange", "claim", "X1", us_nationals_[0], "--by", "USA"});
  EXPECT_EQ(for_other.exit_status, 77);
  EXPECT_NE(for_other.err.find("only for VEN"), std::string::npos) << for_other.err;
  RunResult bulk_for_other = As("usa", {"exchange", "claim", "X1", "--list", "L3", "--by", "VEN"});
  EXPECT_EQ(bulk_for_other.exit_status, 77) << bulk_for_other.err;
  RunResult cost_for_other =
      As("ven", {"exchange", "cost", "X1", slv_roster_[10], "--by", "SLV", "--cost", "9"});
  EXPECT_EQ(cost_for_other.exit_status, 77);
  RunResult rule = As("ven", {"exchange", "rule", "X1", "VEN", "none"});
  EXPECT_EQ(rule.exit_status, 77);
  RunResult outsider = As("col", {"exchange", "show", "X1"});
  EXPECT_EQ(outsider.exit_status, 66) << outsider.err;
  RunResult not_a_party = As("col", {"exchange", "claim", "X1", slv_roster_[10], "--by", "COL"});
  EXPECT_EQ(not_a_party.exit_status, 66) << not_a_party.err;
  RunResult bad_ratio = As("med", {"exchange", "rule", "X1", "VEN", "count", "--ratio", "-1"});
  EXPECT_EQ(bad_ratio.exit_status, 2);
  RunResult no_side = As("med", {"exchange", "rule", "X1", "WEST", "count"});
  EXPECT_EQ(no_side.exit_status, 66);
  EXPECT_NE(no_side.err.find("its sides are SLV+USA, VEN"), std::string::npos) << no_side.err;
  EXPECT_EQ(LogSize(), before);
  json list = json::parse(As("ven", {"exchange", "list", "--json"}).out);
  EXPECT_EQ(list.size(), 1u);
}

// A list claimed again at a weaker priority keeps the stronger one of the claims made before,
// and says so; --replace lowers them.
TEST_F(ExchangeCommandsTest, ALaterWeakerClaimKeepsTheStrongerPriorityUnlessReplaced) {
  BuildCecotExchange();
  auto priority_of = [&](const std::string& person) {
    json shown = json::parse(As("med", {"exchange", "show", "X1", "--json"}).out);
    for (const json& claim : shown["claims"]) {
      if (claim["person"] == person && claim["claimant"] == "VEN") return claim["priority"];
    }
    return json();
  };
  const int64_t before = LogSize();
  RunResult weaker = As("med", {"exchange", "claim", "X1", "--list", "L1", "--by", "VEN",
                                "--priority", "3"});
  ASSERT_EQ(weaker.exit_status, 0) << weaker.err;
  EXPECT_NE(weaker.out.find("0 new, 252 kept at a stronger priority, 0 replaced"),
            std::string::npos)
      << weaker.out;
  EXPECT_NE(weaker.out.find("to lower it, claim again with --replace"), std::string::npos)
      << weaker.out;
  EXPECT_EQ(LogSize(), before);
  EXPECT_EQ(priority_of(slv_roster_[7]), 1);
  EXPECT_EQ(priority_of(slv_roster_[20]), 2);

  json replaced = json::parse(Ok("med", {"exchange", "claim", "X1", "--list", "L1", "--by", "VEN",
                                         "--priority", "3", "--replace", "--json"}));
  EXPECT_EQ(replaced["added"], 0);
  EXPECT_EQ(replaced["kept"], 0);
  EXPECT_EQ(replaced["replaced"], 252);
  EXPECT_EQ(LogSize(), before + 252);
  EXPECT_EQ(priority_of(slv_roster_[7]), 3);
}

// After `canje link` (the demo runs it), Venezuela's claim list names the persons of El
// Salvador's roster: a claim by list lands on them and gives candidates released from SLV.
TEST_F(ExchangeCommandsTest, AClaimListClaimsTheRosterPersonsItWasLinkedTo) {
  Ok("med", {"exchange", "create", "by-list", "--mediator", "PUENTE"});
  Ok("med", {"exchange", "party", "add", "X1", "SLV", "--bloc", "SLV"});
  Ok("med", {"exchange", "party", "add", "X1", "VEN", "--bloc", "VEN"});
  const int64_t before = LogSize();
  RunResult claimed =
      As("ven", {"exchange", "claim", "X1", "--list", "L6", "--by", "VEN", "--json"});
  ASSERT_EQ(claimed.exit_status, 0) << claimed.err;
  json outcome = json::parse(claimed.out);
  const int64_t added = outcome["added"].get<int64_t>();
  EXPECT_EQ(LogSize(), before + added);  // one event per claim
  json candidates = json::parse(As("med", {"exchange", "candidates", "X1", "--json"}).out);
  std::set<std::string> roster(slv_roster_.begin(), slv_roster_.end());
  for (const json& candidate : candidates["candidates"]) {
    EXPECT_EQ(candidate["from"], "SLV");
    EXPECT_TRUE(roster.count(candidate["person"].get<std::string>())) << candidate.dump();
  }
  EXPECT_GT(candidates["candidates"].size(), 200u);
  EXPECT_EQ(candidates["candidates"].size() + candidates["excluded"].size(),
            static_cast<size_t>(added));
  for (const json& exclusion : candidates["excluded"]) {
    EXPECT_EQ(KindsFor(candidates["excluded"], exclusion["person"]),
              std::set<std::string>{"not_confirmed_held"});
  }
}

}  // namespace
}  // namespace canje::cli::testing
