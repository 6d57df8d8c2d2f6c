#include "ledger/ed25519.h"

#include <gtest/gtest.h>

namespace canje::ledger {
namespace {

template <size_t N>
std::array<uint8_t, N> FromHex(std::string_view hex) {
  std::optional<Bytes> bytes = HexDecode(hex);
  std::array<uint8_t, N> out{};
  EXPECT_TRUE(bytes && bytes->size() == N);
  if (bytes && bytes->size() == N) std::copy(bytes->begin(), bytes->end(), out.begin());
  return out;
}

// RFC 8032 section 7.1, TEST 1 (empty message).
TEST(Ed25519Test, MatchesRfc8032Test1) {
  const auto seed = FromHex<32>("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  const auto public_key =
      FromHex<32>("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  const auto signature = FromHex<64>(
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9"
      "b46bd25bf5f0595bbe24655141438e7a100b");
  EXPECT_EQ(*Ed25519PublicKeyOf(seed), public_key);
  EXPECT_EQ(*Ed25519Sign(seed, {}), signature);
  EXPECT_TRUE(Ed25519Verify(public_key, {}, signature));
  const uint8_t one = 0;
  EXPECT_FALSE(Ed25519Verify(public_key, ByteView(&one, 1), signature));
  EXPECT_FALSE(Ed25519Verify(public_key, {}, ByteView(signature).first(63)));
  auto bad = signature;
  bad[10] ^= 1;
  EXPECT_FALSE(Ed25519Verify(public_key, {}, bad));
}

}  // namespace
}  // namespace canje::ledger
