#include "witness/witness_state.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "ledger/checkpoint.h"
#include "ledger/memory_hash_store.h"
#include "ledger/note_keys.h"
#include "ledger/signed_note.h"

namespace canje::witness {
namespace {

using ledger::AddCheckpointRequest;
constexpr uint64_t kNow = 1752847389;

// A log of its own: leaves "<prefix> i", signed checkpoints and proofs at any size.
class TestLog {
 public:
  TestLog(const ledger::SignerKey& key, std::string prefix) : key_(key) {
    for (int i = 0; i < 64; ++i) {
      EXPECT_TRUE(tree_.AppendLeafHash(ledger::HashLeaf(AsBytes(prefix + std::to_string(i)))).ok());
    }
  }
  std::string Checkpoint(int64_t size, const std::string& origin = "") const {
    Result<std::string> text = ledger::FormatCheckpoint(
        {origin.empty() ? key_.name : origin, size, *ledger::TreeHash(size, tree_), {}});
    return *ledger::SignNote(*text, key_);
  }
  std::vector<ledger::Hash> Proof(int64_t from, int64_t to) const {
    return *ledger::ProveConsistency(from, to, tree_);
  }

 private:
  const ledger::SignerKey& key_;
  mutable ledger::MemoryHashStore tree_;
};

class WitnessStateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("canje-witness-state-" + std::to_string(getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    Result<std::string> vkey =
        InitWitness(folder_, "w.example", ledger::FormatVerifierKey(ledger::VerifierKeyOf(key_)));
    ASSERT_TRUE(vkey.ok()) << vkey.status().ToString();
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  AddCheckpointAnswer Add(int64_t old_size, std::vector<ledger::Hash> proof,
                          const std::string& note) {
    Result<AddCheckpointAnswer> answer =
        AddCheckpoint(folder_, AddCheckpointRequest{old_size, std::move(proof), note}, kNow);
    EXPECT_TRUE(answer.ok()) << answer.status().ToString();
    return answer.ok() ? *answer : AddCheckpointAnswer{};
  }
  int Evidence() const {
    if (!std::filesystem::exists(folder_ / "forks")) return 0;
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder_ / "forks")) {
      files += entry.is_regular_file();
    }
    return files;
  }

  ledger::SignerKey key_ =
      *ledger::GenerateSignerKey("log.example/test", ledger::SignatureType::kEd25519);
  TestLog log_{key_, "entry "};
  std::filesystem::path folder_;
};

using enum AddCheckpointVerdict;

TEST_F(WitnessStateTest, CosignsGrowthAndAnswersEveryRefusalAsTheSpecificationSays) {
  AddCheckpointAnswer first = Add(0, {}, log_.Checkpoint(3));
  EXPECT_EQ(first.verdict, kCosigned) << first.message;
  EXPECT_EQ(first.cosignature_lines.rfind("\xE2\x80\x94 w.example ", 0), 0u);
  EXPECT_EQ(*CosignedSize(folder_), 3);

  AddCheckpointAnswer stale = Add(2, log_.Proof(2, 9), log_.Checkpoint(9));
  EXPECT_EQ(stale.verdict, kSizeMismatch);
  EXPECT_EQ(stale.cosigned_size, 3);
  EXPECT_EQ(Add(0, {}, log_.Checkpoint(9)).verdict, kSizeMismatch);
  EXPECT_EQ(Add(3, {}, log_.Checkpoint(9)).verdict, kBadProof);
  EXPECT_EQ(Add(3, log_.Proof(4, 9), log_.Checkpoint(9)).verdict, kBadProof);
  EXPECT_EQ(Add(10, log_.Proof(3, 9), log_.Checkpoint(9)).verdict, kMalformed);  // old > size
  EXPECT_EQ(Add(3, log_.Proof(3, 9), "not a note").verdict, kMalformed);
  EXPECT_EQ(Add(3, log_.Proof(3, 9), log_.Checkpoint(9, "other.example/log")).verdict, kUnknownLog);
  const ledger::SignerKey impostor =
      *ledger::GenerateSignerKey("log.example/test", ledger::SignatureType::kEd25519);
  EXPECT_EQ(Add(3, log_.Proof(3, 9), TestLog(impostor, "entry ").Checkpoint(9)).verdict, kUnsigned);
  EXPECT_EQ(*CosignedSize(folder_), 3);
  EXPECT_EQ(Evidence(), 0);  // none of these is evidence against the log

  AddCheckpointAnswer grew = Add(3, log_.Proof(3, 9), log_.Checkpoint(9));
  EXPECT_EQ(grew.verdict, kCosigned) << grew.message;
  EXPECT_EQ(grew.cosigned_size, 9);
  // The same checkpoint again: cosigned again (a client that lost the answer).
  EXPECT_EQ(Add(9, {}, log_.Checkpoint(9)).verdict, kCosigned);
}

TEST_F(WitnessStateTest, AForkIsRefusedAndBothNotesAreKept) {
  ASSERT_EQ(Add(0, {}, log_.Checkpoint(5)).verdict, kCosigned);
  TestLog fork(key_, "rewritten ");  // the same key signs another history
  AddCheckpointAnswer larger = Add(5, fork.Proof(5, 8), fork.Checkpoint(8));
  EXPECT_EQ(larger.verdict, kBadProof);
  EXPECT_TRUE(larger.evidence_kept);
  EXPECT_EQ(Evidence(), 2);
  AddCheckpointAnswer same_size = Add(5, {}, fork.Checkpoint(5));
  EXPECT_EQ(same_size.verdict, kSizeMismatch);
  EXPECT_TRUE(same_size.evidence_kept);
  EXPECT_EQ(Evidence(), 4);
  EXPECT_EQ(*CosignedSize(folder_), 5);
  // The kept notes are the cosigned one and the refused one.
  bool found_refused = false;
  for (const auto& entry : std::filesystem::directory_iterator(folder_ / "forks")) {
    std::ifstream in(entry.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text == fork.Checkpoint(8)) found_refused = true;
  }
  EXPECT_TRUE(found_refused);
}

// The race the specification warns about: requests from the same old size checked together
// must not roll the state back. Under the folder's lock exactly one wins.
TEST_F(WitnessStateTest, ConcurrentRequestsFromTheSameOldSizeCosignOnlyOne) {
  ASSERT_EQ(Add(0, {}, log_.Checkpoint(3)).verdict, kCosigned);
  std::atomic<int> cosigned = 0, refused = 0;
  std::atomic<int64_t> winner = 0;
  std::vector<std::thread> threads;
  for (int64_t size = 10; size < 18; ++size) {
    threads.emplace_back([&, size] {
      Result<AddCheckpointAnswer> answer = AddCheckpoint(
          folder_, AddCheckpointRequest{3, log_.Proof(3, size), log_.Checkpoint(size)}, kNow);
      if (answer.ok() && answer->verdict == kCosigned) {
        ++cosigned;
        winner = size;
      } else if (answer.ok() && answer->verdict == kSizeMismatch) {
        ++refused;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(cosigned, 1);
  EXPECT_EQ(refused, 7);
  EXPECT_EQ(*CosignedSize(folder_), winner.load());
}

TEST_F(WitnessStateTest, TheCommandLinesCosignKeepsItsBehaviour) {
  Result<CosignOutcome> first = Cosign(folder_, log_.Checkpoint(4), "", kNow);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->size, 4);
  // A rollback offered to the command line is refused and kept as evidence.
  Result<CosignOutcome> rollback = Cosign(folder_, log_.Checkpoint(2), "", kNow);
  ASSERT_FALSE(rollback.ok());
  EXPECT_NE(rollback.status().message().find("evidence"), std::string::npos);
  EXPECT_EQ(Evidence(), 2);
}

}  // namespace
}  // namespace canje::witness
