// `canje serve` end to end for what a verifier records and what clears or bars a transfer:
// interviews, legal acts, eligibility, the reconciliation of the lists and its review queue.
// Each answer is compared with the command line's --json for the same user, on the
// cecot-2025 demo store; roles, need to know, bad bodies and retries are checked as the
// command line's rules. Backend-neutral: runs on SQLite and, in serve_test_postgres, on
// PostgreSQL.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "cli/cli_test_support.h"
#include "server/serve_test_support.h"

namespace canje::server::testing {
namespace {

using cli::testing::Contains;
using cli::testing::MultiUserTest;
using nlohmann::json;

class ServeVerifyTest : public MultiUserTest {
 protected:
  void SetUp() override {
    LoadDemoWithDelegations({{"obs", "SLV", "observer"}});
    for (const char* user : {"med", "ver", "slv", "ven", "obs"}) {
      tokens_[user] = CreateApiToken(canje_, user);
    }
    roster_ = PersonIds({"--list", "L1"});
    ASSERT_GE(roster_.size(), 10u);
    server_ = std::make_unique<ServeProcess>(canje_);
    ASSERT_NE(server_->port(), 0) << server_->error();
    client_ = std::make_unique<HttpTestClient>(server_->port());
  }

  HttpResult Send(const std::string& method, const std::string& user, const std::string& target,
                  const std::string& body = "",
                  const std::map<std::string, std::string>& headers = {}) {
    return client_->Send(method, target, tokens_.at(user), body, headers);
  }
  json Get(const std::string& user, const std::string& target) {
    HttpResult result = Send("GET", user, target);
    EXPECT_EQ(result.status, 200) << target << " as " << user << ": " << result.body;
    return json::parse(result.body, nullptr, false);
  }
  // The command line's --json for `user`.
  json CommandJson(const std::string& user, std::vector<std::string> args) const {
    args.push_back("--json");
    return json::parse(Ok(user, args), nullptr, false);
  }
  // Sends a change with its Idempotency-Key and then, as a tablet that did not hear the answer,
  // sends it again: the second answer is the first one replayed, and the log grows only once.
  HttpResult SendTwice(const std::string& user, const std::string& target, const std::string& body,
                       const std::string& key) {
    const std::map<std::string, std::string> header = {{"Idempotency-Key", key}};
    HttpResult first = Send("POST", user, target, body, header);
    const int64_t after = LogSize();
    HttpResult retry = Send("POST", user, target, body, header);
    EXPECT_EQ(retry.status, first.status);
    EXPECT_EQ(retry.body, first.body);
    EXPECT_EQ(retry.Header("idempotency-replayed"), "true");
    EXPECT_EQ(LogSize(), after) << "a retried " << target << " was recorded twice";
    return first;
  }
  // The persons `user` may see (`canje persons --json` as that user).
  std::set<std::string> Visible(const std::string& user) const {
    std::set<std::string> ids;
    for (const json& person : json::parse(Ok(user, {"persons", "--json"}))) {
      ids.insert(person["id"].get<std::string>());
    }
    return ids;
  }
  // A problem of `status`, about body member `pointer` when one is given; returns its detail.
  static std::string ExpectProblem(const HttpResult& result, int status,
                                   const std::string& pointer = "-") {
    EXPECT_EQ(result.status, status) << result.body << result.error;
    EXPECT_EQ(result.Header("content-type"), "application/problem+json");
    json body = json::parse(result.body, nullptr, false);
    EXPECT_EQ(body["status"], status) << result.body;
    if (pointer != "-") {
      EXPECT_EQ(body["pointer"], pointer) << result.body;
    }
    return body.value("detail", "");
  }

  std::map<std::string, std::string> tokens_;
  std::vector<std::string> roster_;  // SLV's custody roster, L1
  std::unique_ptr<ServeProcess> server_;
  std::unique_ptr<HttpTestClient> client_;
};

json InterviewBody(const std::string& person, const std::string& consent, const std::string& on,
                   const std::string& note = "") {
  json body = {{"person", person},  {"destination", "VEN"}, {"identity", "confirmed"},
               {"consent", consent}, {"fit", "yes"},         {"on", on}};
  if (!note.empty()) body["note"] = note;
  return body;
}

// Only the verifier records an interview; a bad body names the member at fault, the core's
// refusal of a value too, and writes nothing; a retry with its Idempotency-Key records once;
// the list answers as `canje interview list --json`, and never to a negotiator or observer.
TEST_F(ServeVerifyTest, TheVerifierRecordsAnInterviewOnceAndOnlyThoseWhoMayReadItsNote) {
  const std::string note = "Dijo que su familia vive en Maracay (nota sintetica 7Q)";
  const std::string refusal = InterviewBody(roster_[0], "refuses", "2025-06-02", note).dump();
  const int64_t before = LogSize();
  for (const char* user : {"med", "ven", "slv", "obs"}) {
    ExpectProblem(Send("POST", user, "/v1/interviews", refusal), 403);
  }
  const std::vector<std::pair<json, std::string>> bad = {
      {{{"person", "Q1"}}, "/person"},
      {InterviewBody(roster_[0], "maybe", "2025-06-02"), "/consent"},
      {InterviewBody(roster_[0], "refuses", "2999-01-01"), "/on"},
      {InterviewBody(roster_[0], "refuses", "2025-06-31"), "/on"},
      {json::object({{"person", roster_[0]}}), "/destination"},
  };
  for (const auto& [body, pointer] : bad) {
    ExpectProblem(Send("POST", "ver", "/v1/interviews", body.dump()), 400, pointer);
  }
  json unknown_member = InterviewBody(roster_[0], "refuses", "2025-06-02");
  unknown_member["fitness"] = "yes";
  ExpectProblem(Send("POST", "ver", "/v1/interviews", unknown_member.dump()), 400, "/fitness");
  json nobody = InterviewBody("P999999", "refuses", "2025-06-02");
  ExpectProblem(Send("POST", "ver", "/v1/interviews", nobody.dump()), 404, "/person");
  json nowhere = InterviewBody(roster_[0], "refuses", "2025-06-02");
  nowhere["destination"] = "ATLANTIS";
  ExpectProblem(Send("POST", "ver", "/v1/interviews", nowhere.dump()), 404, "/destination");
  EXPECT_EQ(LogSize(), before) << "a refused interview wrote to the log";

  HttpResult recorded = SendTwice("ver", "/v1/interviews", refusal, "tablet-7-0001");
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_EQ(json::parse(recorded.body),
            (json{{"id", "I1"}, {"person", roster_[0]}, {"destination", "VEN"},
                  {"changes_refusal", false}}));
  EXPECT_EQ(recorded.Header("location"),
            "/v1/interviews?person=" + roster_[0] + "&destination=VEN");
  const int64_t after = LogSize();
  EXPECT_EQ(after, before + 1);
  // Another user's key of the same spelling is not the verifier's, and gets no answer of it.
  ExpectProblem(
      Send("POST", "ven", "/v1/interviews", refusal, {{"Idempotency-Key", "tablet-7-0001"}}), 403);
  EXPECT_EQ(LogSize(), after) << "a retried interview was recorded twice";
  json listed = Get("ver", "/v1/interviews");
  ASSERT_EQ(listed.size(), 1u) << listed.dump();

  // The refusal changes only with the person's own words, and the new interview says so.
  ExpectProblem(Send("POST", "ver", "/v1/interviews",
                     InterviewBody(roster_[0], "consents", "2025-06-03").dump()),
                400, "/note");
  ExpectProblem(Send("POST", "ver", "/v1/interviews",
                     InterviewBody(roster_[0], "consents", "2025-06-01", "otra").dump()),
                422, "/on");
  HttpResult changed =
      Send("POST", "ver", "/v1/interviews",
           InterviewBody(roster_[0], "consents", "2025-06-03", "Ahora quiere volver").dump());
  ASSERT_EQ(changed.status, 201) << changed.body;
  EXPECT_EQ(json::parse(changed.body)["changes_refusal"], true);

  // The same list as the command line's, with and without filters, for each reader.
  for (const char* user : {"ver", "med"}) {
    EXPECT_EQ(Get(user, "/v1/interviews"), CommandJson(user, {"interview", "list"})) << user;
    EXPECT_EQ(Get(user, "/v1/interviews?person=" + roster_[0] + "&destination=VEN"),
              CommandJson(user, {"interview", "list", "--person", roster_[0], "--destination",
                                 "VEN"}))
        << user;
  }
  EXPECT_EQ(Get("med", "/v1/interviews")[0]["note"], note);
  EXPECT_EQ(Get("ver", "/v1/interviews?destination=COL"), json::array());
  ExpectProblem(Send("GET", "ver", "/v1/interviews?person=X1"), 400);
  ExpectProblem(Send("GET", "ver", "/v1/interviews?person=P999999"), 404);

  // A negotiator or observer reads no interview, and the note by no path.
  for (const char* user : {"ven", "slv", "obs"}) {
    ExpectProblem(Send("GET", user, "/v1/interviews"), 403);
    for (const std::string& target :
         std::vector<std::string>{"/v1/log/events?limit=1000", "/v1/persons/" + roster_[0],
                                  "/v1/summary", "/v1/link/status?people=true"}) {
      HttpResult read = Send("GET", user, target);
      EXPECT_FALSE(Contains(read.body, note)) << user << " read the note at " << target;
      EXPECT_FALSE(Contains(read.body, "Ahora quiere volver")) << user << " at " << target;
    }
  }
}

// A batch is recorded whole or not at all; the problem points at the interview and member at
// fault; a retry with its key records it once; the answer is the command line's for --file.
TEST_F(ServeVerifyTest, ABatchOfInterviewsIsRecordedWholeOrNotAtAll) {
  const int64_t before = LogSize();
  auto batch = [](std::vector<json> items) { return json{{"interviews", items}}.dump(); };
  const json first = InterviewBody(roster_[1], "refuses", "2025-07-01", "No quiere volver");
  ExpectProblem(Send("POST", "ver", "/v1/interviews/batch",
                     batch({first, InterviewBody("P999999", "consents", "2025-07-01")})),
                404, "/interviews/1/person");
  const std::vector<std::pair<std::string, std::string>> bad = {
      {batch({first, InterviewBody(roster_[2], "perhaps", "2025-07-01")}), "/interviews/1/consent"},
      {batch({first, json("P17")}), "/interviews/1"},
      {batch({first, json{{"person", roster_[2]}, {"fit", 1}}}), "/interviews/1/destination"},
      {batch({json{{"person", roster_[2]}, {"destination", "VEN"}, {"identity", "confirmed"},
                   {"consent", "consents"}, {"fit", 1}}}),
       "/interviews/0/fit"},
      {batch({json{{"person", roster_[2]}, {"extra", true}}}), "/interviews/0/extra"},
      // Checked against the interviews before it in the batch: the refusal in item 0 changes
      // only with a note.
      {batch({first, InterviewBody(roster_[1], "consents", "2025-07-02")}), "/interviews/1/note"},
      {batch({}), "/interviews"},
      {R"({"interviews": {}})", "/interviews"},
      {R"({"interview": []})", "/interview"},
  };
  for (const auto& [body, pointer] : bad) {
    ExpectProblem(Send("POST", "ver", "/v1/interviews/batch", body), 400, pointer);
  }
  ExpectProblem(Send("POST", "med", "/v1/interviews/batch", batch({first})), 403);
  EXPECT_EQ(LogSize(), before) << "a refused batch recorded part of itself";
  EXPECT_EQ(Get("ver", "/v1/interviews"), json::array());

  const std::string good =
      batch({first, InterviewBody(roster_[2], "consents", "2025-07-01"),
             InterviewBody(roster_[1], "consents", "2025-07-02", "Cambio de opinion")});
  HttpResult recorded = SendTwice("ver", "/v1/interviews/batch", good, "tablet-7-batch-1");
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  const json answer = json::parse(recorded.body);
  ASSERT_EQ(answer.size(), 3u);
  EXPECT_EQ(answer[2], (json{{"id", "I3"}, {"person", roster_[1]}, {"destination", "VEN"},
                              {"changes_refusal", true}}));
  EXPECT_EQ(LogSize(), before + 3);

  // The command line's batch form answers in the same shape.
  canje_.WriteFile("interviews.csv", "person,destination,identity,consent,fit,on,note\n" +
                                         roster_[3] + ",VEN,confirmed,consents,yes,2025-07-03,\n");
  json from_file =
      CommandJson("ver", {"interview", "record", "--file", canje_.Path("interviews.csv")});
  ASSERT_EQ(from_file.size(), 1u);
  EXPECT_EQ(from_file[0], (json{{"id", "I4"}, {"person", roster_[3]}, {"destination", "VEN"},
                                 {"changes_refusal", false}}));
  EXPECT_EQ(Get("ver", "/v1/interviews"), CommandJson("ver", {"interview", "list"}));
}


// Only a mediator or admin records a legal act; a refused value names its member and writes
// nothing; the list answers as `canje act list --json` for each reader, a negotiator seeing only
// the acts of persons its party may see.
TEST_F(ServeVerifyTest, LegalActsAreRecordedAndListedAsOnTheCommandLine) {
  // One person VEN sees (on its own lists), and one on SLV's roster it does not.
  const std::set<std::string> ven_sees = Visible("ven");
  ASSERT_FALSE(ven_sees.empty());
  const std::string seen = *ven_sees.begin();
  std::string unseen;
  for (const std::string& id : roster_) {
    if (!ven_sees.contains(id)) unseen = id;
  }
  ASSERT_FALSE(unseen.empty());
  auto act = [](const std::string& person, const std::string& type) {
    return json{{"person", person},          {"type", type},
                {"date", "2025-05-01"},      {"authority", "Presidencia (sintetica)"},
                {"reference", "D-114-2025"}, {"status_after", "free"}};
  };
  const int64_t before = LogSize();
  for (const char* user : {"ver", "ven", "slv", "obs"}) {
    ExpectProblem(Send("POST", user, "/v1/acts", act(seen, "pardon").dump()), 403);
  }
  json no_day = act(seen, "pardon");
  no_day["date"] = "2025-13-01";
  json no_status = act(seen, "pardon");
  no_status["status_after"] = "";
  json extra = act(seen, "pardon");
  extra["status"] = "free";
  for (const auto& [body, pointer] :
       std::vector<std::pair<json, std::string>>{{act(seen, "amnesty"), "/type"},
                                                 {no_day, "/date"},
                                                 {no_status, "/status_after"},
                                                 {extra, "/status"},
                                                 {act("17x", "pardon"), "/person"}}) {
    ExpectProblem(Send("POST", "med", "/v1/acts", body.dump()), 400, pointer);
  }
  ExpectProblem(Send("POST", "med", "/v1/acts", act("P999999", "pardon").dump()), 404, "/person");
  EXPECT_EQ(LogSize(), before) << "a refused act wrote to the log";

  HttpResult recorded = SendTwice("med", "/v1/acts", act(seen, "charges dropped").dump(), "act-1");
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_EQ(json::parse(recorded.body), (json{{"id", "A1"}, {"person", seen}}));
  EXPECT_EQ(recorded.Header("location"), "/v1/acts?person=" + seen);
  EXPECT_EQ(json::parse(Ok("med", {"act", "add", unseen, "--type", "commutation", "--date",
                                   "2025-05-02", "--authority", "Juzgado 3 (sintetico)",
                                   "--status-after", "conditional release", "--json"})),
            (json{{"id", "A2"}, {"person", unseen}}));
  EXPECT_EQ(LogSize(), before + 2);

  for (const char* user : {"med", "ver", "slv", "ven", "obs"}) {
    EXPECT_EQ(Get(user, "/v1/acts"), CommandJson(user, {"act", "list"})) << user;
  }
  for (const char* user : {"med", "ver", "ven"}) {
    EXPECT_EQ(Get(user, "/v1/acts?person=" + seen), CommandJson(user, {"act", "list", seen}))
        << user;
  }
  EXPECT_EQ(Get("ven", "/v1/acts"), Get("ven", "/v1/acts?person=" + seen));
  ASSERT_EQ(Get("ven", "/v1/acts").size(), 1u);
  EXPECT_EQ(Get("ven", "/v1/acts")[0]["type"], "charges_dropped");
  EXPECT_EQ(Get("med", "/v1/acts").size(), 2u);
  // Another party's person reads as one that does not exist.
  const std::string hidden = ExpectProblem(Send("GET", "ven", "/v1/acts?person=" + unseen), 404);
  const std::string missing = ExpectProblem(Send("GET", "ven", "/v1/acts?person=P999999"), 404);
  EXPECT_EQ(hidden.substr(0, 10), missing.substr(0, 10));
  EXPECT_EQ(json::parse(Send("GET", "ven", "/v1/acts?person=A1").body)["parameter"], "person");
}

// Eligibility answers as `canje eligibility --json` for each reader, with its options as query
// parameters; a refusal reads "not available (confidential)" to negotiators and observers, and
// its reason to mediators and verifiers.
TEST_F(ServeVerifyTest, EligibilityGivesReasonsOnlyAsTheRoleAllows) {
  // A refusal of a person each negotiator's party sees: one on VEN's lists, one on SLV's
  // roster.
  const std::set<std::string> ven_sees = Visible("ven");
  ASSERT_FALSE(ven_sees.empty());
  const std::map<std::string, std::string> refuses = {
      {"ven", *ven_sees.begin()}, {"slv", roster_[1]}, {"obs", roster_[1]}};
  const std::string note = "Teme por su seguridad (nota sintetica 9K)";
  for (const std::string& person : {*ven_sees.begin(), roster_[1]}) {
    ASSERT_EQ(Send("POST", "ver", "/v1/interviews",
                   InterviewBody(person, "refuses", "2025-06-02", note).dump())
                  .status,
              201);
  }
  ASSERT_EQ(Send("POST", "med", "/v1/acts",
                 json{{"person", roster_[0]}, {"type", "pardon"}, {"date", "2025-05-01"},
                      {"authority", "Presidencia"}, {"status_after", "free"}}
                     .dump())
                .status,
            201);

  const std::string day = "2025-07-01";
  for (const char* user : {"med", "ver", "slv", "ven", "obs"}) {
    EXPECT_EQ(Get(user, "/v1/eligibility?destination=VEN&holder=SLV&date=" + day),
              CommandJson(user, {"eligibility", "--destination", "VEN", "--holder", "SLV", "--on",
                                 day}))
        << user;
  }
  EXPECT_EQ(Get("med", "/v1/eligibility?destination=VEN&category=deportee&nationality=VEN&date=" +
                           day),
            CommandJson("med", {"eligibility", "--destination", "VEN", "--category", "deportee",
                                "--nationality", "VEN", "--on", day}));

  for (const auto& [user, person] : refuses) {
    const std::string target = "/v1/eligibility?destination=VEN&date=" + day + "&persons=" +
                               person + "," + roster_[0];
    HttpResult read = Send("GET", user, target);
    if (user == "ven") {  // SLV's roster is not VEN's to see
      ExpectProblem(read, 404);
      read = Send("GET", user, "/v1/eligibility?destination=VEN&date=" + day + "&persons=" +
                                   person);
    } else {
      EXPECT_EQ(json::parse(read.body),
                CommandJson(user, {"eligibility", "--destination", "VEN", "--on", day, person,
                                   roster_[0]}))
          << user;
    }
    ASSERT_EQ(read.status, 200) << read.body;
    json entry;
    for (const json& one : json::parse(read.body)) {
      if (one["person"] == person) entry = one;
    }
    ASSERT_TRUE(entry.is_object()) << read.body;
    EXPECT_FALSE(entry["selectable"]);
    ASSERT_EQ(entry["reasons"].size(), 1u) << entry.dump();
    EXPECT_EQ(entry["reasons"][0]["kind"], "confidential");
    EXPECT_EQ(entry["reasons"][0]["reason"], "not available (confidential)");
    EXPECT_FALSE(Contains(read.body, note)) << user;
    EXPECT_FALSE(Contains(read.body, "refuse")) << user << ": " << read.body;
  }
  for (const char* user : {"med", "ver"}) {
    const std::string target =
        "/v1/eligibility?destination=VEN&date=" + day + "&persons=" + roster_[1];
    EXPECT_EQ(Get(user, target), CommandJson(user, {"eligibility", "--destination", "VEN", "--on",
                                                    day, roster_[1]}));
    const json entry = Get(user, target)[0];
    EXPECT_FALSE(entry["selectable"]);
    EXPECT_EQ(entry["reasons"][0]["kind"], "consent_refused") << entry.dump();
  }

  ExpectProblem(Send("GET", "ven", "/v1/eligibility?holder=SLV"), 400);
  EXPECT_EQ(json::parse(Send("GET", "ven", "/v1/eligibility?holder=SLV").body)["parameter"],
            "destination");
  EXPECT_EQ(
      json::parse(Send("GET", "ven", "/v1/eligibility?destination=VEN&persons=P1,X2").body)
          ["parameter"],
      "persons");
  for (const auto& [query, status, parameter] :
       std::vector<std::tuple<std::string, int, std::string>>{
           {"destination=ATLANTIS", 404, "destination"},
           {"destination=VEN&date=2025-02-30", 400, "date"},
           {"destination=VEN&category=pirates", 400, "category"}}) {
    HttpResult refused = Send("GET", "ven", "/v1/eligibility?" + query);
    ExpectProblem(refused, status);
    EXPECT_EQ(json::parse(refused.body)["parameter"], parameter) << refused.body;
  }
  ExpectProblem(Send("GET", "ven", "/v1/eligibility?destination=VEN&persons=P999999"), 404);
}

// `POST /v1/link` runs `canje link` over the store and answers its report; only the roles that
// link may; a bad body names its member and runs nothing.
TEST_F(ServeVerifyTest, LinkReconcilesTheStoreAsTheCommandLineDoes) {
  const int64_t before = LogSize();
  for (const char* user : {"slv", "ven", "obs"}) {
    ExpectProblem(Send("POST", user, "/v1/link", ""), 403);
  }
  ExpectProblem(Send("POST", "ver", "/v1/link", R"({"threshold": "high"})"), 400, "/threshold");
  ExpectProblem(Send("POST", "ver", "/v1/link", R"({"thresh": 0.5})"), 400, "/thresh");
  ExpectProblem(Send("POST", "ver", "/v1/link", R"({"threshold": 0.99})"), 400);
  ExpectProblem(Send("POST", "ver", "/v1/link", "[1]"), 400, "");
  EXPECT_EQ(LogSize(), before) << "a refused link wrote to the log";

  // The demo store is linked already: a run changes nothing and records nothing, and says so
  // as the command line does.
  HttpResult linked = Send("POST", "ver", "/v1/link", "");
  ASSERT_EQ(linked.status, 200) << linked.body;
  const json report = json::parse(linked.body);
  EXPECT_EQ(report["changed"], false) << report.dump();
  EXPECT_FALSE(report.contains("event"));
  EXPECT_EQ(LogSize(), before);
  EXPECT_EQ(report, CommandJson("ver", {"link"}));
  // Other options change the links: the run is recorded; the same run again changes nothing,
  // as the command line's.
  const std::string options = R"({"threshold": 0.8, "review_low": 0.3})";
  HttpResult relinked = Send("POST", "med", "/v1/link", options);
  ASSERT_EQ(relinked.status, 200) << relinked.body;
  EXPECT_EQ(json::parse(relinked.body)["changed"], true);
  EXPECT_EQ(json::parse(relinked.body)["event"], before) << relinked.body;  // numbered from 0
  EXPECT_EQ(json::parse(relinked.body)["review_band"], json::parse("[0.3, 0.95]"));
  EXPECT_EQ(LogSize(), before + 1);
  EXPECT_EQ(json::parse(Send("POST", "med", "/v1/link", options).body),
            CommandJson("med", {"link", "--threshold", "0.8", "--review-low", "0.3"}));
  EXPECT_EQ(LogSize(), before + 1);
}

// The review queue answers as `canje review list --json` for each reader; a decision, one or a
// batch, is recorded as `canje review decide` records it, all or nothing, a negotiator only on
// pairs its party's lists take part in; the next link run applies them.
TEST_F(ServeVerifyTest, ReviewDecisionsAreTakenAsOnTheCommandLine) {
  const json queue = Get("med", "/v1/review");
  ASSERT_GE(queue.size(), 3u) << "the demo store's review queue is too short for this test";
  EXPECT_EQ(Get("med", "/v1/review?limit=2"), CommandJson("med", {"review", "list", "--limit", "2"}));
  for (const char* user : {"ver", "slv", "ven"}) {
    EXPECT_EQ(Get(user, "/v1/review"), CommandJson(user, {"review", "list"})) << user;
  }
  ExpectProblem(Send("GET", "obs", "/v1/review"), 403);
  ExpectProblem(Send("GET", "med", "/v1/review?limit=-1"), 400);

  auto pair_of = [&](size_t i) {
    return queue[i]["left"]["record"].get<std::string>() + "-" +
           queue[i]["right"]["record"].get<std::string>();
  };
  auto touches = [&](size_t i, const std::string& party) {
    return queue[i]["left"]["list_party"] == party || queue[i]["right"]["list_party"] == party;
  };
  // A negotiator is refused a pair that none of its party's lists take part in, as on the
  // command line (same status, nothing written).
  const int64_t before = LogSize();
  bool refused = false;
  for (size_t i = 0; i < queue.size() && !refused; ++i) {
    if (touches(i, "VEN")) continue;
    const std::string left = queue[i]["left"]["record"], right = queue[i]["right"]["record"];
    cli::testing::RunResult cli = As("ven", {"review", "decide", left, right, "--same",
                                             "--reason", "x"});
    HttpResult api = Send("POST", "ven", "/v1/review/" + pair_of(i) + "/decision",
                          R"({"decision": "same", "reason": "x"})");
    ExpectProblem(api, cli.exit_status == 66 ? 404 : 403);
    EXPECT_TRUE(cli.exit_status == 66 || cli.exit_status == 77) << cli.err;
    refused = true;
  }
  EXPECT_TRUE(refused) << "every queued pair touches VEN's lists: nothing was checked";
  const std::string first = "/v1/review/" + pair_of(0) + "/decision";
  for (const auto& [body, pointer] : std::vector<std::pair<std::string, std::string>>{
           {R"({"decision": "maybe", "reason": "x"})", "/decision"},
           {R"({"decision": "same"})", "/reason"},
           {R"({"decision": "same", "reason": ""})", "/reason"},
           {R"({"decision": "same", "reason": "x", "by": "me"})", "/by"}}) {
    ExpectProblem(Send("POST", "med", first, body), 400, pointer);
  }
  ExpectProblem(Send("POST", "med", "/v1/review/R1/decision", R"({"decision": "same", "reason": "x"})"), 400);
  ExpectProblem(Send("POST", "med", "/v1/review/R1-R1/decision", R"({"decision": "same", "reason": "x"})"), 400);
  ExpectProblem(Send("POST", "med", "/v1/review/R1-R999999/decision", R"({"decision": "same", "reason": "x"})"), 404);
  ExpectProblem(Send("POST", "obs", first, R"({"decision": "same", "reason": "x"})"), 403);
  EXPECT_EQ(LogSize(), before) << "a refused decision wrote to the log";

  const std::string same = R"({"decision": "same", "reason": "misma cedula, dos grafias"})";
  HttpResult decided = SendTwice("med", first, same, "review-1");
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(json::parse(decided.body)["decision"], "D1");
  const int64_t after = LogSize();
  EXPECT_EQ(after, before + 1);
  ExpectProblem(Send("POST", "med", first, same), 409);  // it says so already
  EXPECT_EQ(LogSize(), after);
  // The command line reads the decision the API took.
  const json shown = CommandJson("med", {"link", "explain", queue[0]["left"]["record"],
                                         queue[0]["right"]["record"]});
  EXPECT_EQ(shown["decision"]["id"], "D1") << shown.dump();

  // A batch: every decision checked, all or none, the one at fault named.
  auto decision = [&](size_t i, const std::string& verdict, const std::string& reason) {
    return json{{"left", queue[i]["left"]["record"]},
                {"right", queue[i]["right"]["record"]},
                {"decision", verdict},
                {"reason", reason}};
  };
  auto batch = [](std::vector<json> items) { return json{{"decisions", items}}.dump(); };
  const int64_t before_batch = LogSize();
  json self = decision(2, "same", "x");
  self["right"] = self["left"];
  json bad_left = decision(2, "same", "x");
  bad_left["left"] = "X2";
  json nobody = decision(2, "same", "x");
  nobody["right"] = "R999999";
  for (const auto& [body, status, pointer] : std::vector<std::tuple<std::string, int, std::string>>{
           {batch({decision(1, "same", "a"), self}), 400, "/decisions/1"},
           {batch({decision(1, "same", "a"), decision(2, "same", "")}), 400, "/decisions/1/reason"},
           {batch({bad_left}), 400, "/decisions/0/left"},
           {batch({decision(1, "same", "a"), nobody}), 404, "/decisions/1"},
           {batch({decision(1, "same", "a"), decision(1, "different", "b")}), 422, "/decisions/1"},
           {batch({decision(1, "perhaps", "a")}), 400, "/decisions/0/decision"},
           {batch({json("R1-R2")}), 400, "/decisions/0"},
           {batch({}), 400, "/decisions"}}) {
    ExpectProblem(Send("POST", "med", "/v1/review/decisions", body), status, pointer);
  }
  EXPECT_EQ(LogSize(), before_batch) << "a refused batch recorded part of itself";
  const std::string good = batch({decision(1, "different", "fechas distintas"),
                                  decision(2, "same", "mismo documento"),
                                  decision(0, "same", "otra vez")});
  HttpResult recorded = SendTwice("ver", "/v1/review/decisions", good, "review-batch-1");
  ASSERT_EQ(recorded.status, 200) << recorded.body;
  EXPECT_EQ(json::parse(recorded.body), (json{{"recorded", 2}, {"unchanged", 1}}));
  EXPECT_EQ(LogSize(), before_batch + 2);

  // The next run applies the decisions.
  HttpResult linked = Send("POST", "ver", "/v1/link", "");
  ASSERT_EQ(linked.status, 200) << linked.body;
  EXPECT_EQ(json::parse(linked.body)["decisions_applied"], 3) << linked.body;
  EXPECT_EQ(json::parse(linked.body)["review_queue"], queue.size() - 3) << linked.body;
}

}  // namespace
}  // namespace canje::server::testing
