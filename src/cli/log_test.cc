// The transparency log from the outside: tampering with the stored rows is caught and named,
// a witness refuses a fork, and Go's own sumdb packages accept the log's notes and proofs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_test_support.h"

namespace canje::cli::testing {
namespace {

class LogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    canje_.LoadDemo();
    if (HasFatalFailure()) return;
    auto verified = nlohmann::json::parse(canje_.Run({"log", "verify", "--json"}).out);
    size_ = verified["entries"];
    size_text_ = std::to_string(size_);
  }
  RunResult Sql(const std::string& db, const std::string& sql) const {
    return RunProgram({"sqlite3", db, sql}, canje_.dir(), {});
  }
  // Copies the demo store (and its key) to NAME.db, applies `sql`, and runs log verify on it.
  RunResult VerifyTampered(const std::string& name, const std::string& sql,
                           const std::vector<std::string>& extra = {}) const {
    std::string db = name + ".db";
    std::filesystem::copy_file(canje_.Path("canje.db"), canje_.Path(db));
    std::filesystem::copy_file(canje_.Path("canje.db.key"), canje_.Path(db + ".key"));
    RunResult changed = Sql(db, sql);
    EXPECT_EQ(changed.exit_status, 0) << changed.err;
    std::vector<std::string> args = {"--db", db, "log", "verify"};
    args.insert(args.end(), extra.begin(), extra.end());
    return canje_.Run(args);
  }
  CanjeRunner canje_;
  int64_t size_ = 0;  // entries in the demo's log
  std::string size_text_;
};

TEST_F(LogTest, AnUntouchedLogVerifies) {
  RunResult verified = canje_.Run({"log", "verify", "--json"});
  ASSERT_EQ(verified.exit_status, 0) << verified.err;
  auto report = nlohmann::json::parse(verified.out);
  // The demo: the instance, 13 more parties, 6 lists, one reconciliation (canje link).
  EXPECT_EQ(report["entries"], 21);
  EXPECT_EQ(report["checkpoints"], 21);  // one per change
}

TEST_F(LogTest, EveryKindOfTamperingIsCaughtAndTheEntryNamed) {
  std::vector<LogTampering> cases = {
      {"reordered",
       "UPDATE events SET seq = -seq WHERE seq IN (3, 4); "
       "UPDATE events SET seq = CASE seq WHEN -3 THEN 4 ELSE 3 END WHERE seq < 0",
       "entry 3"},
      {"inserted",
       "INSERT INTO events SELECT " + size_text_ +
           ", time, actor, party, type, subjects, payload_sha256, salt, payload_key, payload "
           "FROM events WHERE seq = " + std::to_string(size_ - 1),
       "entry " + size_text_},
      {"payload_altered",
       "UPDATE events SET payload = zeroblob(length(payload)) WHERE seq = 9",
       "entry 9"},
      {"cut_short", "DELETE FROM event_subjects WHERE seq >= 15; DELETE FROM events WHERE seq >= 15",
       "cut short"},
  };
  ExpectTamperingsCaught(std::move(cases), [&](const std::string& name, const std::string& sql) {
    return VerifyTampered(name, sql);
  });
}

TEST_F(LogTest, ALogCutShortWithItsCheckpointsIsCaughtByAnEarlierCheckpoint) {
  canje_.WriteFile("kept.checkpoint", canje_.Run({"log", "checkpoint"}).out);
  std::string cut =
      "DELETE FROM event_subjects WHERE seq >= 15; DELETE FROM events WHERE seq >= 15; "
      "DELETE FROM checkpoints WHERE size > 15; DELETE FROM merkle_hashes WHERE idx >= " +
      std::to_string(2 * 15 - 4 /* popcount(15) */);
  EXPECT_EQ(VerifyTampered("cut_quietly", cut).exit_status, 0);  // consistent on its own
  RunResult result = canje_.Run({"--db", "cut_quietly.db", "log", "verify", "--checkpoint",
                                 "kept.checkpoint"});
  EXPECT_EQ(result.exit_status, 65);
  EXPECT_NE(result.err.find("cut short"), std::string::npos) << result.err;
}

TEST_F(LogTest, AWitnessCosignsGrowthAndRefusesAFork) {
  std::string vkey = canje_.Run({"log", "vkey"}).out;
  vkey.pop_back();
  ASSERT_EQ(canje_.Run({"witness", "init", "--state", "w", "--name", "witness.example.org",
                        "--log-key", vkey})
                .exit_status,
            0);
  canje_.WriteFile("empty.proof", "");
  canje_.WriteFile("first.checkpoint", canje_.Run({"log", "checkpoint"}).out);
  RunResult first = canje_.Run({"witness", "cosign", "--state", "w", "--checkpoint",
                                "first.checkpoint", "--proof", "empty.proof", "--out",
                                "first.cosigned"});
  ASSERT_EQ(first.exit_status, 0) << first.err;
  std::string witness_key = canje_.Run({"witness", "vkey", "--state", "w"}).out;
  witness_key.pop_back();
  RunResult attached =
      canje_.Run({"log", "add-cosignature", "first.cosigned", "--witness-key", witness_key});
  ASSERT_EQ(attached.exit_status, 0) << attached.err;

  // A copy of the store goes its own way: the same key signs two different trees of one size.
  std::filesystem::copy_file(canje_.Path("canje.db"), canje_.Path("fork.db"));
  std::filesystem::copy_file(canje_.Path("canje.db.key"), canje_.Path("fork.db.key"));
  ASSERT_EQ(canje_.Run({"party", "add", "BRA", "--name", "Brazil"}).exit_status, 0);
  ASSERT_EQ(canje_.Run({"--db", "fork.db", "party", "add", "MEX", "--name", "Mexico"}).exit_status,
            0);

  canje_.WriteFile("honest.checkpoint", canje_.Run({"log", "checkpoint"}).out);
  canje_.WriteFile("honest.proof", canje_.Run({"log", "prove-consistency", size_text_}).out);
  RunResult grew = canje_.Run({"witness", "cosign", "--state", "w", "--checkpoint",
                               "honest.checkpoint", "--proof", "honest.proof"});
  ASSERT_EQ(grew.exit_status, 0) << grew.err;
  EXPECT_NE(grew.out.find("— witness.example.org "), std::string::npos);

  canje_.WriteFile("fork.checkpoint", canje_.Run({"--db", "fork.db", "log", "checkpoint"}).out);
  canje_.WriteFile("fork.proof",
                   canje_.Run({"--db", "fork.db", "log", "prove-consistency", size_text_}).out);
  RunResult refused = canje_.Run({"witness", "cosign", "--state", "w", "--checkpoint",
                                  "fork.checkpoint", "--proof", "fork.proof"});
  EXPECT_EQ(refused.exit_status, 65);
  EXPECT_NE(refused.err.find("refused"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("evidence"), std::string::npos) << refused.err;
  int kept = 0;
  for (const auto& entry : std::filesystem::directory_iterator(canje_.Path("w/forks"))) {
    kept += entry.path().extension() == ".checkpoint";
  }
  EXPECT_EQ(kept, 2);
}

TEST_F(LogTest, GoSumdbPackagesAcceptTheNotesAndProofs) {
  std::string source = std::string(CANJE_SOURCE_DIR) + "/tests/go/verifylog/main.go";
  std::vector<std::string> go_env = {"GO111MODULE=off", "GOPATH=/usr/share/gocode",
                                     "GOCACHE=" + canje_.Path("gocache").string(),
                                     "HOME=" + canje_.dir().string()};
  RunResult built = RunProgram({"go", "build", "-o", "verifylog", source}, canje_.dir(), go_env);
  ASSERT_EQ(built.exit_status, 0) << built.err;
  canje_.WriteFile("old.checkpoint", canje_.Run({"log", "checkpoint"}).out);
  ASSERT_EQ(canje_.Run({"party", "add", "BRA", "--name", "Brazil"}).exit_status, 0);
  ASSERT_EQ(canje_.Run({"log", "bundle", "--out", "bundle"}).exit_status, 0);
  canje_.WriteFile("consistency.proof", canje_.Run({"log", "prove-consistency", size_text_}).out);
  RunResult checked = RunProgram({"./verifylog", "bundle", "old.checkpoint", "consistency.proof"},
                                 canje_.dir(), {});
  EXPECT_EQ(checked.exit_status, 0) << checked.err;
  std::string grown = std::to_string(size_ + 1);
  EXPECT_NE(checked.out.find("ok: " + grown + " entries included in a tree of size " + grown),
            std::string::npos)
      << checked.out;
  // And it can fail: a changed leaf is refused.
  std::string leaf = canje_.ReadFile("bundle/entries/3.leaf");
  leaf[leaf.find("party.added")] = 'P';
  canje_.WriteFile("bundle/entries/3.leaf", leaf);
  EXPECT_NE(RunProgram({"./verifylog", "bundle"}, canje_.dir(), {}).exit_status, 0);
}

}  // namespace
}  // namespace canje::cli::testing
