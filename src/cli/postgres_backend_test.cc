// The store under concurrent writers, a database that goes away, and `canje migrate` between
// backends. The concurrency test runs on whichever backend the suite runs on; the others need
// the PostgreSQL test cluster (CANJE_TEST_BACKEND=postgres, see cli_test_support.h).
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "cli/cli_test_support.h"

namespace canje::cli::testing {
namespace {

nlohmann::json VerifiedLog(const CanjeRunner& canje, const std::vector<std::string>& store_args) {
  std::vector<std::string> args = store_args;
  args.insert(args.end(), {"log", "verify", "--json"});
  RunResult verified = canje.Run(args);
  EXPECT_EQ(verified.exit_status, 0) << verified.err;
  if (verified.exit_status != 0) return nlohmann::json::object();
  return nlohmann::json::parse(verified.out);
}

TEST(ConcurrentWritersTest, FourProcessesAppendingAtOnceLeaveAnExactVerifiableLog) {
  CanjeRunner canje;
  canje.Init();
  const int64_t before = VerifiedLog(canje, {})["entries"].get<int64_t>();
  constexpr int kProcesses = 4;
  constexpr int kEach = 20;
  std::vector<std::thread> writers;
  std::vector<int> failures(kProcesses, 0);
  std::vector<std::string> last_error(kProcesses);
  for (int p = 0; p < kProcesses; ++p) {
    writers.emplace_back([&, p] {
      for (int i = 0; i < kEach; ++i) {
        RunResult added =
            canje.Run({"user", "add", "writer" + std::to_string(p) + "x" + std::to_string(i),
                       "--party", "OPERATOR", "--role", "observer"});
        if (added.exit_status != 0) {
          ++failures[p];
          last_error[p] = added.err;
        }
      }
    });
  }
  for (auto& writer : writers) writer.join();
  for (int p = 0; p < kProcesses; ++p) EXPECT_EQ(failures[p], 0) << last_error[p];
  nlohmann::json report = VerifiedLog(canje, {});
  EXPECT_EQ(report["entries"], before + kProcesses * kEach);
  EXPECT_EQ(report["checkpoints"], before + kProcesses * kEach);  // one per change, all valid
  RunResult users = canje.Run({"user", "list", "--json"});
  ASSERT_EQ(users.exit_status, 0) << users.err;
  EXPECT_EQ(nlohmann::json::parse(users.out).size(), 1u + kProcesses * kEach);
  if (canje.on_postgres()) {
    RunResult sequence = RunPsql(canje.database(),
                                 "SELECT count(*), count(DISTINCT seq), min(seq), max(seq) "
                                 "FROM events");
    ASSERT_EQ(sequence.exit_status, 0) << sequence.err;
    int64_t n = before + kProcesses * kEach;
    EXPECT_EQ(sequence.out,
              std::to_string(n) + "|" + std::to_string(n) + "|0|" + std::to_string(n - 1) + "\n");
  }
}

class PostgresOnlyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!TestsUsePostgres()) GTEST_SKIP() << "needs the PostgreSQL test cluster";
  }
};

TEST_F(PostgresOnlyTest, TamperingWithTheDatabaseIsCaughtAndTheEntryNamed) {
  CanjeRunner canje;
  canje.Init();
  ASSERT_EQ(canje.Run({"party", "add", "VEN", "--name", "Venezuela"}).exit_status, 0);
  ASSERT_EQ(canje.Run({"party", "add", "SLV", "--name", "El Salvador"}).exit_status, 0);
  ASSERT_EQ(
      RunPsql(canje.database(), "UPDATE events SET actor = 'mallory' WHERE seq = 1").exit_status,
      0);
  RunResult verified = canje.Run({"log", "verify"});
  EXPECT_EQ(verified.exit_status, 65) << verified.out;
  EXPECT_NE(verified.err.find("entry 1"), std::string::npos) << verified.err;
}

// A cluster of its own, so that stopping it disturbs no other test.
class PrivateCluster {
 public:
  PrivateCluster() {
    std::string pattern = (std::filesystem::temp_directory_path() / "canje-pg-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
    RunResult started = Script("start");
    EXPECT_EQ(started.exit_status, 0) << started.err;
    url_ = started.out.substr(0, started.out.find('\n'));
  }
  ~PrivateCluster() { Script("stop"); }
  RunResult Script(const std::string& command) const {
    return RunProgram(
        {std::string(CANJE_SOURCE_DIR) + "/scripts/postgres-test-cluster", command, dir_.string()},
        std::filesystem::temp_directory_path(), {});
  }
  std::string NewDatabase(const std::string& name) const {
    EXPECT_EQ(RunPsql(url_, "CREATE DATABASE " + name).exit_status, 0);
    return PostgresUrlForDatabase(url_, name);
  }

 private:
  std::filesystem::path dir_;
  std::string url_;
};

TEST_F(PostgresOnlyTest, ADatabaseStoppedMidCommandIsUnavailableAndNothingIsHalfWritten) {
  PrivateCluster cluster;
  CanjeRunner canje;
  std::string db = cluster.NewDatabase("stopped");
  std::vector<std::string> store = {"--db", db, "--master-key", canje.Path("stopped.key")};
  auto with_store = [&](std::vector<std::string> args) {
    args.insert(args.begin(), store.begin(), store.end());
    return args;
  };
  // The demo appends its twenty changes one transaction at a time: stop the server once a few
  // have landed, with an immediate (crash-like) shutdown.
  RunResult demo;
  std::thread running([&] { demo = canje.Run(with_store({"demo"})); });
  for (int wait = 0; wait < 3000; ++wait) {
    RunResult count = RunPsql(db, "SELECT count(*) FROM events");
    if (count.exit_status == 0 && std::atoi(count.out.c_str()) >= 3) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_EQ(cluster.Script("pause").exit_status, 0);
  running.join();
  EXPECT_EQ(demo.exit_status, 69) << demo.err;
  EXPECT_NE(demo.err.find("unavailable"), std::string::npos) << demo.err;

  RunResult refused = canje.Run(with_store({"party", "add", "VEN", "--name", "Venezuela"}));
  EXPECT_EQ(refused.exit_status, 69) << refused.err;
  EXPECT_NE(refused.err.find("unavailable"), std::string::npos) << refused.err;

  ASSERT_EQ(cluster.Script("resume").exit_status, 0);
  nlohmann::json before = VerifiedLog(canje, store);
  ASSERT_TRUE(before.contains("entries"));
  EXPECT_EQ(before["checkpoints"], before["entries"]);
  // Every list that landed landed whole: its records are all there.
  RunResult lists = RunPsql(db,
                            "SELECT count(*) FROM lists l WHERE l.record_count + l.rejected_count"
                            " <> (SELECT count(*) FROM list_records r WHERE r.list_id = l.id)"
                            " AND l.rejected_count = 0");
  EXPECT_EQ(lists.out, "0\n") << lists.err;
  RunResult added = canje.Run(with_store({"party", "add", "ZZZ", "--name", "Afterwards"}));
  EXPECT_EQ(added.exit_status, 0) << added.err;
  EXPECT_EQ(VerifiedLog(canje, store)["entries"], before["entries"].get<int64_t>() + 1);
}

TEST_F(PostgresOnlyTest, MigrationBothWaysOnTheDemoKeepsTheSameVerifiableLog) {
  CanjeRunner canje;
  std::string key = canje.Path("demo.key").string();
  std::string sqlite = canje.Path("demo.db").string();
  ASSERT_EQ(canje.Run({"--db", sqlite, "--master-key", key, "demo"}).exit_status, 0);
  nlohmann::json source = VerifiedLog(canje, {"--db", sqlite, "--master-key", key});
  RunResult persons = canje.Run({"--db", sqlite, "--master-key", key, "persons", "--json"});
  ASSERT_EQ(persons.exit_status, 0) << persons.err;
  // The log's witnesses (schema version 9): one registered, with a cosignature of the latest
  // checkpoint attached, and an exchange whose witness policy names it.
  auto on = [&](const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--master-key", key});
    RunResult result = canje.Run(args);
    EXPECT_EQ(result.exit_status, 0) << result.err;
    return result.out;
  };
  std::string log_key = on(sqlite, {"log", "vkey"});
  log_key.erase(log_key.find_last_not_of('\n') + 1);
  std::string witness_key = on(sqlite, {"witness", "init", "--state", canje.Path("w").string(),
                                        "--name", "w.example", "--log-key", log_key});
  witness_key.erase(witness_key.find_last_not_of('\n') + 1);
  on(sqlite, {"witness", "add", witness_key, "http://127.0.0.1:9", "--party", "VEN"});
  on(sqlite, {"exchange", "create", "cecot-2025", "--mediator", "PUENTE"});
  on(sqlite, {"exchange", "witness-policy", "X1", "--threshold", "1", "--witnesses", "w.example"});
  canje.WriteFile("checkpoint", on(sqlite, {"log", "checkpoint"}));
  canje.WriteFile("empty.proof", "");
  on(sqlite, {"witness", "cosign", "--state", canje.Path("w").string(), "--checkpoint",
              canje.Path("checkpoint").string(), "--proof", canje.Path("empty.proof").string(),
              "--out", canje.Path("cosigned").string()});
  on(sqlite,
     {"log", "add-cosignature", canje.Path("cosigned").string(), "--witness-key", witness_key});
  auto witnesses = [&](const std::string& db) {
    return on(db, {"witness", "list", "--json"}) + on(db, {"exchange", "state", "X1", "--json"}) +
           on(db, {"log", "checkpoint"});
  };
  const std::string source_witnesses = witnesses(sqlite);
  ASSERT_NE(source_witnesses.find("w.example"), std::string::npos) << source_witnesses;
  ASSERT_NE(source_witnesses.find("\"threshold\": 1"), std::string::npos) << source_witnesses;
  // The cosignature is on the checkpoint the witness cosigned (attaching it is an event, so the
  // latest checkpoint is a newer one): the registry says up to where the witness cosigned.
  ASSERT_NE(source_witnesses.find("\"cosigned_size\": "), std::string::npos) << source_witnesses;
  source = VerifiedLog(canje, {"--db", sqlite, "--master-key", key});

  std::string name = "canje_migrated_" + std::to_string(getpid());
  ASSERT_EQ(RunPsql(TestPostgresUrl(), "CREATE DATABASE " + name).exit_status, 0);
  std::string postgres = PostgresUrlForDatabase(TestPostgresUrl(), name);
  RunResult there = canje.Run({"migrate", "--from", sqlite, "--to", postgres});
  EXPECT_EQ(there.exit_status, 0) << there.err;
  nlohmann::json copied = VerifiedLog(canje, {"--db", postgres, "--master-key", key});
  EXPECT_EQ(copied["entries"], source["entries"]);
  EXPECT_EQ(copied["checkpoints"], source["checkpoints"]);
  EXPECT_EQ(copied["root"], source["root"]);
  EXPECT_EQ(canje.Run({"--db", postgres, "--master-key", key, "persons", "--json"}).out,
            persons.out);
  EXPECT_EQ(witnesses(postgres), source_witnesses);
  // Into a store that exists already: refused, nothing changed.
  EXPECT_EQ(canje.Run({"migrate", "--from", sqlite, "--to", postgres}).exit_status, 75);

  std::string back = canje.Path("back.db").string();
  RunResult home = canje.Run({"migrate", "--from", postgres, "--to", back});
  EXPECT_EQ(home.exit_status, 0) << home.err;
  nlohmann::json returned = VerifiedLog(canje, {"--db", back, "--master-key", key});
  EXPECT_EQ(returned["root"], source["root"]);
  EXPECT_EQ(returned["checkpoints"], source["checkpoints"]);
  EXPECT_EQ(canje.Run({"--db", back, "--master-key", key, "persons", "--json"}).out, persons.out);
  EXPECT_EQ(witnesses(back), source_witnesses);
  RunPsql(TestPostgresUrl(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
}

}  // namespace
}  // namespace canje::cli::testing
