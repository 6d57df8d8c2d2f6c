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

// RFC 4231 test cases 1, 2 and 6 (a key longer than the block is hashed first), and a key of
// exactly one block (the edge between the two ways of using the key).
TEST(DigestTest, HmacSha256MatchesTheStandardVectors) {
  const Bytes twenty_0b(20, 0x0b);
  EXPECT_EQ(HexEncode(HmacSha256(twenty_0b, AsBytes("Hi There"))),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(HexEncode(HmacSha256(AsBytes("Jefe"), AsBytes("what do ya want for nothing?"))),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  const Bytes long_key(131, 0xaa);
  EXPECT_EQ(HexEncode(HmacSha256(
                long_key, AsBytes("Test Using Larger Than Block-Size Key - Hash Key First"))),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  const Bytes block_key(64, 'k');
  EXPECT_EQ(HexEncode(HmacSha256(block_key, {})),
            "83026a325aaee70e36cfe607536aa1054104ad1077c36134810d4ccded1ccd3b");
}

}  // namespace
}  // namespace canje
