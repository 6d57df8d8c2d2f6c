#include "ledger/signed_note.h"

#include <gtest/gtest.h>

#include "core/testing/text_cases.h"
#include "ledger/go_note_vectors_test.h"
#include "ledger/note_keys.h"

namespace canje::ledger {
namespace {

using namespace go_note_vectors;  // NOLINT: test vectors

VerifierKey Verifier(std::string_view text) {
  Result<VerifierKey> key = ParseVerifierKey(text);
  EXPECT_TRUE(key.ok()) << key.status().ToString();
  return key.ok() ? *key : VerifierKey{};
}

std::string Note(std::initializer_list<std::string_view> lines) {
  std::string note(kText);
  note += "\n";
  for (std::string_view line : lines) note += line;
  return note;
}

TEST(SignedNoteTest, SignsThePeterNeumannVectorByteForByte) {
  Result<SignerKey> signer = ParseSignerKey(kPeterSigner);
  ASSERT_TRUE(signer.ok()) << signer.status().ToString();
  EXPECT_EQ(signer->name, "PeterNeumann");
  EXPECT_EQ(signer->key_id, 0xc74f20a3u);
  EXPECT_EQ(FormatSignerKey(*signer), kPeterSigner);
  EXPECT_EQ(FormatVerifierKey(VerifierKeyOf(*signer)), kPeterVerifier);

  Result<std::string> note = SignNote(kText, *signer);
  ASSERT_TRUE(note.ok()) << note.status().ToString();
  EXPECT_EQ(*note, Note({kPeterLine}));
}

TEST(SignedNoteTest, OpensThePeterNeumannVector) {
  const VerifierKey peter = Verifier(kPeterVerifier);
  const VerifierKey enoch = Verifier(kEnochVerifier);
  const std::string note = Note({kPeterLine, kEnochLine});

  Result<OpenedNote> one = OpenNote(note, std::vector<VerifierKey>{peter});
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ(one->text, kText);
  ASSERT_EQ(one->verified.size(), 1u);
  EXPECT_EQ(one->verified[0].name, "PeterNeumann");
  EXPECT_EQ(one->verified[0].key_id, 0xc74f20a3u);
  ASSERT_EQ(one->unverified.size(), 1u);
  EXPECT_EQ(one->unverified[0].name, "EnochRoot");
  EXPECT_EQ(one->unverified[0].key_id, 0xaf0cfe78u);

  Result<OpenedNote> both = OpenNote(note, std::vector<VerifierKey>{peter, enoch});
  ASSERT_TRUE(both.ok()) << both.status().ToString();
  EXPECT_EQ(both->verified.size(), 2u);
  EXPECT_TRUE(both->unverified.empty());

  Result<OpenedNote> none = OpenNote(note, {});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kInvalid);
  EXPECT_NE(none.status().message().find("PeterNeumann+c74f20a3"), std::string::npos);
}

TEST(SignedNoteTest, RefusesAmbiguousVerifiersOnlyWhenUsed) {
  const VerifierKey peter = Verifier(kPeterVerifier);
  const VerifierKey enoch = Verifier(kEnochVerifier);
  Result<OpenedNote> ambiguous =
      OpenNote(Note({kEnochLine}), std::vector<VerifierKey>{enoch, peter, enoch});
  ASSERT_FALSE(ambiguous.ok());
  EXPECT_NE(ambiguous.status().message().find("ambiguous key EnochRoot+af0cfe78"),
            std::string::npos);
  EXPECT_TRUE(OpenNote(Note({kPeterLine}), std::vector<VerifierKey>{enoch, peter, enoch}).ok());
}

TEST(SignedNoteTest, RefusesABadSignatureFromAKnownKey) {
  std::string corrupt(kPeterLine);
  corrupt.insert(60, "ABCD");
  Result<OpenedNote> opened =
      OpenNote(Note({corrupt}), std::vector<VerifierKey>{Verifier(kPeterVerifier)});
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.status().message().find("invalid signature for key PeterNeumann+c74f20a3"),
            std::string::npos);

  std::string altered = Note({kPeterLine});
  altered[3] = 'X';  // "If yXu think..."
  EXPECT_FALSE(OpenNote(altered, std::vector<VerifierKey>{Verifier(kPeterVerifier)}).ok());
}

TEST(SignedNoteTest, DropsRepeatedSignaturesAndKeepsDistinctUnverifiedOnes) {
  std::string enoch_abcd(kEnochLine);
  enoch_abcd.insert(60, "ABCD");
  Result<OpenedNote> opened =
      OpenNote(Note({kPeterLine, kPeterLine, kEnochLine, kEnochLine, enoch_abcd}),
               std::vector<VerifierKey>{Verifier(kPeterVerifier)});
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened->verified.size(), 1u);
  EXPECT_EQ(opened->unverified.size(), 2u);
}

TEST(SignedNoteTest, LimitsTheNumberOfSignatures) {
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += kPeterLine;
  const std::vector<VerifierKey> keys = {Verifier(kPeterVerifier)};
  EXPECT_TRUE(OpenNote(Note({hundred}), keys).ok());
  Result<OpenedNote> too_many = OpenNote(Note({hundred, kPeterLine}), keys);
  ASSERT_FALSE(too_many.ok());
  EXPECT_NE(too_many.status().message().find("more than 100 signature lines"), std::string::npos);
  EXPECT_FALSE(OpenNote(Note({hundred, kPeterLine}), {}).ok());
}

TEST(SignedNoteTest, RefusesMalformedNotesWithAReason) {
  const std::vector<VerifierKey> keys = {Verifier(kPeterVerifier)};
  std::string no_newline = Note({kPeterLine});
  no_newline.pop_back();
  const table_testing::TextCases cases = {
      {std::string(kText), "no blank line"},
      {std::string(kText) + "\n", "no signature lines"},
      {no_newline, "does not end in a newline"},
      {"\x01" + Note({kPeterLine}), "line 1, character 1 of the note is a control character"},
      {"\xFF" + Note({kPeterLine}), "line 1 of the note is not valid UTF-8"},
      {Note({"\xE2\x80\x94 Bad Name "
             "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgK"
             "vqfqdngotpRZb6KE6RyyBwJnAM=\n"}),
       "line 4: the signature is not valid base64"},
      {Note({kPeterLine, "Unexpected line.\n"}), "line 5 does not start with an em dash"},
      {Note({"\xE2\x80\x94 PeterNeumann\n"}), "line 4 has no space"},
      {Note({"\xE2\x80\x94 Peter+Neumann AAAAAAA=\n"}), "contains '+'"},
      {Note({"\xE2\x80\x94 PeterNeumann AAAAAA==\n"}), "needs a 4-byte key id"},
      {Note({"\xE2\x80\x94 PeterNeumann x08go/ZJ!uBS9\n"}), "not valid base64"},
      {Note({"- PeterNeumann AAAAAAA=\n"}), "does not start with an em dash"},
      {std::string(kText) + "\n" + std::string(kPeterLine) + "\r\n", "control character"},
      {std::string(20000, 'a') + "\n\n" + std::string(kPeterLine), "20000 bytes long"},
      {std::string(kMaxNoteBytes + 1, '\n'), "the limit is"},
  };
  table_testing::ExpectEachRefusedAsInvalid(ParseNote, cases);
  for (const table_testing::TextCase& c : cases) {
    EXPECT_FALSE(OpenNote(c.input, keys).ok()) << c.expected;
  }
}

TEST(SignedNoteTest, TextMaySpanBlankLinesBeforeTheLastOne) {
  Result<SignerKey> signer = ParseSignerKey(kPeterSigner);
  ASSERT_TRUE(signer.ok());
  const std::string text = "first\n\nthird\n";
  Result<std::string> note = SignNote(text, *signer);
  ASSERT_TRUE(note.ok());
  Result<OpenedNote> opened = OpenNote(*note, std::vector<VerifierKey>{VerifierKeyOf(*signer)});
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened->text, text);
}

TEST(SignedNoteTest, SignRefusesTextThatCannotBeANote) {
  Result<SignerKey> signer = ParseSignerKey(kPeterSigner);
  ASSERT_TRUE(signer.ok());
  EXPECT_FALSE(SignNote("abc", *signer).ok());
  EXPECT_FALSE(SignNote("", *signer).ok());
  EXPECT_FALSE(SignNote("tab\there\n", *signer).ok());
  EXPECT_FALSE(SignNote("bad \xC0\xAF utf8\n", *signer).ok());
  Result<SignerKey> cosigner =
      SignerKeyFromSeed("witness.example/w1", SignatureType::kCosignatureV1, signer->seed);
  ASSERT_TRUE(cosigner.ok());
  EXPECT_EQ(SignNote(kText, *cosigner).status().code(), StatusCode::kUsage);
}

TEST(SignedNoteTest, AddSignatureLineAppendsAndReplacesTheSameKey) {
  const std::string note = Note({kPeterLine});
  Result<std::string> added = AddSignatureLine(note, kEnochLine);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(*added, Note({kPeterLine, kEnochLine}));
  Result<std::string> again = AddSignatureLine(*added, kPeterLine);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, Note({kEnochLine, kPeterLine}));
  EXPECT_FALSE(AddSignatureLine(note, "not a signature\n").ok());
  EXPECT_FALSE(AddSignatureLine(note, std::string(kPeterLine) + std::string(kEnochLine)).ok());
}

TEST(SignedNoteTest, GeneratedKeysRoundTripThroughTheirTextForms) {
  Result<SignerKey> generated = GenerateSignerKey("canje.example/log", SignatureType::kEd25519);
  ASSERT_TRUE(generated.ok());
  Result<SignerKey> signer = ParseSignerKey(FormatSignerKey(*generated));
  ASSERT_TRUE(signer.ok()) << signer.status().ToString();
  Result<VerifierKey> verifier = ParseVerifierKey(FormatVerifierKey(VerifierKeyOf(*generated)));
  ASSERT_TRUE(verifier.ok()) << verifier.status().ToString();
  Result<std::string> note =
      SignNote("canje.example/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", *signer);
  ASSERT_TRUE(note.ok());
  EXPECT_TRUE(OpenNote(*note, std::vector<VerifierKey>{*verifier}).ok());
  Result<SignerKey> other = GenerateSignerKey("canje.example/log", SignatureType::kEd25519);
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->seed, generated->seed);
}

}  // namespace
}  // namespace canje::ledger
