// Several `canje serve` processes on one PostgreSQL store behind nginx (docs/operations.md,
// "Several servers on one PostgreSQL"), brought up by scripts/local-deployment: real processes,
// real nginx, real PostgreSQL (the cluster CANJE_TEST_POSTGRES_URL names), loopback only.
// 20 clients write holds through nginx, each with its own API token and an Idempotency-Key on
// every write, and read between writes; the servers are restarted one at a time under that
// load (SIGTERM, then started again: `scripts/local-deployment restart`), and later one server
// is killed with SIGKILL. Then: the log verifies and grew by exactly the holds written, every
// write is there exactly once (and through the rolling restart every write was answered: none
// lost), a session made through one server is accepted by every other, and no two checkpoints
// were signed for one size.
//
// ReplicaTest brings up the same deployment with a synchronous streaming replica
// (`scripts/local-deployment start DIR --replica`): the replica has what the primary wrote; a
// base backup plus the WAL archive restores to a store that verifies and holds what was written
// after the backup; the replica promoted after the primary is lost (SIGKILL-like immediate
// stop) serves the servers, the log verifies and every write acknowledged before is there.
//
// Run by run_with_deployment.sh, which stops the deployment (scripts/local-deployment stop)
// however this program ends; CANJE_DEPLOYMENT_DIR names the folder to bring it up in.
#include <signal.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_test_support.h"
#include "server/serve_test_support.h"

namespace canje::server::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr int kClients = 20;
constexpr int kServers = 3;

std::string ReadWhole(const std::string& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// The deployment of scripts/local-deployment, started in CANJE_DEPLOYMENT_DIR on a database of
// the test cluster (with `replica`: on a cluster of its own with a streaming replica) and
// stopped when this goes out of scope.
class Deployment {
 public:
  explicit Deployment(bool replica = false) {
    const char* folder = std::getenv("CANJE_DEPLOYMENT_DIR");
    dir_ = folder ? folder : "";
    if (dir_.empty()) {
      error_ = "CANJE_DEPLOYMENT_DIR is not set: run this test through run_with_deployment.sh";
      return;
    }
    RunResult started =
        RunProgram({Script(), "start", dir_,
                    replica ? std::string("--replica") : cli::testing::TestPostgresUrl()},
                   "/", {std::string("CANJE=") + Binary()});
    if (started.exit_status != 0) {
      error_ = "scripts/local-deployment start: " + started.err;
      return;
    }
    ReadEnvironment();
    nginx_port_ = std::atoi(vars_["CANJE_DEPLOYMENT_URL"].substr(17).c_str());
    std::istringstream ports(vars_["CANJE_DEPLOYMENT_SERVERS"]);
    for (int port; ports >> port;) server_ports_.push_back(port);
  }
  // DIR/deployment.env, read again (promote changes CANJE_DB).
  void ReadEnvironment() {
    std::istringstream env(ReadWhole(dir_ + "/deployment.env"));
    std::string line;
    while (std::getline(env, line)) {
      // export NAME='VALUE'
      size_t equals = line.find('=');
      if (line.rfind("export ", 0) != 0 || equals == std::string::npos) continue;
      vars_[line.substr(7, equals - 7)] = line.substr(equals + 2, line.size() - equals - 3);
    }
  }
  ~Deployment() {
    if (!dir_.empty()) RunProgram({Script(), "stop", dir_}, "/", {});
  }

  const std::string& error() const { return error_; }
  int nginx_port() const { return nginx_port_; }
  const std::vector<int>& server_ports() const { return server_ports_; }
  const std::string& database() { return vars_["CANJE_DB"]; }
  const std::string& replica_database() { return vars_["CANJE_DEPLOYMENT_REPLICA_DB"]; }
  // The process id of server `n` (1-based), as the script wrote it.
  pid_t ServerPid(int n) const {
    return std::atoi(ReadWhole(dir_ + "/serve-" + std::to_string(n) + ".pid").c_str());
  }
  // How many holds server `n` (1-based) made, from its request log.
  int HoldsMadeBy(int n) const {
    std::istringstream log(ReadWhole(dir_ + "/serve-" + std::to_string(n) + ".log"));
    int made = 0;
    for (std::string line; std::getline(log, line);) {
      made += line.find("\"method\":\"POST\",\"route\":\"/v1/holds\",\"status\":201") !=
              std::string::npos;
    }
    return made;
  }
  // scripts/local-deployment restart DIR n: server `n` stopped with SIGTERM and started again.
  RunResult Restart(int n) { return RunScript({"restart", dir_, std::to_string(n)}); }
  // scripts/local-deployment SUBCOMMAND DIR (promote, backup, restore).
  RunResult Do(const std::string& subcommand) { return RunScript({subcommand, dir_}); }
  // `canje args...` on the deployment's store, with `env` added.
  // With `database`, on that store instead.
  RunResult Canje(const std::vector<std::string>& args, std::vector<std::string> env = {},
                  const std::string& database = "") {
    std::vector<std::string> argv{CANJE_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    env.push_back("CANJE_DB=" + (database.empty() ? vars_["CANJE_DB"] : database));
    env.push_back("CANJE_MASTER_KEY_FILE=" + vars_["CANJE_MASTER_KEY_FILE"]);
    return RunProgram(argv, dir_, env);
  }

 private:
  static std::string Script() { return std::string(CANJE_SOURCE_DIR) + "/scripts/local-deployment"; }
  static std::string Binary() { return CANJE_BINARY; }
  RunResult RunScript(std::vector<std::string> args) {
    args.insert(args.begin(), Script());
    return RunProgram(args, "/", {std::string("CANJE=") + Binary()});
  }

  std::string dir_;
  std::string error_;
  std::map<std::string, std::string> vars_;
  int nginx_port_ = 0;
  std::vector<int> server_ports_;
};

// The tree size a checkpoint note states (its second line).
int64_t NoteSize(const std::string& note) {
  size_t first = note.find('\n');
  if (first == std::string::npos) return -1;
  return std::atoll(note.c_str() + first + 1);
}

// "4869" -> "Hi".
std::string FromHex(const std::string& hex) {
  std::string bytes;
  for (size_t at = 0; at + 1 < hex.size(); at += 2) {
    bytes.push_back(static_cast<char>(std::stoi(hex.substr(at, 2), nullptr, 16)));
  }
  return bytes;
}

// A hold by rule (no person needed), in force from 2026 on, whose reference names the write.
std::string HoldBody(const std::string& reference) {
  return json{{"issuer", "Juzgado Sintético 9"},
              {"reference", reference},
              {"from", "2026-01-01"},
              {"until", "2099-12-31"},
              {"rule", {{"category", "deportee"}}}}
      .dump();
}

// What one client's write became, by its Idempotency-Key.
struct WriteOutcome {
  std::string hold;        // the hold's id from Location ("" when unknown)
  bool answered = false;   // 201, first or replayed
  bool answer_lost = false;  // 409 idempotent_answer_lost: made, answer not kept
  int attempts = 0;
};

// What all clients saw.
struct LoadRecord {
  std::mutex mutex;
  std::map<std::string, WriteOutcome> writes;      // by key
  std::map<int64_t, std::set<std::string>> notes;  // checkpoints served, by size
  std::vector<std::string> failures;               // answers no client should get
};

bool Retryable(const HttpResult& result) {
  return result.status == 0 || result.status == 502 || result.status == 503 ||
         result.status == 504;
}

// One client: holds written through nginx with its own token, each with a new Idempotency-Key
// (`prefix` CLIENT-N), retried with the same key until it gets an answer; the hold read back
// and the checkpoint read between writes.
void RunClient(const std::string& prefix, int client, int port, const std::string& token,
               const std::atomic<bool>& running, std::atomic<int>& writes_done,
               LoadRecord& record) {
  HttpTestClient http(port);
  for (int n = 0; running; ++n) {
    const std::string key = prefix + std::to_string(client) + "-" + std::to_string(n);
    const std::string body = HoldBody(key);
    WriteOutcome outcome;
    for (; outcome.attempts < 20; ++outcome.attempts) {
      // As a client should: a moment's pause before sending again, longer each time.
      if (outcome.attempts > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20 * outcome.attempts));
      }
      HttpResult result = http.Send("POST", "/v1/holds", token, body, {{"Idempotency-Key", key}});
      if (Retryable(result)) continue;
      if (result.status == 409 && result.body.find("conflict") != std::string::npos &&
          result.body.find("idempotent_answer_lost") == std::string::npos) {
        continue;  // the same key still in flight elsewhere: send it again
      }
      if (result.status == 201) {
        outcome.answered = true;
        outcome.hold = result.Header("location").substr(std::string("/v1/holds/").size());
      } else if (result.status == 409 &&
                 result.body.find("idempotent_answer_lost") != std::string::npos) {
        outcome.answer_lost = true;
      } else {
        std::lock_guard lock(record.mutex);
        record.failures.push_back(key + ": " + std::to_string(result.status) + " " + result.body);
      }
      break;
    }
    {
      std::lock_guard lock(record.mutex);
      record.writes[key] = outcome;
    }
    ++writes_done;
    if (!outcome.hold.empty()) {
      HttpResult read;
      for (int attempt = 0; attempt < 20; ++attempt) {
        read = http.Send("GET", "/v1/holds/" + outcome.hold + "?date=2026-06-01", token);
        if (!Retryable(read)) break;
      }
      if (read.status != 200 || read.body.find("\"" + key + "\"") == std::string::npos) {
        std::lock_guard lock(record.mutex);
        record.failures.push_back("reading " + outcome.hold + " for " + key + ": " +
                                  std::to_string(read.status) + " " + read.body);
      }
    }
    if (n % 4 == 0) {
      HttpResult note = http.Send("GET", "/v1/log/checkpoint", token);
      if (note.status == 200) {
        std::lock_guard lock(record.mutex);
        record.notes[NoteSize(note.body)].insert(note.body);
      }
    }
  }
}

// 20 clients writing and reading through nginx while `during` runs (it is given a function
// that waits until a number of writes are done, up to a limit, and the count of writes done);
// then the clients stop.
// `prefix` starts every Idempotency-Key, and so every hold's reference.
struct LoadResult {
  LoadRecord record;
  int64_t size_before = 0;
  int writes_done = 0;
};
using WaitForWrites = std::function<bool(int count, std::chrono::seconds limit)>;

void ApplyLoad(const std::string& prefix, int nginx_port, const std::vector<std::string>& tokens,
               int64_t size_before,
               const std::function<void(const WaitForWrites&, const std::atomic<int>&)>& during,
               LoadResult& result) {
  result.size_before = size_before;
  std::atomic<bool> running{true};
  std::atomic<int> writes_done{0};
  std::vector<std::thread> clients;
  for (size_t client = 0; client < tokens.size(); ++client) {
    clients.emplace_back(RunClient, prefix, static_cast<int>(client), nginx_port, tokens[client],
                         std::cref(running), std::ref(writes_done), std::ref(result.record));
  }
  // Polls until `count` writes are done or `limit` passes.
  WaitForWrites wait_for_writes = [&](int count, std::chrono::seconds limit) {
    const auto deadline = Clock::now() + limit;
    while (writes_done < count && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return writes_done >= count;
  };
  during(wait_for_writes, writes_done);
  running = false;
  for (auto& thread : clients) thread.join();
  result.writes_done = writes_done;
}

// One deployment for the suite: its tests run in order, the last one kills a server.
class MultiServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { deployment_ = new Deployment(); }
  static void TearDownTestSuite() {
    delete deployment_;
    deployment_ = nullptr;
  }
  void SetUp() override {
    ASSERT_TRUE(deployment_->error().empty()) << deployment_->error();
    ASSERT_EQ(deployment_->server_ports().size(), static_cast<size_t>(kServers));
    if (admin_token_.empty()) {
      RunResult token = deployment_->Canje({"user", "token", "create", "admin", "--json"});
      ASSERT_EQ(token.exit_status, 0) << token.err;
      admin_token_ = json::parse(token.out)["token"];
    }
  }

  // The log's size, from the latest checkpoint as server `port` serves it.
  static int64_t LogSize(int port) {
    HttpTestClient http(port);
    HttpResult note = http.Send("GET", "/v1/log/checkpoint", admin_token_);
    EXPECT_EQ(note.status, 200) << note.body;
    return NoteSize(note.body);
  }

  // A user and an API token for each client, made through nginx once for the suite.
  static const std::vector<std::string>& ClientTokens() {
    static std::vector<std::string> tokens;
    if (!tokens.empty()) return tokens;
    HttpTestClient admin(deployment_->nginx_port());
    for (int client = 0; client < kClients; ++client) {
      const std::string name = "client" + std::to_string(client);
      HttpResult user = admin.Send(
          "POST", "/v1/users", admin_token_,
          json{{"name", name}, {"party", "OPERATOR"}, {"role", "admin"}}.dump(),
          {{"Idempotency-Key", "user-" + name}});
      EXPECT_EQ(user.status, 201) << user.body;
      HttpResult token = admin.Send("POST", "/v1/users/" + name + "/tokens", admin_token_);
      EXPECT_EQ(token.status, 201) << token.body;
      if (token.status != 201) break;
      tokens.push_back(json::parse(token.body)["token"]);
    }
    return tokens;
  }

  // Every write of a load has an outcome; every hold whose reference starts with `prefix` is
  // one write's, exactly once; the log grew by exactly those holds and verifies. Without
  // `answers_may_be_lost`, every write must have been answered 201. Returns the writes answered.
  static int CheckExactlyOnce(const std::string& prefix, const LoadResult& load,
                              bool answers_may_be_lost);
  // One checkpoint per size, signed once: every note a client was served is the one stored for
  // its size, and the servers `survivors` (1-based) serve the same latest one.
  static void CheckCheckpoints(const LoadRecord& record, const std::vector<int>& survivors);

  static Deployment* deployment_;
  static std::string admin_token_;
};
Deployment* MultiServerTest::deployment_ = nullptr;
std::string MultiServerTest::admin_token_;

int MultiServerTest::CheckExactlyOnce(const std::string& prefix, const LoadResult& load,
                                      bool answers_may_be_lost) {
  const LoadRecord& record = load.record;
  for (const auto& failure : record.failures) ADD_FAILURE() << failure;
  int answered = 0, lost = 0, retried = 0;
  for (const auto& [key, outcome] : record.writes) {
    retried += outcome.attempts > 0;
    if (answers_may_be_lost) {
      EXPECT_TRUE(outcome.answered || outcome.answer_lost)
          << key << " got no answer in " << outcome.attempts << " attempts";
    } else {
      EXPECT_TRUE(outcome.answered) << key << " was not answered 201 in " << outcome.attempts
                                    << " attempts" << (outcome.answer_lost ? " (answer lost)" : "");
    }
    answered += outcome.answered;
    lost += outcome.answer_lost;
  }
  RunResult listed = deployment_->Canje({"hold", "list", "--on", "2026-06-01", "--json"});
  EXPECT_EQ(listed.exit_status, 0) << listed.err;
  if (listed.exit_status != 0) return answered;
  std::map<std::string, std::vector<std::string>> holds_by_reference;
  for (const auto& hold : json::parse(listed.out)) {
    // The holds of the other tests are not this load's.
    if (hold["reference"].get<std::string>().rfind(prefix, 0) != 0) continue;
    holds_by_reference[hold["reference"]].push_back(hold["id"]);
  }
  for (const auto& [reference, ids] : holds_by_reference) {
    EXPECT_EQ(ids.size(), 1u) << reference << " is in the store " << ids.size() << " times";
    auto write = record.writes.find(reference);
    if (write == record.writes.end()) {
      ADD_FAILURE() << reference << " is in the store, written by no one";
      continue;
    }
    if (write->second.answered) {
      EXPECT_EQ(write->second.hold, ids[0]) << reference;
    }
  }
  for (const auto& [key, outcome] : record.writes) {
    EXPECT_EQ(holds_by_reference.count(key), 1u) << key << " was answered but is not in the store";
  }
  EXPECT_EQ(holds_by_reference.size(), static_cast<size_t>(answered + lost));
  std::cout << prefix << ": " << record.writes.size() << " writes (" << retried << " sent again, "
            << lost << " answers lost)\n";
  // The log holds exactly those writes, and verifies.
  const int64_t size_after = LogSize(deployment_->server_ports()[0]);
  EXPECT_EQ(size_after - load.size_before, static_cast<int64_t>(holds_by_reference.size()));
  RunResult verified = deployment_->Canje({"log", "verify"});
  EXPECT_EQ(verified.exit_status, 0) << verified.out << verified.err;
  return answered;
}

void MultiServerTest::CheckCheckpoints(const LoadRecord& record,
                                       const std::vector<int>& survivors) {
  const int64_t size_after = LogSize(deployment_->server_ports()[survivors[0] - 1]);
  RunResult stored = cli::testing::RunPsql(
      deployment_->database(),
      "SELECT size || ' ' || encode(convert_to(note, 'UTF8'), 'hex') FROM checkpoints");
  ASSERT_EQ(stored.exit_status, 0) << stored.err;
  std::map<int64_t, std::string> stored_notes;
  {
    std::istringstream rows(stored.out);
    int64_t size;
    std::string hex;
    while (rows >> size >> hex) stored_notes[size] = FromHex(hex);
  }
  RunResult sizes = cli::testing::RunPsql(
      deployment_->database(), "SELECT count(*) || ' ' || count(DISTINCT size) || ' ' || max(size) FROM checkpoints");
  ASSERT_EQ(sizes.exit_status, 0) << sizes.err;
  EXPECT_EQ(sizes.out, std::to_string(stored_notes.size()) + " " +
                           std::to_string(stored_notes.size()) + " " + std::to_string(size_after) +
                           "\n");
  for (const auto& [size, notes] : record.notes) {
    for (const auto& note : notes) {
      EXPECT_EQ(note, stored_notes[size]) << "a checkpoint served for size " << size
                                          << " is not the one stored for it";
    }
  }
  std::set<std::string> latest;
  for (int n : survivors) {
    HttpTestClient http(deployment_->server_ports()[n - 1]);
    latest.insert(http.Send("GET", "/v1/log/checkpoint", admin_token_).body);
  }
  EXPECT_EQ(latest, std::set<std::string>{stored_notes[size_after]})
      << "the surviving servers do not serve the latest stored checkpoint";
}

TEST_F(MultiServerTest, ASessionMadeThroughOneServerIsAcceptedByEveryOther) {
  const std::string password = "a synthetic passphrase for the test";
  ASSERT_EQ(deployment_->Canje({"user", "password", "set", "admin"}, {"CANJE_PASSWORD=" + password})
                .exit_status,
            0);
  RunResult enrolled = deployment_->Canje({"--json", "user", "totp", "enrol", "admin"});
  ASSERT_EQ(enrolled.exit_status, 0) << enrolled.err;
  RunResult code = RunProgram({"python3", std::string(CANJE_SOURCE_DIR) + "/scripts/totp-code",
                               json::parse(enrolled.out)["secret"]},
                              "/", {});
  ASSERT_EQ(code.exit_status, 0) << code.err;

  HttpTestClient nginx(deployment_->nginx_port());
  HttpResult signed_in = nginx.Send(
      "POST", "/v1/session", "",
      json{{"name", "admin"}, {"password", password}, {"code", code.out.substr(0, 6)}}.dump());
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  const std::string set_cookie = signed_in.Header("set-cookie");
  const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  ASSERT_EQ(cookie.rfind("canje_session=", 0), 0u) << set_cookie;
  const json session = json::parse(signed_in.body);
  const std::string csrf = session.at("csrf_token");

  // Every server directly: the session is known, and writes with it are accepted.
  for (size_t n = 0; n < deployment_->server_ports().size(); ++n) {
    HttpTestClient server(deployment_->server_ports()[n]);
    HttpResult mine = server.Send("GET", "/v1/session", "", "", {{"Cookie", cookie}});
    ASSERT_EQ(mine.status, 200) << "server " << n + 1 << ": " << mine.body;
    EXPECT_EQ(json::parse(mine.body).at("session"), session.at("session")) << "server " << n + 1;
    const std::string reference = "session-" + std::to_string(n + 1);
    HttpResult hold = server.Send("POST", "/v1/holds", "", HoldBody(reference),
                                  {{"Cookie", cookie}, {"X-CSRF-Token", csrf},
                                   {"Idempotency-Key", reference}});
    EXPECT_EQ(hold.status, 201) << "server " << n + 1 << ": " << hold.body;
  }
  // Signed out through nginx: no server accepts the cookie any more.
  HttpResult out = nginx.Send("DELETE", "/v1/session", "", "",
                              {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(out.status / 100, 2) << out.body;
  for (int port : deployment_->server_ports()) {
    HttpTestClient server(port);
    EXPECT_EQ(server.Send("GET", "/v1/whoami", "", "", {{"Cookie", cookie}}).status, 401) << port;
  }
}

TEST_F(MultiServerTest, AKeyUsedOnOneServerIsReplayedByAnother) {
  const std::vector<int>& ports = deployment_->server_ports();
  const int64_t size_before = LogSize(ports[0]);
  HttpTestClient first(ports[0]);
  HttpResult made = first.Send("POST", "/v1/holds", admin_token_, HoldBody("replayed"),
                               {{"Idempotency-Key", "replayed-1"}});
  ASSERT_EQ(made.status, 201) << made.body;
  for (size_t n = 1; n < ports.size(); ++n) {
    HttpTestClient other(ports[n]);
    HttpResult again = other.Send("POST", "/v1/holds", admin_token_, HoldBody("replayed"),
                                  {{"Idempotency-Key", "replayed-1"}});
    EXPECT_EQ(again.status, 201) << again.body;
    EXPECT_EQ(again.Header("idempotency-replayed"), "true") << "server " << n + 1;
    EXPECT_EQ(again.Header("location"), made.Header("location")) << "server " << n + 1;
    EXPECT_EQ(again.body, made.body) << "server " << n + 1;
  }
  EXPECT_EQ(LogSize(ports[2]), size_before + 1);
}

// The same key sent to two servers at the same moment, again and again: each time one change,
// and both answers are that change's (201, the second replayed) — never "answer lost" because
// the second looked while the first was still answering.
TEST_F(MultiServerTest, OneKeySentToTwoServersAtOnceMakesOneChange) {
  const std::vector<int>& ports = deployment_->server_ports();
  const int64_t size_before = LogSize(ports[0]);
  constexpr int kKeys = 40;
  std::map<std::string, std::vector<HttpResult>> answers;
  for (int k = 0; k < kKeys; ++k) {
    const std::string key = "race-" + std::to_string(k);
    std::vector<HttpResult> results(2);
    std::atomic<int> ready{0};
    std::vector<std::thread> senders;
    for (int side = 0; side < 2; ++side) {
      senders.emplace_back([&, side] {
        HttpTestClient http(ports[side * 2]);
        http.Send("GET", "/healthz");  // connected before the race starts
        ++ready;
        while (ready < 2) std::this_thread::yield();
        results[side] =
            http.Send("POST", "/v1/holds", admin_token_, HoldBody(key), {{"Idempotency-Key", key}});
      });
    }
    for (auto& thread : senders) thread.join();
    answers[key] = results;
  }
  RunResult listed = deployment_->Canje({"hold", "list", "--on", "2026-06-01", "--json"});
  ASSERT_EQ(listed.exit_status, 0) << listed.err;
  std::map<std::string, int> holds;
  for (const auto& hold : json::parse(listed.out)) ++holds[hold["reference"].get<std::string>()];
  for (const auto& [key, results] : answers) {
    EXPECT_EQ(holds[key], 1) << key;
    int replayed = 0;
    for (const HttpResult& result : results) {
      EXPECT_EQ(result.status, 201) << key << ": " << result.body;
      replayed += result.Header("idempotency-replayed") == "true";
    }
    EXPECT_EQ(replayed, 1) << key;
    EXPECT_EQ(results[0].Header("location"), results[1].Header("location")) << key;
  }
  EXPECT_EQ(LogSize(ports[2]), size_before + kKeys);
}

TEST_F(MultiServerTest, ClientsLoseNothingWhileTheServersRestartOneAtATime) {
  const std::vector<std::string>& tokens = ClientTokens();
  ASSERT_EQ(tokens.size(), static_cast<size_t>(kClients));
  LoadResult load;
  std::vector<std::string> restart_errors;
  ApplyLoad("rolling-", deployment_->nginx_port(), tokens, LogSize(deployment_->nginx_port()),
            [&](const WaitForWrites& wait_for_writes, const std::atomic<int>& writes_done) {
              int target = 60;
              for (int n = 1; n <= kServers; ++n) {
                // Load before each restart, and writes answered while the server is away.
                if (!wait_for_writes(target, std::chrono::seconds(20))) {
                  restart_errors.push_back("fewer than " + std::to_string(target) +
                                           " writes before restarting server " +
                                           std::to_string(n));
                }
                RunResult restarted = deployment_->Restart(n);
                if (restarted.exit_status != 0) restart_errors.push_back(restarted.err);
                // nginx sends writes to it again (after its fail_timeout) before the next one
                // goes: a rolling restart takes one server away at a time.
                const int made_before = deployment_->HoldsMadeBy(n);
                const auto deadline = Clock::now() + std::chrono::seconds(20);
                while (deployment_->HoldsMadeBy(n) == made_before && Clock::now() < deadline) {
                  std::this_thread::sleep_for(std::chrono::milliseconds(50));
                }
                if (deployment_->HoldsMadeBy(n) == made_before) {
                  restart_errors.push_back("nginx sent no write to server " + std::to_string(n) +
                                           " in the 20 s after its restart");
                }
                target = writes_done + 60;
              }
              wait_for_writes(target, std::chrono::seconds(20));
            },
            load);
  for (const auto& error : restart_errors) ADD_FAILURE() << error;
  // Every write answered 201 (first or replayed): a graceful stop loses no answer.
  const int answered = CheckExactlyOnce("rolling-", load, /*answers_may_be_lost=*/false);
  EXPECT_GE(answered, 3 * 60);
  for (int n = 1; n <= kServers; ++n) {
    EXPECT_EQ(deployment_->Canje({"log", "verify"}).exit_status, 0);
    HttpTestClient direct(deployment_->server_ports()[n - 1]);
    EXPECT_EQ(direct.Send("GET", "/v1/whoami", admin_token_).status, 200)
        << "server " << n << " is not back on its port";
  }
}

TEST_F(MultiServerTest, ClientsWriteExactlyOnceThroughNginxWhileAServerIsKilled) {
  const std::vector<std::string>& tokens = ClientTokens();
  ASSERT_EQ(tokens.size(), static_cast<size_t>(kClients));
  LoadResult load;
  bool loaded = false, answered_after = false;
  int at_kill = 0;
  ApplyLoad("load-", deployment_->nginx_port(), tokens, LogSize(deployment_->nginx_port()),
            [&](const WaitForWrites& wait_for_writes, const std::atomic<int>& writes_done) {
              loaded = wait_for_writes(100, std::chrono::seconds(20));
              // Server 2 dies with requests in flight: no chance to finish a transaction or
              // keep an answer.
              const pid_t victim = deployment_->ServerPid(2);
              if (victim > 0) kill(victim, SIGKILL);
              at_kill = writes_done;
              answered_after = wait_for_writes(at_kill + 200, std::chrono::seconds(20));
            },
            load);
  ASSERT_TRUE(loaded) << "fewer than 100 writes in 20 s before the kill: " << load.writes_done;
  EXPECT_TRUE(answered_after) << "the other servers answered only "
                              << load.writes_done - at_kill
                              << " writes in the 20 s after the kill";
  CheckExactlyOnce("load-", load, /*answers_may_be_lost=*/true);
  std::cout << load.writes_done - at_kill << " writes after the kill\n";
  // nginx spread them over the three servers.
  for (int n = 1; n <= kServers; ++n) {
    EXPECT_GT(deployment_->HoldsMadeBy(n), 0) << "server " << n << " made no hold";
  }
  CheckCheckpoints(load.record, /*survivors=*/{1, 3});
}

// The number of holds in the store at `url` (psql, so that a read-only replica can be asked).
int HoldCount(const std::string& url) {
  RunResult counted = cli::testing::RunPsql(url, "SELECT count(*) FROM legal_holds");
  return counted.exit_status == 0 ? std::atoi(counted.out.c_str()) : -1;
}

// Waits (up to a minute) until `condition` holds.
bool Eventually(const std::function<bool()>& condition) {
  for (int i = 0; i < 600; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return condition();
}

class ReplicaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(deployment_.error().empty()) << deployment_.error();
    RunResult token = deployment_.Canje({"user", "token", "create", "admin", "--json"});
    ASSERT_EQ(token.exit_status, 0) << token.err;
    token_ = json::parse(token.out)["token"];
  }
  // `count` holds written through nginx, references PREFIX0, PREFIX1, ...: each must be
  // acknowledged (201).
  void Write(const std::string& prefix, int count) {
    HttpTestClient nginx(deployment_.nginx_port());
    for (int i = 0; i < count; ++i) {
      const std::string key = prefix + std::to_string(i);
      HttpResult made = nginx.Send("POST", "/v1/holds", token_, HoldBody(key),
                                   {{"Idempotency-Key", key}});
      ASSERT_EQ(made.status, 201) << key << ": " << made.body;
      acknowledged_.push_back(key);
    }
  }
  // Every acknowledged hold is in the store at `database` exactly once, and its log verifies.
  void ExpectEverythingAcknowledgedIn(const std::string& database, const std::string& what) {
    RunResult listed =
        deployment_.Canje({"hold", "list", "--on", "2026-06-01", "--json"}, {}, database);
    ASSERT_EQ(listed.exit_status, 0) << what << ": " << listed.err;
    std::map<std::string, int> holds;
    for (const auto& hold : json::parse(listed.out)) ++holds[hold["reference"].get<std::string>()];
    for (const std::string& key : acknowledged_) {
      EXPECT_EQ(holds[key], 1) << what << ": " << key << " was acknowledged";
    }
    RunResult verified = deployment_.Canje({"log", "verify"}, {}, database);
    EXPECT_EQ(verified.exit_status, 0) << what << ": " << verified.out << verified.err;
  }

  Deployment deployment_{/*replica=*/true};
  std::string token_;
  std::vector<std::string> acknowledged_;
};

TEST_F(ReplicaTest, TheReplicaFollowsTakesOverLosingNothingAndABackupRestores) {
  const std::string primary = deployment_.database();
  const std::string replica = deployment_.replica_database();
  ASSERT_FALSE(replica.empty());
  // The replica is synchronous: a commit is acknowledged once the replica has its WAL.
  RunResult state = cli::testing::RunPsql(
      primary, "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'canje_replica'");
  ASSERT_EQ(state.exit_status, 0) << state.err;
  EXPECT_EQ(state.out, "sync\n");

  Write("before-backup-", 10);
  EXPECT_TRUE(Eventually([&] { return HoldCount(replica) == HoldCount(primary); }))
      << "the replica has " << HoldCount(replica) << " holds, the primary " << HoldCount(primary);
  EXPECT_EQ(HoldCount(replica), 10);

  // A base backup, more writes, then a restore from the backup and the WAL archive: it has the
  // writes made after the backup too.
  RunResult backup = deployment_.Do("backup");
  ASSERT_EQ(backup.exit_status, 0) << backup.err;
  Write("after-backup-", 10);
  RunResult restored = deployment_.Do("restore");
  ASSERT_EQ(restored.exit_status, 0) << restored.err;
  const std::string restored_database = restored.out.substr(0, restored.out.find('\n'));
  EXPECT_EQ(HoldCount(restored_database), 20);
  ExpectEverythingAcknowledgedIn(restored_database, "the restored store");

  // The primary is lost right after acknowledging writes; the replica takes over.
  Write("before-switch-", 10);
  RunResult promoted = deployment_.Do("promote");
  ASSERT_EQ(promoted.exit_status, 0) << promoted.err;
  deployment_.ReadEnvironment();
  ASSERT_EQ(deployment_.database(), replica) << "the servers were not pointed at the replica";
  for (int port : deployment_.server_ports()) {
    HttpTestClient direct(port);
    EXPECT_EQ(direct.Send("GET", "/v1/whoami", token_).status, 200) << "server on " << port;
  }
  Write("after-switch-", 5);
  ExpectEverythingAcknowledgedIn(replica, "the promoted replica");
  EXPECT_EQ(HoldCount(replica), 35);
}

// Back-pressure on the real binary: `canje serve --threads 2 --max-queue 2` on a store of its
// own, its holds table locked (LOCK TABLE in an open psql transaction), so that every write of
// a hold waits. Two writes are sent and seen waiting on the lock (both workers busy); then six
// more at once: two fit in the line, four are answered 503 with Retry-After at once. Once the
// lock is released the four admitted are answered 201, and no refused write is in the store.
TEST(BackPressureTest, ASaturatedServerRefusesTheExcessWritesAndMakesNoneOfThem) {
  cli::testing::CanjeRunner canje;
  canje.Init();
  const std::string token = CreateApiToken(canje, "admin");
  ServeProcess server(canje, {"--threads", "2", "--max-queue", "2"});
  ASSERT_NE(server.port(), 0) << server.error();
  auto count = [&](const std::string& sql) {
    return std::atoi(cli::testing::RunPsql(canje.database(), sql).out.c_str());
  };
  FILE* lock = popen(("psql -X -q -v ON_ERROR_STOP=1 -d '" + canje.database() + "' >/dev/null")
                         .c_str(),
                     "w");
  ASSERT_NE(lock, nullptr);
  fputs("BEGIN; LOCK TABLE legal_holds IN ACCESS EXCLUSIVE MODE;\n", lock);
  fflush(lock);
  ASSERT_TRUE(Eventually([&] {
    return count("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE "
                 "c.relname = 'legal_holds' AND l.mode = 'AccessExclusiveLock' AND l.granted") == 1;
  }));

  constexpr int kWrites = 8;
  std::vector<HttpResult> answers(kWrites);
  std::atomic<int> answered{0};
  std::vector<std::thread> writers;
  auto send = [&](int i) {
    writers.emplace_back([&, i] {
      const std::string key = "pressure-" + std::to_string(i);
      HttpTestClient http(server.port());
      answers[i] = http.Send("POST", "/v1/holds", token, HoldBody(key), {{"Idempotency-Key", key}});
      ++answered;
    });
  };
  send(0);
  send(1);
  const std::string waiting_on_lock =
      "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = "
      "current_database()";
  ASSERT_TRUE(Eventually([&] { return count(waiting_on_lock) == 2; })) << count(waiting_on_lock);
  for (int i = 2; i < kWrites; ++i) send(i);
  // Four refused at once; the other four are still waiting.
  EXPECT_TRUE(Eventually([&] { return answered == 4; })) << answered;
  std::set<std::string> refused;
  for (int i = 0; i < kWrites; ++i) {
    if (answers[i].status != 503) continue;
    refused.insert("pressure-" + std::to_string(i));
    EXPECT_EQ(answers[i].Header("retry-after"), "1");
    EXPECT_NE(answers[i].body.find("urn:canje:problem:unavailable"), std::string::npos)
        << answers[i].body;
  }
  EXPECT_EQ(refused.size(), 4u);
  EXPECT_EQ(answered, 4) << "a write that should wait was answered";
  fputs("COMMIT;\n", lock);
  pclose(lock);
  for (auto& thread : writers) thread.join();
  int made = 0;
  for (const HttpResult& answer : answers) made += answer.status == 201;
  EXPECT_EQ(made, 4) << "the two handled and the two waiting are made";
  RunResult listed = canje.Run({"hold", "list", "--on", "2026-06-01", "--json"});
  ASSERT_EQ(listed.exit_status, 0) << listed.err;
  int stored = 0;
  for (const auto& hold : json::parse(listed.out)) {
    EXPECT_EQ(refused.count(hold["reference"].get<std::string>()), 0u)
        << hold["reference"] << " was refused, yet made";
    ++stored;
  }
  EXPECT_EQ(stored, made);
}

}  // namespace
}  // namespace canje::server::testing
