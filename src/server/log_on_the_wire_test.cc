// The log on the wire, end to end with real processes over loopback: `canje serve` serving the
// log as C2SP tlog-tiles, read by Go's golang.org/x/mod/sumdb/tlog tile reader; two
// `canje witness serve` processes cosigning a growing log through canje serve's background
// submitter, one killed with SIGKILL and restarted mid-way, one shown a fork; a witness down
// for a while catching up; and an exchange's witness policy reached and not reached.
// Backend-neutral: runs on SQLite and, in log_on_the_wire_test_postgres, on PostgreSQL.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_test_support.h"
#include "instance/instance.h"
#include "ledger/cosignature.h"
#include "ledger/note_keys.h"
#include "ledger/signed_note.h"
#include "ledger/tiles.h"
#include "server/serve_test_support.h"

namespace canje::server::testing {
namespace {

using nlohmann::json;

class LogOnTheWireTest : public cli::testing::MultiUserTest {
 protected:
  void TearDown() override {
    server_.reset();
    witnesses_.clear();
  }

  // A store with three parties and a mediator.
  void InitSmallStore() {
    canje_.Init();
    canje_.RunOk({"party", "add", "VEN", "--name", "Venezuela"});
    canje_.RunOk({"party", "add", "SLV", "--name", "El Salvador"});
    canje_.RunOk(
        {"party", "add", "PUENTE", "--name", "Mediator (synthetic)", "--kind", "intermediary"});
    canje_.RunOk({"user", "add", "med", "--party", "PUENTE", "--role", "mediator"});
    canje_.RunOk({"user", "add", "ven", "--party", "VEN", "--role", "negotiator"});
  }


  std::string Token(const std::string& user) const {
    return json::parse(canje_.RunOk({"user", "token", "create", user, "--json"}))["token"];
  }

  // `count` events appended in one change through the core, as any command appends them (the
  // store, the master key and a checkpoint signed at the end); only their type is made up.
  void AddEntries(int count) const {
    Result<std::unique_ptr<instance::Instance>> opened =
        instance::Instance::Open({canje_.database(), canje_.Path("canje.db.key").string(), ""});
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    Status added = (*opened)->Change([&](instance::Recorder& recorder) -> Status {
      for (int i = 0; i < count; ++i) {
        CANJE_RETURN_IF_ERROR(recorder.Record("test.entry", {}, {{"n", i}}).status());
      }
      return Status::Ok();
    });
    ASSERT_TRUE(added.ok()) << added.ToString();
  }

  // One small change made by the command line (a new user: one event).
  void GrowByOne() {
    canje_.RunOk(
        {"user", "add", "user" + std::to_string(++grown_), "--party", "VEN", "--role", "observer"});
  }

  void StartServer() {
    server_ = std::make_unique<ServeProcess>(
        canje_, std::vector<std::string>{"--witness-poll-ms", "50", "--witness-retry-max", "1"});
    ASSERT_NE(server_->port(), 0) << server_->error();
  }

  struct Witness {
    std::string state;
    std::string vkey;
    int port = 0;
    std::unique_ptr<ServeProcess> process;
  };

  // Creates the witness `name` (its state folder watches this log) and starts it; its port is
  // kept for restarts.
  Witness& StartWitness(const std::string& name, bool register_it = true) {
    Witness& witness = witnesses_[name];
    if (witness.state.empty()) {
      witness.state = canje_.Path("witness-" + name).string();
      RunResult init = canje_.Run(
          {"witness", "init", "--state", witness.state, "--name", name, "--log-key", LogKey()});
      EXPECT_EQ(init.exit_status, 0) << init.err;
      while (!init.out.empty() && init.out.back() == '\n') init.out.pop_back();
      witness.vkey = init.out;
    }
    Restart(name);
    if (register_it) {
      canje_.RunOk({"witness", "add", witness.vkey,
                    "http://127.0.0.1:" + std::to_string(witness.port), "--party", "VEN"});
    }
    return witness;
  }
  void Restart(const std::string& name) {
    Witness& witness = witnesses_.at(name);
    witness.process.reset();
    witness.process = std::make_unique<ServeProcess>(
        canje_, std::vector<std::string>{}, std::vector<std::string>{},
        std::vector<std::string>{"witness", "serve", "--state", witness.state, "--listen",
                                 "127.0.0.1:" + std::to_string(witness.port)});
    ASSERT_NE(witness.process->port(), 0) << witness.process->error();
    witness.port = witness.process->port();
  }

  std::string LogKey() const {
    std::string key = canje_.RunOk({"log", "vkey"});
    while (!key.empty() && key.back() == '\n') key.pop_back();
    return key;
  }

  // How far each registered witness cosigned, as the log knows it.
  std::map<std::string, int64_t> CosignedSizes() const {
    std::map<std::string, int64_t> sizes;
    for (const json& witness : json::parse(canje_.RunOk({"witness", "list", "--json"}))) {
      sizes[witness["name"]] = witness["cosigned_size"];
    }
    return sizes;
  }

  // The witness's own record: the size in its state file.
  int64_t StateSize(const std::string& name) const {
    std::filesystem::path state = std::filesystem::path(witnesses_.at(name).state) / "state";
    if (!std::filesystem::exists(state)) return 0;
    return std::stoll(canje_.ReadFile(std::filesystem::relative(state, canje_.dir()).string()));
  }

  static bool WaitFor(const std::function<bool()>& condition) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
      if (condition()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return condition();
  }

  // The latest checkpoint note with its cosignature lines, and whether `witness`'s line on it
  // verifies with the witness's key.
  bool CheckpointCosignedBy(const std::string& name) const {
    const std::string note = canje_.RunOk({"log", "checkpoint"});
    Result<ledger::ParsedNote> parsed = ledger::ParseNote(note);
    Result<ledger::VerifierKey> key = ledger::ParseVerifierKey(witnesses_.at(name).vkey);
    if (!parsed.ok() || !key.ok()) return false;
    for (const ledger::NoteSignature& signature : parsed->signatures) {
      if (signature.name != name) continue;
      return ledger::VerifyCosignatureLine(parsed->text, ledger::FormatSignatureLine(signature),
                                           *key)
          .ok();
    }
    return false;
  }

  RunResult BuildGo(const std::string& program) const {
    std::string source = std::string(CANJE_SOURCE_DIR) + "/tests/go/" + program + "/main.go";
    return RunProgram(
        {"go", "build", "-o", program, source}, canje_.dir(),
        {"GO111MODULE=off", "GOPATH=/usr/share/gocode",
         "GOCACHE=" + canje_.Path("gocache").string(), "HOME=" + canje_.dir().string()});
  }

  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(server_->port()) + path;
  }

  std::unique_ptr<ServeProcess> server_;
  std::map<std::string, Witness> witnesses_;
  int grown_ = 0;
};

// ---- Tiles ---------------------------------------------------------------------------------

TEST_F(LogOnTheWireTest, GoTlogReadsEveryEntryAndTheLogsGrowthFromTheTiles) {
  InitSmallStore();
  AddEntries(300);
  canje_.WriteFile("old.checkpoint", canje_.RunOk({"log", "checkpoint"}));
  AddEntries(340);  // 640 entries and more: full and partial tiles at levels 0 and 1
  canje_.WriteFile("log.vkey", LogKey() + "\n");
  const std::string token = Token("ven");
  StartServer();
  RunResult built = BuildGo("tilelog");
  ASSERT_EQ(built.exit_status, 0) << built.err;
  const std::string size = std::to_string(LogSize());
  ASSERT_GT(LogSize(), 640);

  RunResult read = RunProgram({"./tilelog", Url("/log/"), "log.vkey", token, "old.checkpoint"},
                              canje_.dir(), {});
  EXPECT_EQ(read.exit_status, 0) << read.err;
  EXPECT_NE(read.out.find("ok: " + size + " entries included in the tree of size " + size),
            std::string::npos)
      << read.out;
  EXPECT_NE(read.out.find("consistent with the tree of size "), std::string::npos) << read.out;

  // Without a token nothing is served; once the admin opens the log, the public prefix (the
  // SHA-256 of the verifier key) serves the same tiles to anyone holding the key.
  EXPECT_NE(RunProgram({"./tilelog", Url("/log/"), "log.vkey", "-"}, canje_.dir(), {}).exit_status,
            0);
  const json opened = json::parse(canje_.RunOk({"log", "reading", "open", "--json"}));
  ASSERT_EQ(opened["reading"], "open");
  const std::string prefix = opened["public_prefix"];
  RunResult sha =
      RunProgram({"sh", "-c", "printf %s \"$(cat log.vkey)\" | sha256sum"}, canje_.dir(), {});
  EXPECT_EQ(prefix, "/log/public/" + sha.out.substr(0, 64) + "/");
  read =
      RunProgram({"./tilelog", Url(prefix), "log.vkey", "-", "old.checkpoint"}, canje_.dir(), {});
  EXPECT_EQ(read.exit_status, 0) << read.err;

  // And it can fail: another log's key does not open the checkpoint.
  cli::testing::CanjeRunner other;
  other.Init();
  canje_.WriteFile("other.vkey", other.Run({"log", "vkey"}).out);
  EXPECT_NE(RunProgram({"./tilelog", Url(prefix), "other.vkey", "-"}, canje_.dir(), {}).exit_status,
            0);
}

TEST_F(LogOnTheWireTest, ServedTilesAreTheExportedFilesAndOnlyFullOnesAreCachedLong) {
  InitSmallStore();
  AddEntries(520);
  StartServer();
  const std::string token = Token("ven");
  const json exported =
      json::parse(canje_.RunOk({"log", "export-tiles", "--out", "tiles", "--json"}));
  const int64_t size = exported["tree_size"];
  HttpTestClient client(server_->port());
  int compared = 0;
  for (const ledger::Tile& tile : ledger::TilesOfTree(size)) {
    const std::string path = ledger::TilePath(tile);
    HttpResult served = client.Send("GET", "/log/" + path, token);
    ASSERT_EQ(served.status, 200) << path << served.body;
    EXPECT_EQ(served.body, canje_.ReadFile("tiles/" + path)) << path;
    EXPECT_EQ(served.Header("content-type"), "application/octet-stream");
    EXPECT_EQ(served.Header("cache-control"),
              tile.full() ? "private, max-age=31536000, immutable" : "private, no-cache")
        << path;
    if (tile.kind == ledger::TileKind::kHashes) {
      EXPECT_EQ(served.body.size(), static_cast<size_t>(tile.width) * 32) << path;
    }
    ++compared;
  }
  EXPECT_EQ(compared + 1, exported["files"].get<int>());  // and the checkpoint
  HttpResult checkpoint = client.Send("GET", "/log/checkpoint", token);
  EXPECT_EQ(checkpoint.status, 200);
  EXPECT_EQ(checkpoint.body, canje_.ReadFile("tiles/checkpoint"));
  EXPECT_EQ(checkpoint.Header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(checkpoint.Header("cache-control"), "private, no-cache");

  // Beyond the tree: 404; not a tile path: 400 saying the form; no token: 401.
  EXPECT_EQ(client.Send("GET", "/log/tile/0/003", token).status, 404);
  EXPECT_EQ(client.Send("GET", "/log/tile/entries/002.p/99", token).status, 404);
  HttpResult bad = client.Send("GET", "/log/tile/0/3", token);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("three-digit groups"), std::string::npos) << bad.body;
  EXPECT_EQ(client.Send("GET", "/log/tile/0/000").status, 401);
  EXPECT_EQ(client.Send("GET", "/log/checkpoint").status, 401);

  // The public prefix: 404 while the log is closed, for a wrong capability, and after closing.
  const std::string capability =
      json::parse(canje_.RunOk({"log", "reading", "open", "--json"}))["public_prefix"];
  canje_.RunOk({"log", "reading", "token"});
  EXPECT_EQ(client.Send("GET", capability + "checkpoint").status, 404);
  canje_.RunOk({"log", "reading", "open"});
  HttpResult open = client.Send("GET", capability + "tile/0/000");
  EXPECT_EQ(open.status, 200);
  EXPECT_EQ(open.Header("cache-control"), "public, max-age=31536000, immutable");
  std::string wrong = capability;
  wrong[wrong.size() - 2] = wrong[wrong.size() - 2] == '0' ? '1' : '0';
  EXPECT_EQ(client.Send("GET", wrong + "tile/0/000").status, 404);
  // A wrong capability says nothing about the path either: 404 for a path that is not a tile's.
  EXPECT_EQ(client.Send("GET", wrong + "tile/0/3").status, 404);
  EXPECT_EQ(client.Send("GET", capability + "tile/0/3").status, 400);
  // Only the checkpoint and tile paths are public routes; anything else under the prefix is
  // answered as every other request without a token (401), and so is a percent-encoded variant.
  EXPECT_EQ(client.Send("GET", "/log/public/").status, 401);
  EXPECT_EQ(client.Send("GET", capability + "other").status, 401);
  EXPECT_EQ(client.Send("GET", "/log/%70ublic/" + capability.substr(12) + "checkpoint").status,
            401);
  // Only an admin opens or closes it, and refusals change nothing.
  Refused("ven", {"log", "reading", "token"}, 77, "may not decide who may read the log's tiles");
}

// ---- Witnesses -----------------------------------------------------------------------------

TEST_F(LogOnTheWireTest, TheWitnessAnswersAddCheckpointAsTheSpecificationSays) {
  InitSmallStore();
  Witness& witness = StartWitness("w1.example", /*register_it=*/false);
  const std::string note = canje_.RunOk({"log", "checkpoint"});
  const int64_t size = LogSize();
  HttpTestClient client(witness.port);
  auto post = [&](const std::string& body) {
    return client.Send("POST", "/add-checkpoint", "", body);
  };
  // The first: from 0, no proof.
  HttpResult first = post("old 0\n\n" + note);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.body.rfind("\xE2\x80\x94 w1.example ", 0), 0u) << first.body;
  EXPECT_EQ(StateSize("w1.example"), size);
  // The log grows; an old size the witness did not cosign: 409 with its size.
  GrowByOne();
  const std::string grown = canje_.RunOk({"log", "checkpoint"});
  HttpResult mismatch = post("old 1\n\n" + grown);
  EXPECT_EQ(mismatch.status, 409);
  EXPECT_EQ(mismatch.Header("content-type"), "text/x.tlog.size");
  EXPECT_EQ(mismatch.body, std::to_string(size) + "\n");
  // The right old size with a proof that does not verify: 422, nothing cosigned.
  const std::string proof = canje_.RunOk({"log", "prove-consistency", std::to_string(size)});
  std::string bad_proof = proof;
  bad_proof[3] = bad_proof[3] == 'A' ? 'B' : 'A';
  EXPECT_EQ(post("old " + std::to_string(size) + "\n" + bad_proof + "\n" + grown).status, 422);
  EXPECT_EQ(post("old " + std::to_string(size) + "\n\n" + grown).status, 422);  // no proof
  EXPECT_EQ(StateSize("w1.example"), size);
  // Malformed: 400; old larger than the checkpoint: 400; not the log's signature: 403.
  EXPECT_EQ(post("old x\n\n" + grown).status, 400);
  EXPECT_EQ(post("old " + std::to_string(size + 5) + "\n\n" + grown).status, 400);
  std::string unsigned_note = grown;  // another root: still a checkpoint, not the log's
  const size_t root = unsigned_note.find('\n', unsigned_note.find('\n') + 1) + 1;
  unsigned_note[root] = unsigned_note[root] == 'A' ? 'B' : 'A';
  EXPECT_EQ(post("old " + std::to_string(size) + "\n" + proof + "\n" + unsigned_note).status, 403);
  // Another log's checkpoint: 404.
  cli::testing::CanjeRunner other;
  other.Init();
  EXPECT_EQ(post("old 0\n\n" + other.Run({"log", "checkpoint"}).out).status, 404);
  // The right proof: cosigned, saved before the answer.
  HttpResult grew = post("old " + std::to_string(size) + "\n" + proof + "\n" + grown);
  ASSERT_EQ(grew.status, 200) << grew.body;
  EXPECT_EQ(StateSize("w1.example"), size + 1);
  // Other methods and paths.
  EXPECT_EQ(client.Send("GET", "/add-checkpoint").status, 405);
  EXPECT_EQ(client.Send("GET", "/nothing").status, 404);
  HttpResult about = client.Send("GET", "/");
  EXPECT_NE(about.body.find(witness.vkey), std::string::npos);
  // The proof of the right length that did not verify is the one request kept as evidence (a
  // signed checkpoint that does not extend what the witness cosigned): both notes.
  int kept = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(canje_.Path("witness-w1.example/forks"))) {
    kept += entry.path().extension() == ".checkpoint";
  }
  EXPECT_EQ(kept, 2);

  // Over the rate limit: 429 with Retry-After, and nothing is looked at.
  ServeProcess limited(canje_, {}, {},
                       {"witness", "serve", "--state", witness.state, "--listen", "127.0.0.1:0",
                        "--rate", "0.2", "--burst", "2"});
  ASSERT_NE(limited.port(), 0) << limited.error();
  HttpTestClient limited_client(limited.port());
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(limited_client.Send("POST", "/add-checkpoint", "", "old 0\n\n" + grown).status, 409);
  }
  HttpResult refused = limited_client.Send("POST", "/add-checkpoint", "", "old 0\n\n" + grown);
  EXPECT_EQ(refused.status, 429);
  EXPECT_GE(std::stoi(refused.Header("retry-after")), 1);
  // Refused from the header alone: a body announced but never sent is not waited for, and a
  // path the witness does not serve is refused before its body too.
  for (const std::string path : {"/add-checkpoint", "/elsewhere"}) {
    RawReply early = RawExchange(
        limited.port(), "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 60000\r\n\r\n",
        std::chrono::milliseconds(5000));
    EXPECT_EQ(early.Statuses(), std::vector<int>{path == "/elsewhere" ? 404 : 429}) << path;
    EXPECT_TRUE(early.closed) << path;
  }
}

TEST_F(LogOnTheWireTest, TwoWitnessesCosignAGrowingLogAndOneKilledMidWayLosesNothing) {
  InitSmallStore();
  StartWitness("a.example");
  StartWitness("b.example");
  StartServer();
  auto at_latest = [&](const std::string& name) {
    return [this, name] { return CosignedSizes()[name] == LogSize(); };
  };
  ASSERT_TRUE(WaitFor(at_latest("a.example")));
  ASSERT_TRUE(WaitFor(at_latest("b.example")));
  for (int round = 0; round < 3; ++round) {
    GrowByOne();
    ASSERT_TRUE(WaitFor(at_latest("a.example"))) << round;
    ASSERT_TRUE(WaitFor(at_latest("b.example"))) << round;
  }
  // Killed right after changes, while a submission may be in flight, three times over.
  for (int round = 0; round < 3; ++round) {
    GrowByOne();
    std::this_thread::sleep_for(std::chrono::milliseconds(20 * round));
    witnesses_.at("a.example").process->Kill();
    const int64_t on_disk = StateSize("a.example");
    // Every cosignature the log received is covered by the state the witness kept on disk.
    EXPECT_GE(on_disk, CosignedSizes()["a.example"]) << round;
    GrowByOne();
    GrowByOne();
    ASSERT_TRUE(WaitFor(at_latest("b.example"))) << round;
    EXPECT_LT(CosignedSizes()["a.example"], LogSize());
    Restart("a.example");
    EXPECT_GE(StateSize("a.example"), on_disk) << round;  // the restart lost nothing
    ASSERT_TRUE(WaitFor(at_latest("a.example"))) << round;
  }
  EXPECT_TRUE(CheckpointCosignedBy("a.example"));
  EXPECT_TRUE(CheckpointCosignedBy("b.example"));
  // Neither witness cosigned anything but this log: the log extends what each cosigned last.
  for (const std::string name : {"a.example", "b.example"}) {
    RunResult verified = canje_.Run(
        {"log", "verify", "--checkpoint", witnesses_.at(name).state + "/last.checkpoint"});
    EXPECT_EQ(verified.exit_status, 0) << name << ": " << verified.err;
    EXPECT_FALSE(std::filesystem::exists(witnesses_.at(name).state + "/forks")) << name;
  }
}

TEST_F(LogOnTheWireTest, AWitnessShownAForkRefusesItAndKeepsTheEvidence) {
  InitSmallStore();
  Witness& witness = StartWitness("a.example");
  RunResult pushed = canje_.Run({"log", "push"});
  ASSERT_EQ(pushed.exit_status, 0) << pushed.out << pushed.err;
  EXPECT_NE(pushed.out.find("a.example: cosigned size " + std::to_string(LogSize())),
            std::string::npos)
      << pushed.out;
  // A copy of the store that then goes its own way: the same key signs two histories.
  RunResult copied = canje_.Run({"migrate", "--from", canje_.database(), "--to", "fork.db"});
  ASSERT_EQ(copied.exit_status, 0) << copied.err;
  auto on_fork = [&](std::vector<std::string> args) {
    args.insert(args.begin(),
                {"--db", "fork.db", "--master-key", canje_.Path("canje.db.key").string()});
    return canje_.Run(args);
  };
  GrowByOne();
  ASSERT_EQ(canje_.Run({"log", "push"}).exit_status, 0);
  const int64_t honest = LogSize();
  ASSERT_EQ(on_fork({"party", "add", "MEX", "--name", "Mexico"}).exit_status, 0);
  ASSERT_EQ(on_fork({"party", "add", "BRA", "--name", "Brazil"}).exit_status, 0);

  // Larger than what the witness cosigned, but not an extension of it: refused (422).
  RunResult forked = on_fork({"log", "push"});
  EXPECT_EQ(forked.exit_status, 69);
  EXPECT_NE(forked.out.find("answered 422"), std::string::npos) << forked.out;
  EXPECT_NE(forked.out.find("does not extend"), std::string::npos) << forked.out;
  auto evidence = [&] {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(witness.state + "/forks")) {
      files.push_back(entry.path().filename().string());
    }
    return files;
  };
  ASSERT_TRUE(std::filesystem::exists(witness.state + "/forks"));
  EXPECT_EQ(evidence().size(), 2u);
  EXPECT_EQ(StateSize("a.example"), honest);

  // The same size as the witness's with another root: refused too (409), evidence kept.
  GrowByOne();
  ASSERT_EQ(canje_.Run({"log", "push"}).exit_status, 0);
  ASSERT_EQ(json::parse(on_fork({"summary", "--json"}).out)["events"].get<int64_t>(), LogSize());
  forked = on_fork({"log", "push"});
  EXPECT_EQ(forked.exit_status, 69);
  EXPECT_NE(forked.out.find("a fork"), std::string::npos) << forked.out;
  EXPECT_EQ(evidence().size(), 4u);
  // None for the fork: the witness's state is still the honest log's.
  EXPECT_EQ(
      canje_.Run({"log", "verify", "--checkpoint", witness.state + "/last.checkpoint"}).exit_status,
      0);
  EXPECT_EQ(
      on_fork({"log", "verify", "--checkpoint", witness.state + "/last.checkpoint"}).exit_status,
      65);
  const json fork_witnesses = json::parse(on_fork({"witness", "list", "--json"}).out);
  EXPECT_EQ(fork_witnesses[0]["cosigned_size"].get<int64_t>(), honest - 1);
}

TEST_F(LogOnTheWireTest, AWitnessDownForAWhileCatchesUpInOneStep) {
  InitSmallStore();
  StartWitness("c.example");
  StartServer();
  auto caught_up = [this] { return CosignedSizes()["c.example"] == LogSize(); };
  ASSERT_TRUE(WaitFor(caught_up));
  witnesses_.at("c.example").process->Stop();
  for (int i = 0; i < 3; ++i) GrowByOne();
  AddEntries(300);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // a few failed retries
  EXPECT_LT(CosignedSizes()["c.example"], LogSize() - 300);
  Restart("c.example");
  ASSERT_TRUE(WaitFor(caught_up));
  EXPECT_TRUE(CheckpointCosignedBy("c.example"));
  EXPECT_EQ(StateSize("c.example"), LogSize());
}

// ---- The witness policy --------------------------------------------------------------------

TEST_F(LogOnTheWireTest, AgreementAndCompletionAreFinalOnlyOnceThePolicyIsMet) {
  LoadDemoWithUsers({{"med", "PUENTE", "mediator"},
                     {"slv", "SLV", "negotiator"},
                     {"usa", "USA", "negotiator"},
                     {"ven", "VEN", "negotiator"}});
  if (HasFatalFailure()) return;
  for (const std::string name : {"ven.example", "slv.example", "usa.example"}) StartWitness(name);
  const std::vector<std::string> roster = PersonIds({"--list", "L1"});
  const std::vector<std::string> us = PersonIds({"--list", "L2", "--nationality", "USA"});
  ASSERT_FALSE(roster.empty());
  ASSERT_FALSE(us.empty());
  Ok("med", {"exchange", "create", "cecot-2025", "--mediator", "PUENTE"});
  for (auto [party, bloc] : {std::pair{"SLV", "SLV+USA"}, {"USA", "SLV+USA"}, {"VEN", "VEN"}}) {
    Ok("med", {"exchange", "party", "add", "X1", party, "--bloc", bloc});
  }
  Refused("med",
          {"exchange", "witness-policy", "X1", "--threshold", "4", "--witnesses",
           "ven.example,slv.example,usa.example"},
          2, "give 1 to 3");
  Refused("med",
          {"exchange", "witness-policy", "X1", "--threshold", "1", "--witnesses", "nobody.example"},
          66, "no witness nobody.example is registered");
  Refused("ven",
          {"exchange", "witness-policy", "X1", "--threshold", "1", "--witnesses", "ven.example"},
          77, "may not set an exchange's witness policy");
  Ok("med", {"exchange", "witness-policy", "X1", "--threshold", "2", "--witnesses",
             "ven.example,slv.example,usa.example"});

  canje_.WriteFile("v1.csv", "person,from,to\n" + roster[0] + ",SLV,VEN\n" + us[0] + ",VEN,USA\n");
  Ok("med", {"proposal", "create", "X1", "--transfers", "v1.csv"});
  Ok("med", {"proposal", "table", "V1"});
  for (auto [user, party] : {std::pair{"slv", "SLV"}, {"usa", "USA"}, {"ven", "VEN"}}) {
    Ok(user, {"proposal", "accept", "V1", "--party", party});
  }
  Ok("med", {"proposal", "manifest", "V1", "--out", "manifest.json"});
  // (exit 65 until every party's signature is valid; the JSON is printed either way)
  auto finality = [&](const std::string& user) {
    return json::parse(As(user, {"agreement", "verify", "V1", "--json"}).out)["finality"];
  };
  for (auto [user, party] : {std::pair{"slv", "SLV"}, {"usa", "USA"}, {"ven", "VEN"}}) {
    ASSERT_NO_FATAL_FAILURE(SignManifest(user, party));
    if (party != std::string("VEN")) {
      Ok(user, {"agreement", "sign-add", "V1", "--party", party, "--signature",
                std::string(user) + ".sig"});
    }
  }
  // Not every party signed yet: not final, whatever the witnesses did.
  ASSERT_EQ(canje_.Run({"log", "push"}).exit_status, 0);
  EXPECT_FALSE(finality("med")["final"]);
  EXPECT_TRUE(finality("med")["entry"].is_null());
  Ok("ven", {"agreement", "sign-add", "V1", "--party", "VEN", "--signature", "ven.sig"});

  // Signed by all; only VEN's witness is up: one of the two cosignatures needed.
  witnesses_.at("slv.example").process->Stop();
  witnesses_.at("usa.example").process->Stop();
  EXPECT_FALSE(finality("med")["final"]);  // nothing cosigned past the last signature yet
  RunResult pushed = canje_.Run({"log", "push"});
  EXPECT_EQ(pushed.exit_status, 69);
  EXPECT_NE(pushed.out.find("slv.example: not cosigned: unreachable"), std::string::npos)
      << pushed.out;
  json one = finality("ven");
  EXPECT_FALSE(one["final"]);
  EXPECT_NE(one["detail"].get<std::string>().find("cosigned by ven.example (2 of 3"),
            std::string::npos)
      << one["detail"];
  RunResult text = canje_.Run({"agreement", "verify", "V1"});
  EXPECT_NE(text.out.find("Agreement: not final"), std::string::npos) << text.out;

  // SLV's witness comes back: two of three, final.
  Restart("slv.example");
  ASSERT_EQ(canje_.Run({"log", "push"}).exit_status, 69);  // USA's is still down
  json two = finality("slv");
  EXPECT_TRUE(two["final"]) << two.dump();
  text = canje_.Run({"agreement", "verify", "V1"});
  EXPECT_NE(text.out.find("Agreement: final (log entry "), std::string::npos) << text.out;
  json state = json::parse(Ok("ven", {"exchange", "state", "X1", "--json"}));
  EXPECT_TRUE(state["agreement_final"]);
  EXPECT_FALSE(state["completion_final"]);
  EXPECT_EQ(state["witness_policy"]["threshold"], 2);
  // The policy the parties agreed under can no longer be replaced.
  Refused("med",
          {"exchange", "witness-policy", "X1", "--threshold", "1", "--witnesses", "ven.example"},
          75, "can no longer be replaced");

  // Completion: final only once two of them cosigned past the "exchange.completed" entry.
  Ok("med", {"exchange", "advance", "X1", "--to", "verifying"});
  Ok("med", {"exchange", "not-travelling", "X1", roster[0], "--reason", "missing"});
  Ok("med", {"exchange", "not-travelling", "X1", us[0], "--reason", "missing"});
  Ok("med", {"exchange", "advance", "X1", "--to", "executing"});
  Ok("med", {"exchange", "advance", "X1", "--to", "completed"});
  state = json::parse(Ok("med", {"exchange", "state", "X1", "--json"}));
  EXPECT_TRUE(state["agreement_final"]);
  EXPECT_FALSE(state["completion_final"]);
  ASSERT_EQ(canje_.Run({"log", "push"}).exit_status, 69);
  state = json::parse(Ok("med", {"exchange", "state", "X1", "--json"}));
  EXPECT_TRUE(state["completion_final"]) << state.dump();
  EXPECT_EQ(state["completion_finality"]["entry"].get<int64_t>() + 1, LogSize());
  text = canje_.Run({"exchange", "state", "X1"});
  EXPECT_NE(text.out.find("Completion: final"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace canje::server::testing
