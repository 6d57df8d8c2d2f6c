#include "ledger/cosignature.h"

#include <gtest/gtest.h>

#include "ledger/checkpoint.h"
#include "ledger/go_note_vectors_test.h"
#include "ledger/signed_note.h"

namespace canje::ledger {
namespace {

constexpr std::string_view kBody =
    "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

SignerKey Key(std::string_view name, SignatureType type, uint8_t fill) {
  Ed25519Seed seed;
  seed.fill(fill);
  Result<SignerKey> key = SignerKeyFromSeed(name, type, seed);
  EXPECT_TRUE(key.ok());
  return *key;
}

// C2SP tlog-cosignature, "Ed25519 signed message": the example message, byte for byte.
TEST(CosignatureTest, SignedMessageIsTheSpecsFormat) {
  EXPECT_EQ(CosignatureV1Message(1679315147, kBody),
            "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\n"
            "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
  EXPECT_EQ(CosignatureV1Message(0, "x\n"), "cosignature/v1\ntime 0\nx\n");
}

// The spec's example cosignature line carries key id 8d66cf3f and the example's timestamp;
// a second one from transparency-dev/formats' tests carries 1727964367.
TEST(CosignatureTest, ReadsTimestampsOfPublishedCosignatures) {
  Result<NoteSignature> line = ParseSignatureLine(
      "\xE2\x80\x94 witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZC"
      "B9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n");
  ASSERT_TRUE(line.ok()) << line.status().ToString();
  Result<Cosignature> cosignature = CosignatureFromNoteSignature(*line);
  ASSERT_TRUE(cosignature.ok()) << cosignature.status().ToString();
  EXPECT_EQ(cosignature->key_id, 0x8d66cf3fu);
  EXPECT_EQ(cosignature->timestamp, 1679315147u);

  Result<NoteSignature> other = ParseSignatureLine(
      "\xE2\x80\x94 w ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gx"
      "EHWWOworDcFiEBYJXORmnFBOBA==");
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(CosignatureFromNoteSignature(*other)->timestamp, 1727964367u);

  // A plain Ed25519 note signature (64 bytes) is not a cosignature.
  Result<NoteSignature> plain = ParseSignatureLine(go_note_vectors::kPeterLine);
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(CosignatureFromNoteSignature(*plain).ok());
}

TEST(CosignatureTest, CosignsAndVerifies) {
  const SignerKey witness = Key("witness.example/w1", SignatureType::kCosignatureV1, 7);
  const VerifierKey witness_public = VerifierKeyOf(witness);
  Result<std::string> line = CosignCheckpoint(kBody, witness, 1700000000);
  ASSERT_TRUE(line.ok()) << line.status().ToString();
  EXPECT_TRUE(line->starts_with("\xE2\x80\x94 witness.example/w1 "));
  EXPECT_EQ(*CosignCheckpoint(kBody, witness, 1700000000), *line);  // deterministic

  // The line carries key id (type 0x04) || timestamp || signature.
  Result<NoteSignature> parsed = ParseSignatureLine(*line);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->key_id,
            KeyId("witness.example/w1", SignatureType::kCosignatureV1, witness.public_key));
  ASSERT_EQ(parsed->signature.size(), 72u);
  EXPECT_TRUE(Ed25519Verify(witness.public_key, AsBytes(CosignatureV1Message(1700000000, kBody)),
                            ByteView(parsed->signature).subspan(8)));

  Result<Cosignature> verified = VerifyCosignatureLine(kBody, *line, witness_public);
  ASSERT_TRUE(verified.ok()) << verified.status().ToString();
  EXPECT_EQ(verified->timestamp, 1700000000u);

  // Another checkpoint, another key, a changed timestamp: refused.
  const std::string other_body =
      "example.com/behind-the-sofa\n20852164\n" + std::string(kBody.substr(kBody.size() - 45));
  EXPECT_FALSE(VerifyCosignatureLine(other_body, *line, witness_public).ok());
  const SignerKey impostor = Key("witness.example/w1", SignatureType::kCosignatureV1, 8);
  EXPECT_NE(VerifyCosignatureLine(kBody, *line, VerifierKeyOf(impostor))
                .status()
                .message()
                .find("not by the expected witness"),
            std::string::npos);
  NoteSignature retimed = *parsed;
  retimed.signature[7] ^= 1;
  EXPECT_NE(VerifyCosignatureLine(kBody, FormatSignatureLine(retimed), witness_public)
                .status()
                .message()
                .find("does not verify"),
            std::string::npos);
}

TEST(CosignatureTest, OpenNoteVerifiesLogSignatureAndCosignatureTogether) {
  const SignerKey log = Key("example.com/behind-the-sofa", SignatureType::kEd25519, 1);
  const SignerKey witness = Key("witness.example/w1", SignatureType::kCosignatureV1, 2);
  Result<std::string> note = SignNote(kBody, log);
  ASSERT_TRUE(note.ok());
  Result<std::string> cosigned = AddSignatureLine(*note, *CosignCheckpoint(kBody, witness, 42));
  ASSERT_TRUE(cosigned.ok()) << cosigned.status().ToString();
  const std::vector<VerifierKey> keys = {VerifierKeyOf(log), VerifierKeyOf(witness)};
  Result<OpenedNote> opened = OpenNote(*cosigned, keys);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened->verified.size(), 2u);
  // The same seed as a plain Ed25519 key has another key id: the cosignature stays unverified.
  const std::vector<VerifierKey> wrong_type = {
      VerifierKeyOf(log), VerifierKeyOf(Key("witness.example/w1", SignatureType::kEd25519, 2))};
  Result<OpenedNote> partly = OpenNote(*cosigned, wrong_type);
  ASSERT_TRUE(partly.ok());
  EXPECT_EQ(partly->verified.size(), 1u);
  EXPECT_EQ(partly->unverified.size(), 1u);
}

TEST(CosignatureTest, RefusesWrongKeysTimestampsAndBodies) {
  const SignerKey log_key = Key("example.com/log", SignatureType::kEd25519, 3);
  const SignerKey witness = Key("witness.example/w1", SignatureType::kCosignatureV1, 4);
  EXPECT_EQ(CosignCheckpoint(kBody, log_key, 1).status().code(), StatusCode::kUsage);
  EXPECT_EQ(CosignCheckpoint(kBody, witness, kMaxCosignatureTimestamp + 1).status().code(),
            StatusCode::kUsage);
  EXPECT_TRUE(CosignCheckpoint(kBody, witness, kMaxCosignatureTimestamp).ok());
  EXPECT_EQ(CosignCheckpoint("not a checkpoint\n", witness, 1).status().code(),
            StatusCode::kInvalid);
  EXPECT_EQ(VerifyCosignatureLine(kBody, "x", VerifierKeyOf(log_key)).status().code(),
            StatusCode::kUsage);
}

}  // namespace
}  // namespace canje::ledger
