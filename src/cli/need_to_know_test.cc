// Need to know end to end (instance/need_to_know.h), on the cecot-2025 demo store, over the
// command line and the HTTP API:
//  - a negotiator reads the persons transferred to its party under a version it accepted, from
//    the agreement on, and not before;
//  - reconciliation's review: a negotiator reads of another party's record only what need to
//    know allows, decides only the pairs the queue offers it, and every read of a pair is an
//    event (a negotiator used to read any record of any list with `link explain`, and to force
//    a merge at probability 0 with `review decide`);
//  - what a caller may not see answers exactly like what does not exist: for every id-taking
//    read and write, an id it may not see and an id that does not exist give the same exit
//    status (HTTP status) and the same message, but for the id itself.
// Backend-neutral: runs on SQLite and, in cli_test_postgres, on PostgreSQL.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"
#include "core/text.h"
#include "server/serve_test_support.h"

namespace canje::cli::testing {
namespace {

using nlohmann::json;

class NeedToKnowTest : public MultiUserTest {
 protected:
  void SetUp() override {
    LoadDemoWithRosters(20, 2,
                        {{"deu", "DEU", "negotiator"},
                         {"obs", "VEN", "observer"},
                         {"outsider", "DEU", "observer"}});
  }

  bool Sees(const std::string& user, const std::string& person) const {
    return As(user, {"person", "show", person}).exit_status == 0;
  }

  // The first Venezuelan on Venezuela's roster (L2) whom the United States may not read; empty
  // if there is none.
  std::string VenezuelanHiddenFromTheUnitedStates() const {
    for (const std::string& person : PersonIds({"--list", "L2", "--nationality", "VEN"})) {
      if (!Sees("usa", person)) return person;
    }
    return "";
  }

  // Exchange X1 (SLV, USA, VEN; DEU is not in it) with V1 tabled: ten of SLV's roster to VEN,
  // two US nationals held by VEN to USA.
  void CreateExchangeWithTabledVersion() const { TableCecotVersion("cecot-2025", 10); }
};

// ---- Need to know by agreement --------------------------------------------------------------

TEST_F(NeedToKnowTest, APartyReadsThePersonsTransferredToItFromTheAgreementOn) {
  CreateExchangeWithTabledVersion();
  // Before the agreement the United States may not read the US nationals VEN holds: they are
  // on no list of its own.
  EXPECT_FALSE(Sees("usa", us_[0]));
  Ok("slv", {"proposal", "accept", "V1", "--party", "SLV"});
  Ok("usa", {"proposal", "accept", "V1", "--party", "USA"});
  EXPECT_FALSE(Sees("usa", us_[0])) << "accepted by USA, but not agreed yet";
  Ok("ven", {"proposal", "accept", "V1", "--party", "VEN"});
  // From the agreement on: by name, in the person's page and in every view of the execution.
  EXPECT_TRUE(Sees("usa", us_[0]));
  EXPECT_TRUE(Sees("usa", us_[1]));
  const json person = json::parse(Ok("usa", {"person", "show", us_[0], "--json"}));
  const std::string name = person["name"].get<std::string>();
  ASSERT_FALSE(name.empty());
  EXPECT_TRUE(Contains(Ok("usa", {"proposal", "show", "V1"}), name));
  // Only what was transferred to it, or claimed by it: not the persons going to VEN (unless the
  // United States holds or listed them), not the other US nationals VEN holds.
  for (size_t i = 2; i < us_.size(); ++i) EXPECT_FALSE(Sees("usa", us_[i])) << us_[i];
  // A party outside the agreement reads nothing new.
  EXPECT_FALSE(Sees("deu", us_[0]));
  // The observer of a party to it reads what its party reads.
  EXPECT_TRUE(Sees("obs", roster_[0]));
  // In persons: the search finds them too.
  const json found = json::parse(Ok("usa", {"persons", "--json"}));
  std::set<std::string> ids;
  for (const json& entry : found) ids.insert(entry["id"].get<std::string>());
  EXPECT_TRUE(ids.count(us_[0]));
  EXPECT_FALSE(ids.count(us_[2]));
}

// ---- Reconciliation's review ----------------------------------------------------------------

class ReviewNeedToKnowTest : public NeedToKnowTest {
 protected:
  // The first record of `person` (as the admin reads it), on `list` when one is given (a person
  // of the United States' manifest may be on SLV's roster too).
  std::string FirstRecordOf(const std::string& person, const std::string& list = "") const {
    const json shown = json::parse(canje_.Run({"person", "show", person, "--json"}).out);
    for (const json& record : shown["records"]) {
      if (list.empty() || record["list"] == list) return record["record"].get<std::string>();
    }
    ADD_FAILURE() << person << " has no record on " << list;
    return "";
  }
};

TEST_F(ReviewNeedToKnowTest, ANegotiatorCannotReadAForeignRecordThroughLinkExplain) {
  // A record of the United States' own removal manifest (L3), and a person of Venezuela's
  // roster the United States may not read.
  const std::vector<std::string> manifest = PersonIds({"--list", "L3"});
  ASSERT_FALSE(manifest.empty());
  const std::string hidden = VenezuelanHiddenFromTheUnitedStates();
  ASSERT_FALSE(hidden.empty());
  const std::string own = FirstRecordOf(manifest[0], "L3");
  const std::string foreign = FirstRecordOf(hidden);
  const json admin_view = json::parse(canje_.Run({"link", "explain", own, foreign, "--json"}).out);
  const json& right = admin_view["left"]["record"] == foreign ? admin_view["left"]
                                                              : admin_view["right"];
  std::vector<std::string> secrets;
  for (const char* field : {"given_names", "family_names", "documents"}) {
    for (const json& value : right[field]) secrets.push_back(value.get<std::string>());
  }
  if (!right["date_of_birth"].get<std::string>().empty()) {
    secrets.push_back(right["date_of_birth"].get<std::string>());
  }
  ASSERT_FALSE(secrets.empty());

  // Explaining the pair is "not found", worded as for a record that does not exist, and
  // nothing of the hidden record comes out.
  const int64_t before = LogSize();
  RunResult explained = As("usa", {"link", "explain", own, foreign, "--json"});
  EXPECT_EQ(explained.exit_status, 66) << explained.out << explained.err;
  RunResult unknown = As("usa", {"link", "explain", own, "R999999", "--json"});
  EXPECT_EQ(unknown.exit_status, 66);
  EXPECT_EQ(std::regex_replace(explained.err, std::regex(foreign), "R?"),
            std::regex_replace(unknown.err, std::regex("R999999"), "R?"));
  for (const std::string& secret : secrets) {
    EXPECT_FALSE(Contains(explained.out + explained.err, secret)) << secret;
  }
  EXPECT_EQ(LogSize(), before) << "nothing was read, nothing is logged";

  // Deciding the pair (probability near 0, not in the queue): refused the same way, nothing
  // written, so no later `canje link` can merge the two.
  Refused("usa", {"review", "decide", own, foreign, "--same", "--reason", "x"}, 66,
          "that you may see");
  // Two records of its own that the queue does not offer: it may not decide those either.
  const std::string other_own = FirstRecordOf(manifest[1], "L3");
  Refused("usa", {"review", "decide", own, other_own, "--same", "--reason", "x"}, 77,
          "decides only the pairs the review queue offers it");
}

TEST_F(ReviewNeedToKnowTest, AGuessedRecordMergedByLinkGrantsNothingUntilAMediatorConfirmsIt) {
  // A person Venezuela holds whom the United States may not read, as the admin reads them.
  const std::string hidden = VenezuelanHiddenFromTheUnitedStates();
  ASSERT_FALSE(hidden.empty());
  const json person = json::parse(canje_.Run({"person", "show", hidden, "--json"}).out);
  const std::string given = Join(person["given_names"].get<std::vector<std::string>>(), " ");
  const std::string family = Join(person["family_names"].get<std::vector<std::string>>(), " ");
  const std::string born = person["date_of_birth"].get<std::string>();
  ASSERT_FALSE(born.empty());
  ASSERT_FALSE(person["documents"].empty());
  const std::string document = person["documents"][0]["number"].get<std::string>();
  ASSERT_FALSE(person["custody"].empty());
  const std::string facility = person["custody"][0]["facility"].get<std::string>();
  const std::string held_record = FirstRecordOf(hidden, "L2");

  // The United States imports a one-row list with the name, birth date and cédula it guessed
  // or gathered (a name and birth date alone merge too, when the name is rare), and the next
  // routine `canje link` merges its row into the person Venezuela holds.
  canje_.WriteFile("guess.csv",
                   "given_names,family_names,date_of_birth,sex,nationality,cedula\n" + given +
                       "," + family + "," + born + "," + person["sex"].get<std::string>() +
                       ",VEN," + document + "\n");
  const json imported = json::parse(Ok("usa", {"import", "guess.csv", "--kind", "claim_list",
                                               "--party", "USA", "--source", "guess", "--json"}));
  const std::string guess_list = imported["list"].get<std::string>();
  Ok("med", {"link"});
  std::string guess_record;
  const json linked = json::parse(canje_.Run({"person", "show", hidden, "--json"}).out);
  for (const json& record : linked["records"]) {
    if (record["list"] == guess_list) {
      guess_record = record["record"].get<std::string>();
      EXPECT_EQ(record["link"], "automatic");
    }
  }
  ASSERT_FALSE(guess_record.empty()) << "the guess was not merged: the case tests nothing";

  // The merge grants nothing: the person (where Venezuela holds them, and on what basis) and
  // Venezuela's record stay out of reach, answered as for what does not exist.
  EXPECT_FALSE(Sees("usa", hidden));
  RunResult listed = As("usa", {"persons", "--list", guess_list, "--json"});
  EXPECT_EQ(listed.exit_status, 0) << listed.err;
  EXPECT_EQ(json::parse(listed.out), json::array());
  RunResult by_name = As("usa", {"persons", family, "--json"});
  EXPECT_EQ(by_name.exit_status, 0) << by_name.err;
  RunResult by_document = As("usa", {"persons", "--document", document, "--json"});
  EXPECT_EQ(by_document.exit_status, 0) << by_document.err;
  EXPECT_EQ(json::parse(by_document.out), json::array());
  for (const std::string& found : {by_name.out, by_document.out, listed.out}) {
    EXPECT_FALSE(Contains(found, "\"" + hidden + "\"")) << found;
    EXPECT_FALSE(Contains(found, facility)) << found;
  }
  Refused("usa", {"link", "explain", guess_record, held_record}, 66, "that you may see");

  // A negotiator's own "same" does not confirm it (it may not decide this pair at all); a
  // mediator's does: from then on the United States reads the person it listed.
  Refused("usa", {"review", "decide", guess_record, held_record, "--same", "--reason", "x"}, 66,
          "that you may see");
  EXPECT_FALSE(Sees("usa", hidden));
  Ok("med", {"review", "decide", guess_record, held_record, "--same", "--reason",
             "confirmed by the verifier's interview"});
  EXPECT_TRUE(Sees("usa", hidden));
  const json confirmed = json::parse(canje_.Run({"person", "show", hidden, "--json"}).out);
  int confirmed_records = 0;
  for (const json& record : confirmed["records"]) {
    if (record["record"] != guess_record) continue;
    EXPECT_EQ(record["link"], "confirmed");
    ++confirmed_records;
  }
  EXPECT_EQ(confirmed_records, 1);
  // Venezuela's own record of them stays Venezuela's: need to know through a list reads the
  // person, never another party's record (custody or an agreement would).
  Refused("usa", {"link", "explain", guess_record, held_record}, 66, "that you may see");

  // A later "different" undoes the confirmation.
  Ok("med", {"review", "decide", guess_record, held_record, "--different", "--reason",
             "the interview showed another man"});
  Ok("med", {"link"});
  EXPECT_FALSE(Sees("usa", hidden));
}

TEST_F(ReviewNeedToKnowTest, TheQueueShowsANegotiatorOnlyWhatItMayReadAndEveryReadIsLogged) {
  for (const std::string user : {"usa", "ven", "slv"}) {
    const json items = json::parse(Ok(user, {"review", "list", "--json"}));
    for (const json& item : items) {
      for (const char* side : {"left", "right"}) {
        const json& shown = item[side];
        if (shown.value("hidden", false)) {
          // Nothing of a record it may not see: not its id, not its person, no probability.
          EXPECT_EQ(shown.size(), 1u) << shown.dump();
          EXPECT_FALSE(item.contains("probability"));
          EXPECT_FALSE(item.contains("explanation"));
          continue;
        }
        // A record of its own party's lists is its own to read, even when the person it is
        // linked to is not (merged by `canje link` alone): that person shows as an id only.
        if (shown["list_party"] == PartyOf(user)) continue;
        EXPECT_TRUE(Sees(user, shown["person"].get<std::string>()))
            << user << " was shown " << shown.dump();
      }
    }
  }
  // A mediator's read of a pair is an event, "review.read", naming the pairs in its payload.
  const json queue = json::parse(Ok("med", {"review", "list", "--json", "--limit", "1"}));
  ASSERT_FALSE(queue.empty());
  const std::string left = queue[0]["left"]["record"].get<std::string>();
  const std::string right = queue[0]["right"]["record"].get<std::string>();
  const int64_t before = LogSize();
  Ok("med", {"link", "explain", left, right});
  EXPECT_EQ(LogSize(), before + 1);
  const json events = json::parse(Ok("med", {"log", "show", "--from", std::to_string(before),
                                             "--json"}));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["type"], "review.read");
  EXPECT_EQ(events[0]["actor"], "med");
}

// ---- What a caller may not see answers like what does not exist -----------------------------

class ExistenceOracleTest : public NeedToKnowTest {
 protected:
  // The same command on an id the caller may not see and on one that does not exist: the same
  // exit status, and the same message once each id is written "ID".
  void ExpectSameAnswer(const std::string& user, const std::vector<std::string>& hidden_args,
                        const std::vector<std::string>& missing_args,
                        const std::string& hidden_id, const std::string& missing_id) const {
    const RunResult hidden = As(user, hidden_args);
    const RunResult missing = As(user, missing_args);
    std::string what = user + ": canje";
    for (const std::string& arg : hidden_args) what += " " + arg;
    EXPECT_NE(hidden.exit_status, 0) << what << "\n" << hidden.out;
    EXPECT_EQ(hidden.exit_status, missing.exit_status)
        << what << "\n" << hidden.err << "\n" << missing.err;
    EXPECT_EQ(std::regex_replace(hidden.err, std::regex("\\b" + hidden_id + "\\b"), "ID"),
              std::regex_replace(missing.err, std::regex("\\b" + missing_id + "\\b"), "ID"))
        << what;
    EXPECT_EQ(hidden.out, missing.out) << what;
  }

  void SetUp() override {
    NeedToKnowTest::SetUp();
    if (HasFatalFailure()) return;
    CreateExchangeWithTabledVersion();
    // A second version to compare with V1.
    Ok("med", {"proposal", "create", "X1", "--counts", "SLV>VEN=3,VEN>USA=3"});
  }
  // Every id-taking command, once with `id` for the exchange (X), version (V), person (P),
  // list (L) and record (R) it takes.
  static std::vector<std::vector<std::string>> Commands(const std::string& x,
                                                        const std::string& v,
                                                        const std::string& v2) {
    return {
        {"exchange", "show", x},
        {"exchange", "state", x},
        {"exchange", "candidates", x},
        {"exchange", "solve", x},
        {"exchange", "readiness", x},
        {"exchange", "reconcile", x},
        {"handover", "list", x},
        {"proposal", "list", x},
        {"exchange", "claim", x, "P1", "--by", "DEU"},
        {"exchange", "cost", x, "P1", "--by", "DEU"},
        {"exchange", "report", x, "--party", "DEU", "--direction", "SLV>DEU", "--count", "1"},
        {"proposal", "create", x, "--counts", "SLV>VEN=1"},
        {"proposal", "show", v},
        {"proposal", "manifest", v},
        {"proposal", "diff", v, v2},
        {"proposal", "table", v},
        {"proposal", "accept", v, "--party", "DEU"},
        {"proposal", "reject", v, "--party", "DEU", "--reason", "no"},
        {"agreement", "verify", v},
    };
  }
};

TEST_F(ExistenceOracleTest, ExchangesAndProposalsOutsideOnesReachReadAsUnknownOnTheCommandLine) {
  for (const std::string user : {"deu", "outsider"}) {
    const auto hidden = Commands("X1", "V1", "V2");
    const auto missing = Commands("X99", "V98", "V99");
    for (size_t i = 0; i < hidden.size(); ++i) {
      // The id that differs between the two commands names what is looked up first.
      const bool version = hidden[i][0] == "proposal" && hidden[i][1] != "list" &&
                           hidden[i][1] != "create";
      const bool agreement = hidden[i][0] == "agreement";
      ExpectSameAnswer(user, hidden[i], missing[i],
                       version || agreement ? "V1" : "X1", version || agreement ? "V98" : "X99");
    }
  }
  // An observer of a party to the exchange reads its proposals, as its negotiator does.
  EXPECT_EQ(As("obs", {"proposal", "show", "V1"}).exit_status, 0);
  EXPECT_EQ(As("obs", {"exchange", "state", "X1"}).exit_status, 0);
}

TEST_F(ExistenceOracleTest, PersonsListsAndRecordsOutsideNeedToKnowReadAsUnknown) {
  const std::string hidden = VenezuelanHiddenFromTheUnitedStates();
  ASSERT_FALSE(hidden.empty());
  const std::string missing = "P999999";
  for (const std::string user : {"usa", "outsider"}) {
    ExpectSameAnswer(user, {"person", "show", hidden}, {"person", "show", missing}, hidden,
                     missing);
    ExpectSameAnswer(user, {"act", "list", "--person", hidden},
                     {"act", "list", "--person", missing}, hidden, missing);
    ExpectSameAnswer(user, {"eligibility", "--destination", "VEN", hidden},
                     {"eligibility", "--destination", "VEN", missing}, hidden, missing);
  }
  // Another party's list, to claim from: as a list that does not exist.
  ExpectSameAnswer("usa", {"exchange", "claim", "X1", "--list", "L2", "--by", "USA"},
                   {"exchange", "claim", "X1", "--list", "L99", "--by", "USA"}, "L2", "L99");
  // A record of another party's list, to explain or decide on.
  const json shown = json::parse(canje_.Run({"person", "show", hidden, "--json"}).out);
  const std::string record = shown["records"][0]["record"].get<std::string>();
  const std::string own = json::parse(canje_.Run({"person", "show",
                                                  PersonIds({"--list", "L3"})[0], "--json"})
                                          .out)["records"][0]["record"]
                              .get<std::string>();
  ExpectSameAnswer("usa", {"link", "explain", own, record},
                   {"link", "explain", own, "R999999"}, record, "R999999");
  ExpectSameAnswer("usa", {"review", "decide", own, record, "--same", "--reason", "x"},
                   {"review", "decide", own, "R999999", "--same", "--reason", "x"}, record,
                   "R999999");
}

// The same over HTTP: the status and the problem's detail do not tell an exchange, a version
// or a person the caller may not see from one that does not exist.
TEST_F(ExistenceOracleTest, NoOracleOverTheHttpApi) {
  std::map<std::string, std::string> tokens;
  for (const std::string user : {"deu", "outsider", "usa"}) {
    RunResult created = canje_.Run({"user", "token", "create", user, "--json"});
    ASSERT_EQ(created.exit_status, 0) << created.err;
    tokens[user] = json::parse(created.out)["token"].get<std::string>();
  }
  server::testing::ServeProcess serve(canje_);
  ASSERT_NE(serve.port(), 0) << serve.error();
  server::testing::HttpTestClient client(serve.port());
  std::string hidden_person;
  for (const std::string& person : PersonIds({"--list", "L2", "--nationality", "VEN"})) {
    if (!Sees("usa", person)) {
      hidden_person = person;
      break;
    }
  }
  struct Probe {
    std::string method, hidden, missing, body, hidden_id, missing_id;
  };
  const std::string accept = R"({"party":"DEU"})";
  const std::vector<Probe> probes = {
      {"GET", "/v1/exchanges/X1", "/v1/exchanges/X99", "", "X1", "X99"},
      {"GET", "/v1/exchanges/X1/proposals", "/v1/exchanges/X99/proposals", "", "X1", "X99"},
      {"GET", "/v1/exchanges/X1/readiness", "/v1/exchanges/X99/readiness", "", "X1", "X99"},
      {"GET", "/v1/exchanges/X1/handovers", "/v1/exchanges/X99/handovers", "", "X1", "X99"},
      {"GET", "/v1/exchanges/X1/reconciliation", "/v1/exchanges/X99/reconciliation", "", "X1",
       "X99"},
      {"GET", "/v1/proposals/V1", "/v1/proposals/V98", "", "V1", "V98"},
      {"POST", "/v1/proposals/V1/accept", "/v1/proposals/V98/accept", accept, "V1", "V98"},
      {"POST", "/v1/proposals/V1/reject", "/v1/proposals/V98/reject",
       R"({"party":"DEU","reason":"no"})", "V1", "V98"},
  };
  auto normalised = [](std::string text, const std::string& id) {
    return std::regex_replace(text, std::regex("\\b" + id + "\\b"), "ID");
  };
  for (const std::string user : {"deu", "outsider"}) {
    for (const Probe& probe : probes) {
      const auto hidden = client.Send(probe.method, probe.hidden, tokens[user], probe.body);
      const auto missing = client.Send(probe.method, probe.missing, tokens[user], probe.body);
      EXPECT_GE(hidden.status, 400) << user << " " << probe.hidden;
      EXPECT_EQ(hidden.status, missing.status) << user << " " << probe.hidden << "\n"
                                               << hidden.body << "\n" << missing.body;
      EXPECT_EQ(normalised(hidden.body, probe.hidden_id),
                normalised(missing.body, probe.missing_id))
          << user << " " << probe.hidden;
    }
  }
  const auto hidden = client.Send("GET", "/v1/persons/" + hidden_person, tokens["usa"]);
  const auto missing = client.Send("GET", "/v1/persons/P999999", tokens["usa"]);
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(normalised(hidden.body, hidden_person), normalised(missing.body, "P999999"));
}

}  // namespace
}  // namespace canje::cli::testing
