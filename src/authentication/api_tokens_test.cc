#include "authentication/api_tokens.h"

#include <gtest/gtest.h>

#include <set>

namespace canje::authentication {
namespace {

TEST(ApiTokensTest, AFreshTokenHasTheDocumentedFormAndIsNeverRepeated) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string token = GenerateTokenText();
    EXPECT_EQ(token.size(), 49u) << token;
    EXPECT_EQ(token.rfind("canje_", 0), 0u) << token;
    EXPECT_TRUE(HasTokenForm(token)) << token;
    EXPECT_EQ(token.find_first_of("+/="), std::string::npos) << token;
    EXPECT_TRUE(seen.insert(token).second) << "repeated: " << token;
  }
}

TEST(ApiTokensTest, TheStoredHashIsTheSha256OfTheWholeToken) {
  // SHA-256("canje_test") computed with `printf %s canje_test | sha256sum`.
  Sha256Hash hash = HashToken("canje_test");
  EXPECT_EQ(HexEncode(hash), "045e48d9eba0b2226cf0d7202b3423308ee262f46bfcce8598a81f5dedae0479");
  EXPECT_NE(HashToken("canje_tesu"), hash);
}

TEST(ApiTokensTest, TextThatIsNotATokenIsRecognised) {
  std::string token = GenerateTokenText();
  EXPECT_FALSE(HasTokenForm(token.substr(1)));
  EXPECT_FALSE(HasTokenForm(token + "A"));
  EXPECT_FALSE(HasTokenForm("xxxxx_" + token.substr(6)));
  std::string with_plus = token;
  with_plus[10] = '+';
  EXPECT_FALSE(HasTokenForm(with_plus));
  EXPECT_FALSE(HasTokenForm(""));
}

TEST(ApiTokensTest, ExpiryAndRevocationDecideTheState) {
  store::ApiTokenRow token;
  EXPECT_EQ(StateAt(token, "2026-01-01T00:00:00Z"), TokenState::kActive);
  token.expires_at = "2026-01-02T00:00:00Z";
  EXPECT_EQ(StateAt(token, "2026-01-01T23:59:59Z"), TokenState::kActive);
  EXPECT_EQ(StateAt(token, "2026-01-02T00:00:00Z"), TokenState::kExpired);
  token.revoked_at = "2026-01-01T10:00:00Z";
  EXPECT_EQ(StateAt(token, "2026-01-01T11:00:00Z"), TokenState::kRevoked);
}

TEST(ApiTokensTest, DaysAreAddedAcrossMonthsAndLeapYears) {
  EXPECT_EQ(AddDays("2028-02-28T12:00:00Z", 1).value(), "2028-02-29T12:00:00Z");
  EXPECT_EQ(AddDays("2026-12-31T23:59:59Z", 1).value(), "2027-01-01T23:59:59Z");
  EXPECT_EQ(AddDays("2026-11-29T05:00:00Z", 30).value(), "2026-12-29T05:00:00Z");
  EXPECT_FALSE(AddDays("yesterday", 1).ok());
}

}  // namespace
}  // namespace canje::authentication
