// `canje serve` end to end for the lists and administration: importing a list file as a
// request's body (POST /v1/lists). Each answer is compared with what the command line prints for
// the same user (`--json`), and each refusal with the log's size before and after. Runs on
// SQLite and, in serve_test_postgres, on PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"
#include "server/serve_test_support.h"

namespace canje::server::testing {
namespace {

using nlohmann::json;

constexpr char kListsHeader[] = "id,nombres,apellidos,fecha_nacimiento,nacionalidad,custodio\n";

// `rows` synthetic rows of people VEN holds: ids Q1, Q2, ..., names made of a few given and
// family names (no real person's).
std::string SyntheticRoster(int rows, const std::string& id_prefix = "Q") {
  static const char* const kGiven[] = {"Aurelio",  "Brígida", "Casimiro", "Delfina", "Eusebio",
                                       "Filomena", "Gaspar",  "Herminia", "Isidro",  "Jacinta"};
  static const char* const kFamily[] = {"Albornoz",  "Barrientos", "Cifuentes", "Dorantes",
                                        "Echeverri", "Fajardo",    "Galindo",   "Haro",
                                        "Iturbide",  "Jaramillo",  "Landaeta",  "Mujica"};
  std::string out = kListsHeader;
  for (int i = 1; i <= rows; ++i) {
    out += id_prefix + std::to_string(i) + "," + kGiven[i % 10] + " " + kGiven[(i / 10) % 10] +
           "," + kFamily[(i / 100) % 12] + " " + kFamily[(i / 1200) % 12] + ",19" +
           std::to_string(50 + i % 50) + "-0" + std::to_string(1 + i % 9) + "-1" +
           std::to_string(i % 10) + ",VEN,VEN\n";
  }
  return out;
}

class ServeListsTest : public cli::testing::MultiUserTest {
 protected:
  void SetUp() override {
    LoadDemoWithUsers({{"med", "PUENTE", "mediator"},
                       {"slv", "SLV", "negotiator"},
                       {"ven", "VEN", "negotiator"},
                       {"obs", "VEN", "observer"}});
    if (HasFatalFailure()) return;
    for (const char* user : {"mediator", "med", "slv", "ven", "obs"}) {
      tokens_[user] =
          json::parse(Ok("mediator", {"user", "token", "create", user, "--json"}))["token"];
    }
    server_ = std::make_unique<ServeProcess>(canje_);
    ASSERT_NE(server_->port(), 0) << server_->error();
  }

  HttpResult Send(const std::string& user, const std::string& method, const std::string& target,
                  const std::string& body = "",
                  const std::map<std::string, std::string>& headers = {}) {
    if (!client_) client_ = std::make_unique<HttpTestClient>(server_->port());
    return client_->Send(method, target, tokens_.at(user), body, headers);
  }
  HttpResult PostList(const std::string& user, const std::string& query, const std::string& body,
                      const std::string& content_type = "text/csv") {
    return Send(user, "POST", "/v1/lists?" + query, body, {{"Content-Type", content_type}});
  }
  static json Body(const HttpResult& result) { return json::parse(result.body, nullptr, false); }
  // The response is a problem of `status`, and the log did not change since `log_size`.
  void ExpectRefused(const HttpResult& result, int status, int64_t log_size) {
    EXPECT_EQ(result.status, status) << result.body << result.error;
    EXPECT_EQ(result.Header("content-type"), "application/problem+json");
    EXPECT_EQ(Body(result)["status"], status) << result.body;
    EXPECT_EQ(LogSize(), log_size) << "a refused request wrote";
  }
  // The JSON `canje --as USER import FILE ... --json` prints, with the file written first.
  json CommandLineImport(const std::string& user, const std::string& file,
                         const std::string& content, std::vector<std::string> args,
                         int exit_status = 0) {
    canje_.WriteFile(file, content);
    args.insert(args.begin(), {"import", file});
    args.push_back("--json");
    RunResult result = As(user, args);
    EXPECT_EQ(result.exit_status, exit_status) << result.err;
    return json::parse(result.out, nullptr, false);
  }

  std::map<std::string, std::string> tokens_;
  std::unique_ptr<ServeProcess> server_;
  std::unique_ptr<HttpTestClient> client_;
};

TEST_F(ServeListsTest, AnImportAnswersAsTheCommandLineAndLandsOnce) {
  const std::string file = SyntheticRoster(40);
  int64_t before = LogSize();
  HttpResult dry = PostList("ven", "kind=custody_roster&source=VEN%20roster&dry_run=true", file);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(LogSize(), before) << "a dry run wrote";
  EXPECT_EQ(Body(dry),
            CommandLineImport("ven", "roster.csv", file,
                              {"--kind", "custody_roster", "--source", "VEN roster", "--dry-run"}));
  EXPECT_EQ(LogSize(), before);

  HttpResult created =
      PostList("ven", "kind=custody_roster&source=VEN%20roster&file_name=roster.csv", file);
  ASSERT_EQ(created.status, 201) << created.body;
  json report = Body(created);
  EXPECT_EQ(report["imported"], 40);
  EXPECT_EQ(report["dry_run"], false);
  EXPECT_EQ(created.Header("location"), "/v1/lists/" + report["list"].get<std::string>());
  EXPECT_EQ(LogSize(), before + 1) << "an import is one event";
  // The list as `canje lists` shows it, submitted by VEN under the name given.
  json lists = json::parse(Ok("ven", {"lists", "--json"}));
  ASSERT_EQ(lists.back()["id"], report["list"]);
  EXPECT_EQ(lists.back()["party"], "VEN");
  EXPECT_EQ(lists.back()["file_name"], "roster.csv");
  EXPECT_EQ(lists.back()["records"], 40);
  EXPECT_EQ(Body(Send("ven", "GET", "/v1/lists")), lists);

  // The same file for the same source again: a conflict, as on the command line, unless again.
  before = LogSize();
  ExpectRefused(PostList("ven", "kind=custody_roster&source=VEN%20roster", file), 409, before);
  json again = CommandLineImport("ven", "roster.csv", file,
                                 {"--kind", "custody_roster", "--source", "VEN roster", "--again"});
  HttpResult again_api = PostList(
      "ven", "kind=custody_roster&source=VEN%20roster&again=true&file_name=roster.csv", file);
  ASSERT_EQ(again_api.status, 201) << again_api.body;
  json answered = Body(again_api);
  // One list after the other: the same report but for the list's id and its event.
  for (json* item : {&again, &answered}) {
    item->erase("list");
    item->erase("event");
  }
  EXPECT_EQ(answered, again);
  EXPECT_EQ(LogSize(), before + 2);
}

TEST_F(ServeListsTest, ABadFileIsRefusedWholeWithEveryRowAtFault) {
  const std::string file = SyntheticRoster(5) + "Q6,Luis,Pérez,1990-02-30,VEN,VEN\n" +
                           "Q7,,,1990,VEN,VEN\n" + "Q8,Luis,Pérez,1990,XYZ,VEN\n";
  int64_t before = LogSize();
  HttpResult refused = PostList("ven", "kind=custody_roster&source=bad&file_name=bad.csv", file);
  ExpectRefused(refused, 422, before);
  json problem = Body(refused);
  EXPECT_EQ(problem["type"], "urn:canje:problem:invalid");
  EXPECT_NE(problem["detail"].get<std::string>().find("bad.csv:7:4"), std::string::npos)
      << problem["detail"];
  // The same rows, columns and reasons as `canje import --json` lists (exit 65).
  json command_line = CommandLineImport("ven", "bad.csv", file,
                                        {"--kind", "custody_roster", "--source", "bad"}, 65);
  EXPECT_EQ(problem["errors"], command_line["errors"]);
  EXPECT_EQ(problem["error_count"], command_line["error_count"]);
  EXPECT_EQ(problem["rows"], 8);
  EXPECT_EQ(problem["rejected"], 3);
  ASSERT_GE(problem["errors"].size(), 3u);
  EXPECT_EQ(problem["errors"][0]["line"], 7);
  EXPECT_EQ(problem["errors"][0]["column"], 4);
  EXPECT_TRUE(problem["errors"][0]["reason"].is_string());
  EXPECT_EQ(LogSize(), before);

  // A dry run finds the same and writes nothing either.
  ExpectRefused(
      PostList("ven", "kind=custody_roster&source=bad&file_name=bad.csv&dry_run=true", file), 422,
      before);
  // skip_invalid: the good rows land, the others are listed in the answer (no file is written
  // on the server).
  HttpResult skipped =
      PostList("ven", "kind=custody_roster&source=bad&file_name=bad.csv&skip_invalid=true", file);
  ASSERT_EQ(skipped.status, 201) << skipped.body;
  EXPECT_EQ(Body(skipped)["imported"], 5);
  EXPECT_EQ(Body(skipped)["errors"], command_line["errors"]);
  EXPECT_EQ(LogSize(), before + 1);

  // A file whose header has no name column: refused as a whole.
  before = LogSize();
  ExpectRefused(PostList("ven", "kind=custody_roster&source=noname", "id,custodio\nQ1,VEN\n"), 422,
                before);
  // JSON, as application/json: the same rules.
  HttpResult json_list =
      PostList("ven", "kind=custody_roster&source=json%20list",
               R"([{"id": "J1", "nombres": "Delfina", "apellidos": "Haro", "custodio": "VEN"},
          {"id": "J2", "nombres": "Gaspar", "apellidos": "Mujica", "custodio": "ZZZ"}])",
               "application/json; charset=utf-8");
  ExpectRefused(json_list, 422, before);
  EXPECT_EQ(Body(json_list)["errors"][0]["json_path"], "$[1].custodio") << json_list.body;
  // A good JSON list lands as the command line lands it.
  const std::string good_json =
      R"([{"id": "J1", "nombres": "Delfina", "apellidos": "Haro", "custodio": "VEN"},
          {"id": "J2", "nombres": "Gaspar", "apellidos": "Mujica", "custodio": "VEN"}])";
  HttpResult landed = PostList("ven", "kind=custody_roster&source=json%20list&file_name=l.json",
                               good_json, "application/json");
  ASSERT_EQ(landed.status, 201) << landed.body;
  json command_line_json = CommandLineImport(
      "ven", "l.json", good_json, {"--kind", "custody_roster", "--source", "json list", "--again"});
  json answered = Body(landed);
  for (json* item : {&command_line_json, &answered}) {
    item->erase("list");
    item->erase("event");
  }
  EXPECT_EQ(answered, command_line_json);
  EXPECT_EQ(json::parse(Ok("ven", {"lists", "--json"})).back()["format"], "json");
  EXPECT_EQ(LogSize(), before + 2);
}

TEST_F(ServeListsTest, BadParametersNameTheParameterAndWriteNothing) {
  const std::string file = SyntheticRoster(3);
  int64_t before = LogSize();
  struct Case {
    std::string query;
    std::string parameter;
  };
  for (const Case& bad :
       std::vector<Case>{{"source=s", "kind"},
                         {"kind=roster&source=s", "kind"},
                         {"kind=custody_roster", "source"},
                         {"kind=custody_roster&source=s&dry_run=yes", "dry_run"},
                         {"kind=custody_roster&source=s&skip_invalid=1", "skip_invalid"},
                         {"kind=custody_roster&source=s&date_order=ymd", "date_order"},
                         {"kind=custody_roster&source=s&file_name=a%2Fb.csv", "file_name"}}) {
    HttpResult result = PostList("ven", bad.query, file);
    ExpectRefused(result, 400, before);
    EXPECT_EQ(Body(result)["parameter"], bad.parameter) << bad.query << ": " << result.body;
  }
  // A body that is not a list file's type: 415.
  HttpResult plain = PostList("ven", "kind=custody_roster&source=s", file, "text/plain");
  ExpectRefused(plain, 415, before);
  EXPECT_EQ(Body(plain)["type"], "urn:canje:problem:unsupported_media_type");
  // A party or holder that does not exist: 404, as on the command line (exit 66).
  ExpectRefused(PostList("med", "kind=claim_list&source=s&party=NOPE", file), 404, before);
  ExpectRefused(PostList("ven", "kind=claim_list&source=s&holder=NOPE", file), 404, before);
}

TEST_F(ServeListsTest, ANegotiatorImportsOnlyItsOwnPartysList) {
  const std::string file = SyntheticRoster(3);
  int64_t before = LogSize();
  // VEN's negotiator for SLV: 403, as `canje --as ven import --party SLV` exits 77.
  ExpectRefused(PostList("ven", "kind=custody_roster&source=s&party=SLV", file), 403, before);
  RunResult command_line =
      As("ven", {"import", "x.csv", "--kind", "custody_roster", "--source", "s", "--party", "SLV"});
  EXPECT_EQ(command_line.exit_status, 77) << command_line.err;
  // An observer imports nothing.
  ExpectRefused(PostList("obs", "kind=custody_roster&source=s", file), 403, before);
  // Its own party's (the default): yes; a claim list of people SLV holds too.
  ASSERT_EQ(PostList("ven", "kind=custody_roster&source=s&party=VEN", file).status, 201);
  HttpResult claim = PostList("ven", "kind=claim_list&source=c&holder=SLV", file);
  ASSERT_EQ(claim.status, 201) << claim.body;
  // The mediator's office may import for any party.
  HttpResult by_mediator = PostList("med", "kind=claim_list&source=m&party=SLV", file);
  ASSERT_EQ(by_mediator.status, 201) << by_mediator.body;
  json lists = json::parse(Ok("med", {"lists", "--json"}));
  EXPECT_EQ(lists.back()["party"], "SLV");
  EXPECT_EQ(LogSize(), before + 3);
}

TEST_F(ServeListsTest, TwentyThousandRowsFitTheRoutesOwnBodyLimitAndNoMore) {
  const std::string file = SyntheticRoster(20000);
  ASSERT_GT(file.size(), size_t{1} << 20) << "larger than the default --body-limit";
  int64_t before = LogSize();
  HttpResult created = PostList("ven", "kind=custody_roster&source=big", file);
  ASSERT_EQ(created.status, 201) << created.body << created.error;
  EXPECT_EQ(Body(created)["imported"], 20000);
  EXPECT_EQ(LogSize(), before + 1);

  // Beyond the route's 32 MiB: 413 before the body is read (the header says how much).
  RawReply beyond = RawExchange(
      server_->port(),
      "POST /v1/lists?kind=custody_roster&source=huge HTTP/1.1\r\n"
      "Host: x\r\nAuthorization: Bearer " +
          tokens_["ven"] + "\r\nContent-Type: text/csv\r\nContent-Length: 40000000\r\n\r\n");
  ASSERT_EQ(beyond.Statuses(), std::vector<int>{413}) << beyond.bytes;
  // Every other route keeps --body-limit (1 MiB).
  RawReply holds =
      RawExchange(server_->port(),
                  "POST /v1/holds HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + tokens_["med"] +
                      "\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n");
  ASSERT_EQ(holds.Statuses(), std::vector<int>{413}) << holds.bytes;
  EXPECT_EQ(LogSize(), before + 1);
}

TEST_F(ServeListsTest, AnImportRetriedWithItsKeyLandsOnce) {
  const std::string file = SyntheticRoster(4);
  int64_t before = LogSize();
  const std::map<std::string, std::string> headers = {{"Content-Type", "text/csv"},
                                                      {"Idempotency-Key", "import-roster-1"}};
  HttpResult first = Send("ven", "POST", "/v1/lists?kind=custody_roster&source=k", file, headers);
  ASSERT_EQ(first.status, 201) << first.body;
  HttpResult retry = Send("ven", "POST", "/v1/lists?kind=custody_roster&source=k", file, headers);
  EXPECT_EQ(retry.status, 201);
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(retry.Header("idempotency-replayed"), "true");
  EXPECT_EQ(LogSize(), before + 1);
}

TEST_F(ServeListsTest, AnAdminAddsPartiesAndUsersAsTheCommandLineDoes) {
  int64_t before = LogSize();
  HttpResult party =
      Send("mediator", "POST", "/v1/parties",
           R"({"code": "ICRC", "name": "Comité Sintético", "kind": "organisation"})");
  ASSERT_EQ(party.status, 201) << party.body;
  // The same JSON as `canje party add --json` (for another party: a code is added once).
  json party_command_line =
      json::parse(Ok("mediator", {"party", "add", "ICRC2", "--name", "Comité Sintético", "--kind",
                                  "organisation", "--json"}));
  party_command_line["code"] = "ICRC";
  EXPECT_EQ(Body(party), party_command_line);
  HttpResult state =
      Send("mediator", "POST", "/v1/parties", R"({"code": "KIR", "name": "Kiribati"})");
  ASSERT_EQ(state.status, 201) << state.body;
  EXPECT_EQ(Body(state)["kind"], "state");
  EXPECT_EQ(LogSize(), before + 3);
  // Every role that reads the registry lists them, as `canje party list --json`.
  json parties = json::parse(Ok("ven", {"party", "list", "--json"}));
  EXPECT_EQ(Body(Send("ven", "GET", "/v1/parties")), parties);
  EXPECT_NE(std::find_if(parties.begin(), parties.end(),
                         [](const json& item) { return item["code"] == "KIR"; }),
            parties.end());

  HttpResult user = Send("mediator", "POST", "/v1/users",
                         R"({"name": "kir", "party": "KIR", "role": "negotiator"})");
  ASSERT_EQ(user.status, 201) << user.body;
  EXPECT_EQ(Body(user), (json{{"name", "kir"}, {"party", "KIR"}, {"role", "negotiator"}}));
  json user_command_line = json::parse(
      Ok("mediator", {"user", "add", "kir2", "--party", "KIR", "--role", "negotiator", "--json"}));
  user_command_line["name"] = "kir";
  EXPECT_EQ(Body(user), user_command_line);
  json users = json::parse(Ok("obs", {"user", "list", "--json"}));
  EXPECT_EQ(Body(Send("obs", "GET", "/v1/users")), users);
  auto added = std::find_if(users.begin(), users.end(),
                            [](const json& item) { return item["name"] == "kir"; });
  ASSERT_NE(added, users.end());
  EXPECT_EQ((*added)["party"], "KIR");
  EXPECT_TRUE((*added)["created_at"].is_string());
  EXPECT_EQ(LogSize(), before + 5);
  // No token, password or other secret in either answer.
  for (const HttpResult& answer : {party, state, user}) {
    EXPECT_EQ(answer.body.find("canje_"), std::string::npos) << answer.body;
  }
}

TEST_F(ServeListsTest, OnlyAnAdminAddsAndBadBodiesSayWhere) {
  int64_t before = LogSize();
  // Users and second factors are an admin's; parties an admin's or a mediator's.
  for (const char* user : {"med", "ven", "obs"}) {
    ExpectRefused(
        Send(user, "POST", "/v1/users", R"({"name": "x", "party": "VEN", "role": "admin"})"), 403,
        before);
    ExpectRefused(Send(user, "POST", "/v1/users/ven/totp"), 403, before);
  }
  for (const char* user : {"ven", "obs"}) {
    ExpectRefused(Send(user, "POST", "/v1/parties", R"({"code": "KIR", "name": "Kiribati"})"), 403,
                  before);
  }
  ASSERT_EQ(Send("med", "POST", "/v1/parties", R"({"code": "KIR", "name": "Kiribati"})").status,
            201);
  before = LogSize();
  struct Case {
    std::string target, body, pointer;
  };
  for (const Case& bad : std::vector<Case>{
           {"/v1/users", R"({"party": "VEN", "role": "observer"})", "/name"},
           {"/v1/users", R"({"name": "x", "party": "VEN"})", "/role"},
           {"/v1/users", R"({"name": "x", "party": 7, "role": "observer"})", "/party"},
           {"/v1/users", R"({"name": "x", "party": "VEN", "role": "observer", "token": "t"})",
            "/token"},
           {"/v1/parties", R"({"code": "KIR"})", "/name"},
           {"/v1/parties", R"({"code": "KIR", "name": "Kiribati", "flag": "x"})", "/flag"},
           {"/v1/parties", R"({"code": "KIR", "name": "Kiribati", "kind": 3})", "/kind"}}) {
    HttpResult result = Send("mediator", "POST", bad.target, bad.body);
    ExpectRefused(result, 400, before);
    EXPECT_EQ(Body(result)["pointer"], bad.pointer) << bad.body << ": " << result.body;
  }
  // The core's own checks, as on the command line.
  ExpectRefused(
      Send("mediator", "POST", "/v1/users", R"({"name": "x", "party": "VEN", "role": "king"})"),
      400, before);
  ExpectRefused(Send("mediator", "POST", "/v1/users",
                     R"({"name": "x", "party": "NOPE", "role": "observer"})"),
                404, before);
  ExpectRefused(Send("mediator", "POST", "/v1/users",
                     R"({"name": "ven", "party": "VEN", "role": "observer"})"),
                409, before);
  ExpectRefused(Send("mediator", "POST", "/v1/parties", R"({"code": "Col", "name": "Kiribati"})"),
                400, before);
  ExpectRefused(Send("mediator", "POST", "/v1/parties", R"({"code": "KIR", "name": "Otra"})"), 409,
                before);
  ExpectRefused(Send("mediator", "POST", "/v1/users/nobody/totp"), 404, before);
}

TEST_F(ServeListsTest, ASecondFactorIsEnrolledAndItsSecretShownOnce) {
  int64_t before = LogSize();
  HttpResult enrolled = Send("mediator", "POST", "/v1/users/ven/totp");
  ASSERT_EQ(enrolled.status, 200) << enrolled.body;
  json enrolment = Body(enrolled);
  EXPECT_EQ(enrolment["user"], "ven");
  EXPECT_EQ(enrolment["uri"].get<std::string>().rfind("otpauth://totp/", 0), 0u) << enrolled.body;
  EXPECT_NE(enrolment["uri"].get<std::string>().find(enrolment["secret"].get<std::string>()),
            std::string::npos);
  EXPECT_EQ(LogSize(), before + 1);
  // The same shape as the command line's; each enrolment a new secret.
  json command_line = json::parse(Ok("mediator", {"user", "totp", "enrol", "ven", "--json"}));
  EXPECT_EQ(command_line["user"], "ven");
  EXPECT_NE(command_line["secret"], enrolment["secret"]);
  // No kept answer could show the secret again: the route takes no Idempotency-Key.
  before = LogSize();
  HttpResult keyed =
      Send("mediator", "POST", "/v1/users/ven/totp", "", {{"Idempotency-Key", "enrol-ven-1"}});
  ExpectRefused(keyed, 400, before);
  EXPECT_EQ(Body(keyed)["header"], "Idempotency-Key");
  // The secret is in no event.
  std::string log = Ok("mediator", {"log", "show", "--limit", "100000", "--json"});
  EXPECT_EQ(log.find(enrolment["secret"].get<std::string>()), std::string::npos);
}

// A token made over HTTP acts as its user at once; it is shown once, never logged, and the
// route takes no Idempotency-Key (a kept answer would hold it).
TEST_F(ServeListsTest, AnAdminGivesAUserATokenShownOnce) {
  int64_t before = LogSize();
  HttpResult created = Send("mediator", "POST", "/v1/users/ven/tokens", R"({"expires_days": 30})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string token = Body(created)["token"];
  EXPECT_EQ(Body(created)["user"], "ven");
  EXPECT_NE(Body(created)["expires_at"], "");
  EXPECT_EQ(LogSize(), before + 1);
  HttpResult whoami = client_->Send("GET", "/v1/whoami", token);
  EXPECT_EQ(Body(whoami)["user"], "ven") << whoami.body;
  EXPECT_EQ(Body(Send("mediator", "POST", "/v1/users/slv/tokens"))["expires_at"], "");

  before = LogSize();
  ExpectRefused(Send("ven", "POST", "/v1/users/ven/tokens"), 403, before);
  ExpectRefused(Send("mediator", "POST", "/v1/users/nobody/tokens"), 404, before);
  ExpectRefused(Send("mediator", "POST", "/v1/users/ven/tokens", R"({"expires_days": "30"})"), 400,
                before);
  HttpResult keyed =
      Send("mediator", "POST", "/v1/users/ven/tokens", "", {{"Idempotency-Key", "token-ven-1"}});
  ExpectRefused(keyed, 400, before);
  EXPECT_EQ(Body(keyed)["header"], "Idempotency-Key");
  std::string log = Ok("mediator", {"log", "show", "--limit", "100000", "--json"});
  EXPECT_EQ(log.find(token), std::string::npos) << "a token is in the log";
}

// Tokens are listed as the command line lists them, and a revoked one stops at once.
TEST_F(ServeListsTest, AnAdminListsAndRevokesTokensAsTheCommandLineDoes) {
  HttpResult created = Send("mediator", "POST", "/v1/users/ven/tokens");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string token = Body(created)["token"];
  const int64_t id = Body(created)["id"];

  HttpResult listed = Send("mediator", "GET", "/v1/tokens?user=ven");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(Body(listed), json::parse(Ok("mediator", {"user", "token", "list", "ven", "--json"})));
  EXPECT_EQ(listed.body.find(token), std::string::npos) << "a listed token shows its secret";

  int64_t before = LogSize();
  ExpectRefused(Send("ven", "GET", "/v1/tokens"), 403, before);
  ExpectRefused(Send("ven", "DELETE", "/v1/tokens/" + std::to_string(id)), 403, before);
  ExpectRefused(Send("mediator", "DELETE", "/v1/tokens/999999"), 404, before);
  ExpectRefused(Send("mediator", "DELETE", "/v1/tokens/seven"), 400, before);
  EXPECT_EQ(client_->Send("GET", "/v1/whoami", token).status, 200);

  HttpResult revoked = Send("mediator", "DELETE", "/v1/tokens/" + std::to_string(id));
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(Body(revoked), (json{{"id", id}, {"revoked", true}, {"changed", true}}));
  EXPECT_EQ(LogSize(), before + 1);
  EXPECT_EQ(client_->Send("GET", "/v1/whoami", token).status, 401);
  HttpResult again = Send("mediator", "DELETE", "/v1/tokens/" + std::to_string(id));
  EXPECT_EQ(Body(again)["changed"], false) << again.body;
  EXPECT_EQ(LogSize(), before + 1);
  json states = Body(Send("mediator", "GET", "/v1/tokens?user=ven"));
  bool found = false;
  for (const json& row : states) {
    if (row["id"] == id) found = row["state"] == "revoked";
  }
  EXPECT_TRUE(found) << states.dump();
}

TEST_F(ServeListsTest, AnExportIsTheCommandLinesBytes) {
  for (const std::string filters :
       {"", "?holder=SLV", "?format=json&nationality=USA", "?list=L1&status=held"}) {
    std::vector<std::string> args = {"export", "persons"};
    if (filters == "?holder=SLV") args.insert(args.end(), {"--holder", "SLV"});
    if (filters == "?format=json&nationality=USA") {
      args.insert(args.end(), {"--format", "json", "--nationality", "USA"});
    }
    if (filters == "?list=L1&status=held") {
      args.insert(args.end(), {"--list", "L1", "--status", "held"});
    }
    HttpResult exported = Send("med", "GET", "/v1/export/persons" + filters);
    ASSERT_EQ(exported.status, 200) << exported.body;
    EXPECT_EQ(exported.Header("content-type"), filters.find("json") != std::string::npos
                                                   ? "application/json"
                                                   : "text/csv; charset=utf-8");
    const std::string command_line = Ok("med", args);
    ASSERT_GT(command_line.size(), 100u) << filters;
    EXPECT_TRUE(exported.body == command_line) << filters << ": the bytes differ";
  }
  // Export is a mediator's or an admin's; a negotiator gets 403, whatever it asks.
  int64_t before = LogSize();
  ExpectRefused(Send("ven", "GET", "/v1/export/persons?holder=VEN"), 403, before);
  ExpectRefused(Send("obs", "GET", "/v1/export/persons"), 403, before);
  HttpResult bad = Send("med", "GET", "/v1/export/persons?format=xlsx");
  ExpectRefused(bad, 400, before);
  EXPECT_EQ(Body(bad)["parameter"], "format");
}

TEST_F(ServeListsTest, AnErasureIsTheCommandLinesAndRefusalsWriteNothing) {
  HttpResult imported =
      PostList("ven", "kind=custody_roster&source=to%20erase", SyntheticRoster(3, "E"));
  ASSERT_EQ(imported.status, 201) << imported.body;
  const std::string list = Body(imported)["list"];
  json persons = json::parse(Ok("med", {"persons", "--list", list, "--json"}));
  ASSERT_EQ(persons.size(), 3u);
  const std::string first = persons[0]["id"], second = persons[1]["id"];

  int64_t before = LogSize();
  // Only mediators and admins erase: 403 before the person is looked at.
  ExpectRefused(Send("ven", "POST", "/v1/persons/" + first + "/erase", R"({"reason": "r"})"), 403,
                before);
  ExpectRefused(Send("ven", "POST", "/v1/persons/P999999/erase", R"({"reason": "r"})"), 403,
                before);
  ExpectRefused(Send("med", "POST", "/v1/persons/P999999/erase", R"({"reason": "r"})"), 404,
                before);
  HttpResult no_reason = Send("med", "POST", "/v1/persons/" + first + "/erase", "{}");
  ExpectRefused(no_reason, 400, before);
  EXPECT_EQ(Body(no_reason)["pointer"], "/reason");
  HttpResult extra =
      Send("med", "POST", "/v1/persons/" + first + "/erase", R"({"reason": "r", "why": "x"})");
  ExpectRefused(extra, 400, before);
  EXPECT_EQ(Body(extra)["pointer"], "/why");
  ExpectRefused(Send("med", "POST", "/v1/persons/X1/erase", R"({"reason": "r"})"), 400, before);

  HttpResult erased = Send("med", "POST", "/v1/persons/" + first + "/erase",
                           R"({"reason": "request of the person"})");
  ASSERT_EQ(erased.status, 200) << erased.body;
  EXPECT_EQ(LogSize(), before + 1);
  json report = Body(erased);
  EXPECT_EQ(report["person"], first);
  // The same shape and counts as `canje person erase --json` for the list's next person.
  json command_line = json::parse(
      Ok("med", {"person", "erase", second, "--reason", "request of the person", "--json"}));
  for (const char* member : {"records", "events"}) {
    EXPECT_EQ(report[member], command_line[member]) << member;
  }
  EXPECT_EQ(report.size(), command_line.size());
  // Erased: its data is gone for everyone; erasing it again is a conflict and writes nothing.
  json shown = Body(Send("med", "GET", "/v1/persons/" + first));
  EXPECT_EQ(shown["erased"], true) << shown;
  EXPECT_EQ(shown.dump().find("Aurelio"), std::string::npos);
  before = LogSize();
  ExpectRefused(Send("med", "POST", "/v1/persons/" + first + "/erase", R"({"reason": "again"})"),
                409, before);
}

}  // namespace
}  // namespace canje::server::testing
