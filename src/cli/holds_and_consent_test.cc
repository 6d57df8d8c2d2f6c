// Legal holds, legal acts, consent interviews and eligibility from the command line: holds by
// rule cover the right people and stop when lifted or expired; forbidden steps (a hold without
// a scope, an override of a refusal, a verifier's action by a negotiator) fail clearly and
// change nothing; a refusal is confidential to negotiators in every output.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/cli_test_support.h"

namespace canje::cli::testing {
namespace {

using nlohmann::json;

constexpr char kRoster[] =
    "id,given_names,family_names,nationality,categories,holder,legal_basis,status\n"
    "S1,Ana,Rojas,VEN,deportee,SLV,Acuerdo de custodia (personas expulsadas),held\n"
    "S2,Beto,Lara,VEN,deportee,SLV,Acuerdo de custodia (personas expulsadas),held\n"
    "S3,Ciro,Mena,COL,deportee,SLV,Acuerdo de custodia (personas expulsadas),held\n"
    "S4,Dora,Paz,VEN,other,SLV,Orden judicial,held\n";

class HoldsAndConsentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    canje_.Init();
    for (auto [code, name] :
         {std::pair{"VEN", "Venezuela"}, {"SLV", "El Salvador"}, {"USA", "United States"}}) {
      ASSERT_EQ(canje_.Run({"party", "add", code, "--name", name}).exit_status, 0);
    }
    ASSERT_EQ(
        canje_.Run({"party", "add", "ICRC", "--name", "Intermediary", "--kind", "intermediary"})
            .exit_status,
        0);
    for (auto [user, party, role] : {std::tuple{"med", "ICRC", "mediator"},
                                     {"ver", "ICRC", "verifier"},
                                     {"neg", "SLV", "negotiator"},
                                     {"obs", "SLV", "observer"}}) {
      ASSERT_EQ(canje_.Run({"user", "add", user, "--party", party, "--role", role}).exit_status, 0);
    }
    canje_.WriteFile("roster.csv", kRoster);
    RunResult imported = canje_.Run({"import", "roster.csv", "--kind", "custody_roster", "--source",
                                     "SLV roster", "--party", "SLV"});
    ASSERT_EQ(imported.exit_status, 0) << imported.err;
    json persons = json::parse(canje_.Run({"persons", "--json"}).out);
    for (const json& person : persons) {
      id_[person["given_names"][0].get<std::string>()] = person["id"].get<std::string>();
    }
    ASSERT_EQ(id_.size(), 4u);
  }

  int64_t LogSize() const {
    return json::parse(canje_.Run({"summary", "--json"}).out)["events"].get<int64_t>();
  }
  RunResult As(const std::string& user, std::vector<std::string> args) const {
    args.insert(args.begin(), {"--as", user});
    return canje_.Run(args);
  }
  // Eligibility of the named persons for a transfer to `destination` on `day`, as `user` sees it.
  std::map<std::string, json> Eligibility(const std::string& user, const std::string& destination,
                                          const std::string& day) const {
    RunResult run = As(user, {"eligibility", "--destination", destination, "--on", day, "--json"});
    EXPECT_EQ(run.exit_status, 0) << run.err;
    std::map<std::string, json> out;
    for (const json& entry : json::parse(run.out)) out[entry["person"]] = entry;
    return out;
  }
  static bool HasReason(const json& entry, const std::string& kind) {
    for (const json& reason : entry["reasons"]) {
      if (reason["kind"] == kind) return true;
    }
    return false;
  }
  RunResult Interview(const std::string& user, const std::string& person,
                      const std::string& destination, const std::string& consent,
                      const std::string& day, const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> args = {
        "interview", "record", person,  "--destination", destination, "--identity", "confirmed",
        "--consent", consent,  "--fit", "yes",           "--on",      day};
    args.insert(args.end(), extra.begin(), extra.end());
    return As(user, args);
  }

  CanjeRunner canje_;
  std::map<std::string, std::string> id_;  // given name -> person id
};

TEST_F(HoldsAndConsentTest, AHoldByRuleCoversTheRightPeopleUntilLiftedOrExpired) {
  RunResult added = As("med", {"hold", "add", "--issuer", "Supreme Court", "--reference", "24A931",
                               "--holder", "SLV", "--nationality", "VEN", "--category", "deportado",
                               "--legal-basis", "expulsadas", "--from", "2025-04-19", "--json"});
  ASSERT_EQ(added.exit_status, 0) << added.err;
  json hold = json::parse(added.out);
  EXPECT_EQ(hold["id"], "H1");
  EXPECT_EQ(hold["scope"]["rule"]["category"], "deportee");            // stored canonical
  EXPECT_EQ(hold["covered"], json::array({id_["Ana"], id_["Beto"]}));  // not COL, not "other"

  // A listed hold that expires on 2025-06-30.
  ASSERT_EQ(As("med", {"hold", "add", "--issuer", "Ministry", "--reference", "D-7", "--person",
                       id_["Ciro"], "--from", "2025-05-01", "--until", "2025-06-30"})
                .exit_status,
            0);

  auto before = Eligibility("med", "VEN", "2025-05-15");
  EXPECT_FALSE(before[id_["Ana"]]["selectable"]);
  EXPECT_TRUE(HasReason(before[id_["Ana"]], "legal_hold"));
  EXPECT_NE(before[id_["Ana"]].dump().find("24A931"), std::string::npos);
  EXPECT_FALSE(before[id_["Ciro"]]["selectable"]);  // the listed hold
  EXPECT_TRUE(before[id_["Dora"]]["selectable"]);
  EXPECT_FALSE(HasReason(before[id_["Dora"]], "legal_hold"));
  // Before a hold's first day it does not block.
  EXPECT_TRUE(Eligibility("med", "VEN", "2025-04-18")[id_["Ana"]]["selectable"]);

  // Expired: the listed hold no longer blocks from 2025-07-01.
  auto expired = Eligibility("med", "VEN", "2025-07-01");
  EXPECT_TRUE(expired[id_["Ciro"]]["selectable"]);
  EXPECT_FALSE(expired[id_["Ana"]]["selectable"]);
  json listed = json::parse(As("obs", {"hold", "list", "--on", "2025-07-01", "--json"}).out);
  EXPECT_EQ(listed[1]["state"], "expired");

  // Lifted from 2025-07-10: blocks on the 9th, not on the 10th. The reason is required.
  EXPECT_EQ(As("med", {"hold", "lift", "H1", "--on", "2025-07-10"}).exit_status, 2);
  RunResult lifted =
      As("med", {"hold", "lift", "H1", "--on", "2025-07-10", "--reason", "order vacated"});
  ASSERT_EQ(lifted.exit_status, 0) << lifted.err;
  EXPECT_FALSE(Eligibility("med", "VEN", "2025-07-09")[id_["Ana"]]["selectable"]);
  EXPECT_TRUE(Eligibility("med", "VEN", "2025-07-10")[id_["Ana"]]["selectable"]);
  json shown = json::parse(As("med", {"hold", "show", "H1", "--on", "2025-07-10", "--json"}).out);
  EXPECT_EQ(shown["state"], "lifted");
  EXPECT_EQ(shown["lift_reason"], "order vacated");
  EXPECT_EQ(As("med", {"hold", "lift", "H1", "--reason", "again"}).exit_status, 75);
  EXPECT_EQ(As("med", {"hold", "show", "H9"}).exit_status, 66);
}

TEST_F(HoldsAndConsentTest, AHoldWithoutScopeOrFromTheWrongRoleFailsAndChangesNothing) {
  int64_t size = LogSize();
  RunResult no_scope =
      As("med", {"hold", "add", "--issuer", "Court", "--reference", "X-1", "--from", "2025-01-01"});
  EXPECT_EQ(no_scope.exit_status, 2);
  EXPECT_NE(no_scope.err.find("without a scope"), std::string::npos) << no_scope.err;
  EXPECT_NE(no_scope.err.find("--person"), std::string::npos) << no_scope.err;
  RunResult both = As("med", {"hold", "add", "--issuer", "Court", "--reference", "X-1", "--from",
                              "2025-01-01", "--person", id_["Ana"], "--holder", "SLV"});
  EXPECT_EQ(both.exit_status, 2);
  EXPECT_NE(both.err.find("not both"), std::string::npos) << both.err;
  EXPECT_EQ(As("med", {"hold", "add", "--issuer", "Court", "--reference", "X-1", "--from",
                       "2025-02-30", "--holder", "SLV"})
                .exit_status,
            2);
  EXPECT_EQ(As("med", {"hold", "add", "--issuer", "Court", "--reference", "X-1", "--from",
                       "2025-03-01", "--until", "2025-02-01", "--holder", "SLV"})
                .exit_status,
            2);
  EXPECT_EQ(As("med", {"hold", "add", "--issuer", "Court", "--reference", "X-1", "--from",
                       "2025-03-01", "--person", "P999"})
                .exit_status,
            66);
  RunResult negotiator = As("neg", {"hold", "add", "--issuer", "Court", "--reference", "X-1",
                                    "--from", "2025-01-01", "--holder", "SLV"});
  EXPECT_EQ(negotiator.exit_status, 77);
  EXPECT_NE(negotiator.err.find("mediator"), std::string::npos) << negotiator.err;
  EXPECT_EQ(LogSize(), size);
  EXPECT_EQ(json::parse(As("med", {"hold", "list", "--json"}).out).size(), 0u);
}

TEST_F(HoldsAndConsentTest, NoRoleCanOverrideARefusalOnlyANewInterviewWithThePersonsWords) {
  const std::string ana = id_["Ana"];
  RunResult refused = Interview("ver", ana, "VEN", "refuses", "2025-07-01",
                                {"--note", "fears persecution on return"});
  ASSERT_EQ(refused.exit_status, 0) << refused.err;
  int64_t size = LogSize();
  // Nobody but a verifier records interviews: not the mediator, the admin or a negotiator.
  for (const std::string user : {"med", "admin", "neg", "obs"}) {
    RunResult attempt = Interview(user, ana, "VEN", "consents", "2025-07-02", {"--note", "x"});
    EXPECT_EQ(attempt.exit_status, 77) << user << ": " << attempt.err;
  }
  // There is no override flag.
  EXPECT_EQ(Interview("ver", ana, "VEN", "consents", "2025-07-02", {"--override"}).exit_status, 2);
  // A verifier's new interview must carry the person's words; one dated before the refusal
  // cannot change it.
  RunResult no_note = Interview("ver", ana, "VEN", "consents", "2025-07-02");
  EXPECT_EQ(no_note.exit_status, 2);
  EXPECT_NE(no_note.err.find("--note"), std::string::npos) << no_note.err;
  RunResult backdated =
      Interview("ver", ana, "VEN", "consents", "2025-06-30", {"--note", "changed mind"});
  EXPECT_EQ(backdated.exit_status, 65);
  EXPECT_NE(backdated.err.find("2025-07-01"), std::string::npos) << backdated.err;
  EXPECT_EQ(LogSize(), size);
  auto eligibility = Eligibility("med", "VEN", "2025-07-05");
  EXPECT_FALSE(eligibility[ana]["selectable"]);
  EXPECT_TRUE(HasReason(eligibility[ana], "consent_refused"));

  // Another destination is another question.
  ASSERT_EQ(Interview("ver", ana, "USA", "consents", "2025-07-02").exit_status, 0);
  auto usa = Eligibility("med", "USA", "2025-07-05");
  EXPECT_TRUE(usa[ana]["selectable"]);
  EXPECT_TRUE(usa[ana]["ready_for_handover"]);
  EXPECT_FALSE(Eligibility("med", "VEN", "2025-07-05")[ana]["selectable"]);

  // The person changes their mind in a new interview: their decision, logged.
  RunResult changed = Interview("ver", ana, "VEN", "consents", "2025-07-03",
                                {"--note", "now wishes to return to family", "--json"});
  ASSERT_EQ(changed.exit_status, 0) << changed.err;
  EXPECT_TRUE(json::parse(changed.out)["changes_refusal"]);
  EXPECT_TRUE(Eligibility("med", "VEN", "2025-07-05")[ana]["selectable"]);
  json interviews = json::parse(
      As("ver", {"interview", "list", "--person", ana, "--destination", "VEN", "--json"}).out);
  ASSERT_EQ(interviews.size(), 2u);  // the refusal stays on record
  EXPECT_EQ(interviews[0]["consent"], "refuses");
  EXPECT_FALSE(interviews[0]["current"]);
  EXPECT_TRUE(interviews[1]["current"]);
}

TEST_F(HoldsAndConsentTest, ANegotiatorCannotTakeAVerifiersActionsAndNothingChanges) {
  int64_t size = LogSize();
  RunResult record = Interview("neg", id_["Ana"], "VEN", "consents", "2025-07-01");
  EXPECT_EQ(record.exit_status, 77);
  EXPECT_NE(record.err.find("verifier"), std::string::npos) << record.err;
  EXPECT_EQ(As("neg", {"interview", "list"}).exit_status, 77);
  EXPECT_EQ(As("obs", {"interview", "list", "--json"}).exit_status, 77);
  EXPECT_EQ(As("neg", {"act", "add", id_["Ana"], "--type", "pardon", "--date", "2025-07-01",
                       "--authority", "Presidency", "--status-after", "free"})
                .exit_status,
            77);
  EXPECT_EQ(LogSize(), size);
}

TEST_F(HoldsAndConsentTest, ARefusalIsConfidentialToNegotiatorsInEveryOutput) {
  const std::string ana = id_["Ana"];
  const std::string beto = id_["Beto"];
  ASSERT_EQ(Interview("ver", ana, "VEN", "refuses", "2025-07-01",
                      {"--note", "fears persecution on return"})
                .exit_status,
            0);
  ASSERT_EQ(As("ver", {"interview", "record", beto, "--destination", "VEN", "--identity",
                       "unconfirmed", "--consent", "consents", "--fit", "no", "--on", "2025-07-01"})
                .exit_status,
            0);
  for (const std::string user : {"neg", "obs"}) {
    auto seen = Eligibility(user, "VEN", "2025-07-05");
    ASSERT_TRUE(seen.contains(ana)) << user;
    EXPECT_FALSE(seen[ana]["selectable"]);
    ASSERT_EQ(seen[ana]["reasons"].size(), 1u) << seen[ana].dump();
    EXPECT_EQ(seen[ana]["reasons"][0]["kind"], "confidential");
    EXPECT_EQ(seen[ana]["reasons"][0]["reason"], "not available (confidential)");
    // Identity and fitness are personal too, and read exactly as a refusal does.
    EXPECT_FALSE(seen[beto]["selectable"]);
    EXPECT_EQ(seen[beto]["reasons"], seen[ana]["reasons"]);
    RunResult table = As(user, {"eligibility", ana, "--destination", "VEN", "--on", "2025-07-05"});
    EXPECT_EQ(table.exit_status, 0) << table.err;
    EXPECT_NE(table.out.find("not available (confidential)"), std::string::npos) << table.out;
    for (const RunResult& output :
         {table, As(user, {"eligibility", "--destination", "VEN", "--json"})}) {
      EXPECT_EQ(output.out.find("refus"), std::string::npos) << output.out;
      EXPECT_EQ(output.out.find("persecution"), std::string::npos) << output.out;
    }
  }
  for (const std::string user : {"med", "ver", "admin"}) {
    auto seen = Eligibility(user, "VEN", "2025-07-05");
    EXPECT_TRUE(HasReason(seen[ana], "consent_refused")) << user;
    EXPECT_NE(seen[ana].dump().find("refused a transfer to VEN"), std::string::npos);
    RunResult table = As(user, {"eligibility", ana, "--destination", "VEN", "--on", "2025-07-05"});
    EXPECT_NE(table.out.find("refused a transfer to VEN"), std::string::npos) << table.out;
  }
  // The note is for verifiers and mediators only, and is not in the store's files in the clear.
  RunResult notes = As("med", {"interview", "list", "--person", ana});
  EXPECT_NE(notes.out.find("fears persecution on return"), std::string::npos) << notes.out;
  if (!canje_.on_postgres()) {
    for (const char* file : {"canje.db", "canje.db-wal"}) {
      std::ifstream in(canje_.Path(file), std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      EXPECT_EQ(bytes.find("fears persecution"), std::string::npos) << file;
    }
  }
}

TEST_F(HoldsAndConsentTest, ErasureMakesInterviewNotesUnreadableAndBlocksTransfers) {
  const std::string ana = id_["Ana"];
  ASSERT_EQ(Interview("ver", ana, "VEN", "consents", "2025-07-01", {"--note", "wants to go home"})
                .exit_status,
            0);
  ASSERT_EQ(As("med", {"person", "erase", ana, "--reason", "request of the person"}).exit_status,
            0);
  json interviews = json::parse(As("ver", {"interview", "list", "--person", ana, "--json"}).out);
  ASSERT_EQ(interviews.size(), 1u);
  EXPECT_TRUE(interviews[0]["note"].is_null());
  EXPECT_EQ(As("ver", {"interview", "list", "--person", ana}).out.find("wants to go home"),
            std::string::npos);
  auto eligibility = Eligibility("med", "VEN", "2025-07-05");
  EXPECT_FALSE(eligibility[ana]["selectable"]);
  EXPECT_TRUE(HasReason(eligibility[ana], "erased"));
  EXPECT_EQ(Interview("ver", ana, "VEN", "consents", "2025-07-02").exit_status, 75);
}

TEST_F(HoldsAndConsentTest, AHoldInForceRefusesErasureUntilItIsLifted) {
  const std::string beto = id_["Beto"];
  ASSERT_EQ(As("med", {"hold", "add", "--issuer", "Supreme Court", "--reference", "24A931",
                       "--person", beto, "--from", "2025-01-01"})
                .exit_status,
            0);
  const int64_t before = LogSize();
  RunResult refused = As("med", {"person", "erase", beto, "--reason", "request of the person"});
  EXPECT_EQ(refused.exit_status, 75);
  EXPECT_NE(refused.err.find("is under legal hold H1: Supreme Court, 24A931"), std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find("canje hold lift"), std::string::npos) << refused.err;
  EXPECT_EQ(LogSize(), before);
  // A negotiator learns nothing about the hold: the role is refused first.
  EXPECT_EQ(As("neg", {"person", "erase", beto, "--reason", "r"}).exit_status, 77);
  ASSERT_EQ(As("med", {"hold", "lift", "H1", "--reason", "order vacated"}).exit_status, 0);
  EXPECT_EQ(As("med", {"person", "erase", beto, "--reason", "request of the person"}).exit_status,
            0);
}

TEST_F(HoldsAndConsentTest, LegalActsAreRecordedByMediatorsAndListed) {
  RunResult act = As("med", {"act", "add", id_["Dora"], "--type", "charges dropped", "--date",
                             "2025-07-18", "--authority", "Juzgado 3", "--reference", "C-12",
                             "--status-after", "free", "--json"});
  ASSERT_EQ(act.exit_status, 0) << act.err;
  EXPECT_EQ(json::parse(act.out)["id"], "A1");
  EXPECT_EQ(As("med", {"act", "add", id_["Dora"], "--type", "amnesty", "--date", "2025-07-18",
                       "--authority", "x", "--status-after", "free"})
                .exit_status,
            2);
  EXPECT_EQ(As("ver", {"act", "add", id_["Dora"], "--type", "pardon", "--date", "2025-07-18",
                       "--authority", "x", "--status-after", "free"})
                .exit_status,
            77);
  json acts = json::parse(As("neg", {"act", "list", id_["Dora"], "--json"}).out);
  ASSERT_EQ(acts.size(), 1u);
  EXPECT_EQ(acts[0]["type"], "charges_dropped");
  EXPECT_EQ(acts[0]["status_after"], "free");
  EXPECT_EQ(As("neg", {"act", "list", "P999"}).exit_status, 66);
}

TEST_F(HoldsAndConsentTest, MigrateCopiesHoldsActsAndInterviewsWithReadableNotes) {
  ASSERT_EQ(As("med", {"hold", "add", "--issuer", "Court", "--reference", "R-1", "--person",
                       id_["Ana"], "--from", "2025-01-01"})
                .exit_status,
            0);
  ASSERT_EQ(
      As("med", {"hold", "lift", "H1", "--on", "2025-02-01", "--reason", "vacated"}).exit_status,
      0);
  ASSERT_EQ(As("med", {"act", "add", id_["Beto"], "--type", "pardon", "--date", "2025-07-18",
                       "--authority", "Presidency", "--status-after", "free"})
                .exit_status,
            0);
  ASSERT_EQ(
      Interview("ver", id_["Ciro"], "VEN", "refuses", "2025-07-01", {"--note", "no"}).exit_status,
      0);
  std::string copy = canje_.Path("copy.db").string();
  RunResult migrated = canje_.Run({"migrate", "--from", canje_.database(), "--to", copy});
  ASSERT_EQ(migrated.exit_status, 0) << migrated.err;
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"hold", "show", "H1", "--json"},
        {"act", "list", "--json"},
        {"interview", "list", "--json"},
        {"eligibility", "--destination", "VEN", "--on", "2025-07-05", "--json"}}) {
    std::vector<std::string> there = {"--db", copy, "--master-key",
                                      canje_.Path("canje.db.key").string(), "--as", "ver"};
    there.insert(there.end(), command.begin(), command.end());
    RunResult original = As("ver", command);
    RunResult copied = canje_.Run(there);
    EXPECT_EQ(copied.exit_status, 0) << copied.err;
    EXPECT_EQ(copied.out, original.out) << command[0];
  }
  EXPECT_NE(canje_.Run({"--db", copy, "--master-key", canje_.Path("canje.db.key").string(), "--as",
                        "ver", "interview", "list"})
                .out.find(" no"),
            std::string::npos);
}

}  // namespace
}  // namespace canje::cli::testing
