#include "negotiation/signature.h"

#include <gtest/gtest.h>

#include "core/encoding.h"

namespace canje::negotiation {
namespace {

// RFC 8032 section 7.1, TEST 1 (empty message).
constexpr char kSeedHex[] = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
constexpr char kPublicHex[] = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
constexpr char kSignatureHex[] =
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b"
    "46bd25bf5f0595bbe24655141438e7a100b";

// The PKCS#8 PEM of an Ed25519 seed, built by hand (RFC 8410 section 7) so that the parser is
// tested against the standard encoding, not against its own writer.
std::string PrivatePem(std::string_view seed_hex) {
  Bytes der = *HexDecode("302e020100300506032b657004220420");
  Bytes seed = *HexDecode(seed_hex);
  der.insert(der.end(), seed.begin(), seed.end());
  return "-----BEGIN PRIVATE KEY-----\n" + Base64Encode(der) + "\n-----END PRIVATE KEY-----\n";
}

std::string PublicPem(std::string_view public_hex) {
  Bytes der = *HexDecode("302a300506032b6570032100");
  Bytes key = *HexDecode(public_hex);
  der.insert(der.end(), key.begin(), key.end());
  return "-----BEGIN PUBLIC KEY-----\n" + Base64Encode(der) + "\n-----END PUBLIC KEY-----\n";
}

TEST(SignatureTest, SignsTheRfc8032VectorFromAPkcs8Pem) {
  auto signature = SignDetached(PrivatePem(kSeedHex), {});
  ASSERT_TRUE(signature.ok()) << signature.status().ToString();
  EXPECT_EQ(HexEncode(*signature), kSignatureHex);
}

TEST(SignatureTest, ReadsTheRawPublicKeyOfAnSpkiPemAndWritesTheSameForm) {
  auto key = ParsePublicKeyPem(PublicPem(kPublicHex));
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_EQ(HexEncode(*key), kPublicHex);
  EXPECT_EQ(PublicKeyPem(*key), PublicPem(kPublicHex));
  EXPECT_EQ(KeyId(*key).rfind("ed25519:", 0), 0u);
  EXPECT_EQ(KeyId(*key).size(), 8u + 16u);
}

TEST(SignatureTest, RefusesOtherAlgorithmsPrivateKeysAndGarbageWithAHint) {
  const std::string p256 =
      "-----BEGIN PUBLIC KEY-----\n"
      "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE4WuwZIK6AndOK1b7Xe1kWSuW2EEu\n"
      "D3FA2NgkRcXbXGCxZWYuMSYsubCY4Tqkw1dOYOzee4V7XMccJDrX7B6xXQ==\n"
      "-----END PUBLIC KEY-----\n";
  auto ec = ParsePublicKeyPem(p256);
  EXPECT_EQ(ec.status().code(), StatusCode::kInvalid);
  EXPECT_NE(ec.status().message().find("not Ed25519"), std::string::npos);

  auto private_given = ParsePublicKeyPem(PrivatePem(kSeedHex));
  EXPECT_EQ(private_given.status().code(), StatusCode::kInvalid);
  EXPECT_NE(private_given.status().message().find("-pubout"), std::string::npos);

  EXPECT_EQ(ParsePublicKeyPem("hello").status().code(), StatusCode::kInvalid);
  EXPECT_EQ(ParsePrivateKeyPem(PublicPem(kPublicHex)).status().code(), StatusCode::kInvalid);
  auto encrypted = ParsePrivateKeyPem(
      "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
  EXPECT_NE(encrypted.status().message().find("encrypted"), std::string::npos);
}

TEST(SignatureTest, ASignatureFileIsExactly64RawBytes) {
  const Bytes raw = *HexDecode(kSignatureHex);
  auto parsed = ParseSignatureFile(raw);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(HexEncode(*parsed), kSignatureHex);

  const std::string base64 = Base64Encode(raw) + "\n";
  auto text = ParseSignatureFile(AsBytes(base64));
  EXPECT_EQ(text.status().code(), StatusCode::kInvalid);
  EXPECT_NE(text.status().message().find("base64 -d"), std::string::npos);

  Bytes longer = raw;
  longer.push_back(0);
  EXPECT_EQ(ParseSignatureFile(longer).status().code(), StatusCode::kInvalid);
}

TEST(SignatureTest, ASignatureVerifiesOnlyForItsKeyAndItsExactBytes) {
  const std::string manifest = R"({"exchange":"X1","version":3})";
  auto signature = SignDetached(PrivatePem(kSeedHex), AsBytes(manifest));
  ASSERT_TRUE(signature.ok());
  auto key = *ParsePublicKeyPem(PublicPem(kPublicHex));
  EXPECT_TRUE(ledger::Ed25519Verify(key, AsBytes(manifest), *signature));
  EXPECT_FALSE(ledger::Ed25519Verify(key, AsBytes(manifest + "\n"), *signature));
  auto other = *ledger::Ed25519PublicKeyOf(ledger::GenerateEd25519Seed());
  EXPECT_FALSE(ledger::Ed25519Verify(other, AsBytes(manifest), *signature));
}

}  // namespace
}  // namespace canje::negotiation
