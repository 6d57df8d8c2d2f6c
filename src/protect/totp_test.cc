#include "protect/totp.h"

#include <gtest/gtest.h>

namespace canje::protect {
namespace {

// RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890"; the eight-digit values of the
// table, and their last six digits for the six-digit codes canje uses.
const std::string kSeed = "12345678901234567890";

TEST(Totp, MatchesRfc6238AppendixB) {
  struct Vector {
    int64_t time;
    const char* eight_digits;
  };
  for (const Vector& v : {Vector{59, "94287082"}, {1111111109, "07081804"},
                          {1111111111, "14050471"}, {1234567890, "89005924"},
                          {2000000000, "69279037"}, {20000000000, "65353130"}}) {
    const uint64_t step = static_cast<uint64_t>(TotpStep(v.time));
    EXPECT_EQ(HotpCode(AsBytes(kSeed), step, 8), v.eight_digits) << v.time;
    const std::string six = std::string(v.eight_digits).substr(2);
    EXPECT_EQ(HotpCode(AsBytes(kSeed), step), six) << v.time;
    EXPECT_EQ(MatchTotp(AsBytes(kSeed), six, v.time), TotpStep(v.time)) << v.time;
  }
}

TEST(Totp, MatchesRfc4226AppendixD) {
  const char* codes[] = {"755224", "287082", "359152", "969429", "338314",
                         "254676", "287922", "162583", "399871", "520489"};
  for (uint64_t counter = 0; counter < 10; ++counter) {
    EXPECT_EQ(HotpCode(AsBytes(kSeed), counter), codes[counter]) << counter;
  }
}

TEST(Totp, AcceptsOneStepOfDriftAndNothingElse) {
  const int64_t now = 1'700'000'000;
  const std::string previous = HotpCode(AsBytes(kSeed), static_cast<uint64_t>(TotpStep(now) - 1));
  const std::string older = HotpCode(AsBytes(kSeed), static_cast<uint64_t>(TotpStep(now) - 2));
  EXPECT_EQ(MatchTotp(AsBytes(kSeed), previous, now), TotpStep(now) - 1);
  EXPECT_EQ(MatchTotp(AsBytes(kSeed), older, now), std::nullopt);
  for (const char* bad : {"", "12345", "1234567", "12 345", "abcdef", "-12345"}) {
    EXPECT_EQ(MatchTotp(AsBytes(kSeed), bad, now), std::nullopt) << bad;
  }
}

TEST(Totp, UriIsWhatAuthenticatorAppsRead) {
  EXPECT_EQ(Base32Encode(AsBytes("12345678901234567890")), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(Base32Encode(AsBytes("f")), "MY");  // RFC 4648 §10 without padding
  EXPECT_EQ(Base32Encode(AsBytes("foobar")), "MZXW6YTBOI");
  EXPECT_EQ(Base32Decode("MZXW6YTBOI"), Bytes({'f', 'o', 'o', 'b', 'a', 'r'}));
  EXPECT_EQ(Base32Decode("MZXW6YTBOJ"), std::nullopt);  // stray low bits
  EXPECT_EQ(Base32Decode("mzxw6ytboi"), std::nullopt);
  EXPECT_EQ(TotpUri("canje", "ana maría", AsBytes(kSeed)),
            "otpauth://totp/canje:ana%20mar%C3%ADa?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            "&issuer=canje&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(NewTotpSecret().size(), 20u);
}

}  // namespace
}  // namespace canje::protect
