#include "core/encoding.h"

#include <gtest/gtest.h>

#include "core/digest.h"

namespace canje {
namespace {

TEST(EncodingTest, Base64FollowsRfc4648AndRejectsNonCanonicalText) {
  EXPECT_EQ(Base64Encode(AsBytes("")), "");
  EXPECT_EQ(Base64Encode(AsBytes("f")), "Zg==");
  EXPECT_EQ(Base64Encode(AsBytes("fo")), "Zm8=");
  EXPECT_EQ(Base64Encode(AsBytes("foobar")), "Zm9vYmFy");
  EXPECT_EQ(AsText(*Base64Decode("Zm8=")), "fo");
  EXPECT_EQ(AsText(*Base64Decode("Zg==")), "f");
  EXPECT_FALSE(Base64Decode("Zm8").has_value());
  EXPECT_FALSE(Base64Decode("Zh==").has_value());  // stray bits
  EXPECT_FALSE(Base64Decode("Zm 8").has_value());
  EXPECT_FALSE(Base64Decode("Z=8=").has_value());
}

TEST(EncodingTest, Base64UrlHasNoPaddingAndTheUrlAlphabet) {
  // RFC 4648 §10 vectors, without padding.
  EXPECT_EQ(Base64UrlEncode(AsBytes("")), "");
  EXPECT_EQ(Base64UrlEncode(AsBytes("f")), "Zg");
  EXPECT_EQ(Base64UrlEncode(AsBytes("foob")), "Zm9vYg");
  EXPECT_EQ(Base64UrlEncode(AsBytes("foobar")), "Zm9vYmFy");
  const Bytes high = {0xfb, 0xff, 0xbf};
  EXPECT_EQ(Base64UrlEncode(high), "-_-_");
  EXPECT_EQ(Base64UrlDecode("-_-_"), high);
  EXPECT_EQ(Base64UrlDecode("Zm9vYg"), Bytes({'f', 'o', 'o', 'b'}));
  for (const char* bad : {"Zg==", "+/+/", "Zm9vY", "Z g"}) {
    EXPECT_EQ(Base64UrlDecode(bad), std::nullopt) << bad;
  }
}

TEST(EncodingTest, HexRoundTrips) {
  EXPECT_EQ(HexEncode(AsBytes("\x01\xab")), "01ab");
  EXPECT_EQ(*HexDecode("01AB"), (Bytes{0x01, 0xab}));
  EXPECT_FALSE(HexDecode("0g").has_value());
  EXPECT_FALSE(HexDecode("abc").has_value());
}

TEST(DigestTest, Sha256MatchesTheStandardVector) {
  EXPECT_EQ(HexEncode(Sha256(AsBytes("abc"))),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256Hasher hasher;
  hasher.Update(AsBytes("a"));
  hasher.Update(AsBytes("bc"));
  EXPECT_EQ(hasher.Finish(), Sha256(AsBytes("abc")));
  EXPECT_EQ(Sha256Salted(AsBytes("a"), AsBytes("bc")), Sha256(AsBytes("abc")));
}

}  // namespace
}  // namespace canje
