#include "ledger/witness.h"

#include <gtest/gtest.h>

#include "ledger/cosignature.h"
#include "ledger/memory_hash_store.h"
#include "ledger/signed_note.h"

namespace canje::ledger {
namespace {

constexpr std::string_view kOrigin = "canje.example/demo";
constexpr uint64_t kNow = 1753000000;

SignerKey WitnessKey(std::string_view name, SignatureType type, uint8_t fill) {
  Ed25519Seed seed;
  seed.fill(fill);
  return *SignerKeyFromSeed(name, type, seed);
}

// A log: a tree of synthetic events, and the key that signs its checkpoints.
class Log {
 public:
  Log(int64_t size, std::string_view variant = "", uint8_t key_fill = 1)
      : key_(WitnessKey(kOrigin, SignatureType::kEd25519, key_fill)) {
    for (int64_t i = 0; i < size; ++i) {
      const std::string event = "event " + std::to_string(i) + std::string(variant);
      EXPECT_TRUE(tree_.AppendLeafHash(HashLeaf(AsBytes(event))).ok());
    }
  }
  std::string SignedCheckpoint(int64_t size, std::string_view origin = kOrigin) {
    Checkpoint checkpoint{std::string(origin), size, *TreeHash(size, tree_), {}};
    return *SignNote(*FormatCheckpoint(checkpoint), key_);
  }
  TreeHead Head(int64_t size) { return {size, *TreeHash(size, tree_)}; }
  std::vector<Hash> Proof(int64_t old_size, int64_t new_size) {
    return *ProveConsistency(old_size, new_size, tree_);
  }
  VerifierKey Verifier() const { return VerifierKeyOf(key_); }

 private:
  MemoryHashStore tree_;
  SignerKey key_;
};

class WitnessTest : public testing::Test {
 protected:
  Log log_{12};
  WitnessedLog watched_{std::string(kOrigin), log_.Verifier()};
  SignerKey witness_ = WitnessKey("witness.example/w1", SignatureType::kCosignatureV1, 9);

  Result<WitnessCosignature> Decide(const std::optional<TreeHead>& last, const std::string& note,
                                    const std::vector<Hash>& proof, WitnessRefusal* refusal) {
    return DecideCosignature(watched_, last, note, proof, witness_, kNow, refusal);
  }
};

TEST_F(WitnessTest, CosignsFirstCheckpointThenOnlyExtensions) {
  WitnessRefusal refusal = WitnessRefusal::kFork;
  const std::string first = log_.SignedCheckpoint(5);
  Result<WitnessCosignature> cosigned = Decide(std::nullopt, first, {}, &refusal);
  ASSERT_TRUE(cosigned.ok()) << cosigned.status().ToString();
  EXPECT_EQ(refusal, WitnessRefusal::kNone);
  EXPECT_EQ(cosigned->checkpoint.size, 5);
  EXPECT_EQ(cosigned->checkpoint.root, log_.Head(5).root);
  // The line is a valid cosignature of the exact checkpoint text, dated now.
  Result<ParsedNote> parsed = ParseNote(first);
  Result<Cosignature> cosignature =
      VerifyCosignatureLine(parsed->text, cosigned->cosignature_line, VerifierKeyOf(witness_));
  ASSERT_TRUE(cosignature.ok()) << cosignature.status().ToString();
  EXPECT_EQ(cosignature->timestamp, kNow);

  const std::string later = log_.SignedCheckpoint(12);
  Result<WitnessCosignature> extended = Decide(log_.Head(5), later, log_.Proof(5, 12), &refusal);
  ASSERT_TRUE(extended.ok()) << extended.status().ToString();
  EXPECT_EQ(extended->checkpoint.size, 12);

  // The same checkpoint again: cosigned again, with no proof.
  EXPECT_TRUE(Decide(log_.Head(12), later, {}, &refusal).ok());
  // From the empty tree: nothing to prove.
  EXPECT_TRUE(Decide(TreeHead{0, EmptyTreeHash()}, later, {}, &refusal).ok());
}

TEST_F(WitnessTest, RefusesARollback) {
  WitnessRefusal refusal = WitnessRefusal::kNone;
  Result<WitnessCosignature> result =
      Decide(log_.Head(12), log_.SignedCheckpoint(7), log_.Proof(7, 12), &refusal);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(refusal, WitnessRefusal::kRollback);
  EXPECT_TRUE(IsForkEvidence(refusal));
  EXPECT_NE(result.status().message().find("refused: the checkpoint has size 7, smaller than the "
                                           "size 12"),
            std::string::npos)
      << result.status().message();
}

TEST_F(WitnessTest, RefusesAForkOfTheSameSize) {
  Log forked(12, " (rewritten)");
  WitnessRefusal refusal = WitnessRefusal::kNone;
  Result<WitnessCosignature> result =
      Decide(log_.Head(12), forked.SignedCheckpoint(12), {}, &refusal);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(refusal, WitnessRefusal::kFork);
  EXPECT_NE(result.status().message().find("the log has forked"), std::string::npos);
}

TEST_F(WitnessTest, RefusesALargerTreeThatDoesNotExtendTheOldOne) {
  // The same key signs a tree whose first 5 entries differ: its own (valid) proof from 5 to 12
  // does not lead from the root the witness cosigned.
  Log forked(12, " (rewritten)");
  WitnessRefusal refusal = WitnessRefusal::kNone;
  Result<WitnessCosignature> result =
      Decide(log_.Head(5), forked.SignedCheckpoint(12), forked.Proof(5, 12), &refusal);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(refusal, WitnessRefusal::kFork);
  EXPECT_NE(result.status().message().find("does not extend the checkpoint of size 5"),
            std::string::npos)
      << result.status().message();
  // A proof for other sizes, of the wrong length, is a bad proof rather than a fork.
  result = Decide(log_.Head(5), log_.SignedCheckpoint(12), log_.Proof(4, 12), &refusal);
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(refusal == WitnessRefusal::kBadProof || refusal == WitnessRefusal::kFork);
  result = Decide(log_.Head(5), log_.SignedCheckpoint(12), {}, &refusal);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(refusal, WitnessRefusal::kBadProof);
  EXPECT_FALSE(IsForkEvidence(refusal));
  EXPECT_NE(result.status().message().find("prove-consistency 5 --size 12"), std::string::npos);
}

TEST_F(WitnessTest, RefusesNotesTheLogDidNotSign) {
  Log impostor(12, "", /*key_fill=*/2);  // same events and name, another key
  WitnessRefusal refusal = WitnessRefusal::kNone;
  Result<WitnessCosignature> result =
      Decide(std::nullopt, impostor.SignedCheckpoint(12), {}, &refusal);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(refusal, WitnessRefusal::kUnsigned);
  EXPECT_FALSE(IsForkEvidence(refusal));

  std::string tampered = log_.SignedCheckpoint(12);
  tampered[tampered.find("\n12\n") + 2] = '3';  // "13"
  result = Decide(std::nullopt, tampered, {}, &refusal);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(refusal, WitnessRefusal::kUnsigned);
  EXPECT_NE(result.status().message().find("invalid signature"), std::string::npos);
}

TEST_F(WitnessTest, RefusesMalformedInput) {
  WitnessRefusal refusal = WitnessRefusal::kNone;
  EXPECT_FALSE(Decide(std::nullopt, "no blank line\n", {}, &refusal).ok());
  EXPECT_EQ(refusal, WitnessRefusal::kMalformed);

  // A validly signed note that is not a checkpoint.
  const SignerKey log_key = WitnessKey(kOrigin, SignatureType::kEd25519, 1);
  EXPECT_FALSE(Decide(std::nullopt, *SignNote("hello\n", log_key), {}, &refusal).ok());
  EXPECT_EQ(refusal, WitnessRefusal::kMalformed);

  // Another log's checkpoint (signed with this key but another origin).
  EXPECT_FALSE(
      Decide(std::nullopt, log_.SignedCheckpoint(3, "other.example/log"), {}, &refusal).ok());
  EXPECT_EQ(refusal, WitnessRefusal::kWrongLog);

  // A proof with nothing to prove.
  EXPECT_FALSE(Decide(std::nullopt, log_.SignedCheckpoint(3), log_.Proof(2, 3), &refusal).ok());
  EXPECT_EQ(refusal, WitnessRefusal::kBadProof);
  EXPECT_FALSE(Decide(log_.Head(3), log_.SignedCheckpoint(3), log_.Proof(2, 3), &refusal).ok());
  EXPECT_EQ(refusal, WitnessRefusal::kBadProof);
}

TEST_F(WitnessTest, RefusesMisconfiguredKeys) {
  const SignerKey not_a_cosigner = WitnessKey("witness.example/w1", SignatureType::kEd25519, 9);
  EXPECT_EQ(
      DecideCosignature(watched_, std::nullopt, log_.SignedCheckpoint(3), {}, not_a_cosigner, kNow)
          .status()
          .code(),
      StatusCode::kUsage);
}

}  // namespace
}  // namespace canje::ledger
