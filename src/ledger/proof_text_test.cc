#include "ledger/proof_text.h"

#include <gtest/gtest.h>

namespace canje::ledger {
namespace {

TEST(ProofTextTest, RoundTrips) {
  const std::vector<Hash> proof = {HashLeaf(AsBytes("a")), HashLeaf(AsBytes("b"))};
  const std::string text = FormatProof(proof);
  EXPECT_EQ(text, Base64Encode(proof[0]) + "\n" + Base64Encode(proof[1]) + "\n");
  EXPECT_EQ(*ParseProof(text), proof);
  EXPECT_EQ(*ParseProof(text.substr(0, text.size() - 1)), proof);  // final newline optional
  EXPECT_TRUE(ParseProof("")->empty());
}

TEST(ProofTextTest, RefusesMalformedProofsWithTheLine) {
  const std::string good = Base64Encode(HashLeaf(AsBytes("a")));
  std::string too_many;
  for (size_t i = 0; i <= kMaxProofHashes; ++i) too_many += good + "\n";
  const struct {
    std::string text;
    std::string reason;
  } cases[] = {
      {good + "\n\n" + good + "\n", "proof line 2 is blank"},
      {"\n", "proof line 1 is blank"},
      {good + "\r\n", "carriage return"},
      {good + "\n" + "V3JvbmdSb290\n", "proof line 2 is not"},
      {good.substr(1) + "\n", "proof line 1 is not"},
      {" " + good + "\n", "proof line 1 is not"},
      {std::string(100000, 'A'), "proof line 1 is not"},
      {too_many, "at most 125 hashes"},
  };
  for (const auto& c : cases) {
    Result<std::vector<Hash>> proof = ParseProof(c.text);
    ASSERT_FALSE(proof.ok()) << c.reason;
    EXPECT_EQ(proof.status().code(), StatusCode::kInvalid);
    EXPECT_NE(proof.status().message().find(c.reason), std::string::npos)
        << proof.status().message();
  }
}

}  // namespace
}  // namespace canje::ledger
