#include "ledger/note_keys.h"

#include <gtest/gtest.h>

#include "ledger/go_note_vectors_test.h"

namespace canje::ledger {
namespace {

using namespace go_note_vectors;  // NOLINT: test vectors

TEST(NoteKeysTest, ParsesGoVerifierKeys) {
  Result<VerifierKey> key = ParseVerifierKey(kPeterVerifier);
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_EQ(key->name, "PeterNeumann");
  EXPECT_EQ(key->type, SignatureType::kEd25519);
  EXPECT_EQ(key->key_id, 0xc74f20a3u);
  EXPECT_EQ(FormatVerifierKey(*key), kPeterVerifier);
  // A '+' inside the base64 key data (transparency-dev/formats test key).
  EXPECT_TRUE(ParseVerifierKey("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6").ok());
}

// The key id of a cosigner key uses type byte 0x04: a witness's published vkey
// (transparency-dev/formats note tests) must check out.
TEST(NoteKeysTest, DerivesCosignerKeyIdsWithType4) {
  Result<VerifierKey> key =
      ParseVerifierKey("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_EQ(key->type, SignatureType::kCosignatureV1);
  EXPECT_EQ(key->key_id, 0xda77ade7u);
  EXPECT_NE(KeyId(key->name, SignatureType::kEd25519, key->public_key), key->key_id);
}

// As Go's TestNewVerifier / TestNewSigner: every proper substring and every one-byte change of
// a valid key is refused.
TEST(NoteKeysTest, RefusesEveryManglingOfAValidKey) {
  for (std::string_view valid : {kPeterVerifier, kPeterSigner}) {
    const bool is_signer = valid.starts_with("PRIVATE");
    auto parses = [&](const std::string& text) {
      return is_signer ? ParseSignerKey(text).ok() : ParseVerifierKey(text).ok();
    };
    ASSERT_TRUE(parses(std::string(valid)));
    for (size_t i = 0; i <= valid.size(); ++i) {
      for (size_t j = i + 1; j <= valid.size(); ++j) {
        if (i == 0 && j == valid.size()) continue;
        EXPECT_FALSE(parses(std::string(valid.substr(i, j - i)))) << valid.substr(i, j - i);
      }
    }
    std::string mangled(valid);
    for (size_t i = 0; i < mangled.size(); ++i) {
      ++mangled[i];
      EXPECT_FALSE(parses(mangled)) << mangled;
      --mangled[i];
    }
  }
}

TEST(NoteKeysTest, ExplainsWhyAKeyIsRefused) {
  const struct {
    std::string_view text;
    std::string_view reason;
  } cases[] = {
      {"PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEQ==",
       "key is 36 bytes"},
      {"PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
       "unknown signature type 0x65"},
      {"PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
       "does not match its name and key"},
      {"PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "8 hexadecimal"},
      {"Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "space"},
      {"+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "must not be empty"},
      {"PeterNeumann", "NAME+KEYID+KEYDATA"},
      {"PeterNeumann+c74f20a3+", "no key data"},
      {"PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW\n", "base64"},
  };
  for (const auto& c : cases) {
    Result<VerifierKey> key = ParseVerifierKey(c.text);
    ASSERT_FALSE(key.ok()) << c.text;
    EXPECT_EQ(key.status().code(), StatusCode::kInvalid);
    EXPECT_NE(key.status().message().find(c.reason), std::string::npos) << key.status().message();
  }
  EXPECT_NE(ParseSignerKey(
                "PRIVATE+KEYS+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")
                .status()
                .message()
                .find("PRIVATE+KEY+"),
            std::string::npos);
}

TEST(NoteKeysTest, KeyNames) {
  EXPECT_TRUE(IsValidKeyName("canje.example/log"));
  EXPECT_TRUE(IsValidKeyName("\xC3\xB1u\xC3\xB1oa"));
  EXPECT_FALSE(IsValidKeyName(""));
  EXPECT_FALSE(IsValidKeyName("a+b"));
  EXPECT_FALSE(IsValidKeyName("a b"));
  EXPECT_FALSE(
      IsValidKeyName("a\xC2\xA0"
                     "b"));  // no-break space
  EXPECT_FALSE(
      IsValidKeyName("a\xE3\x80\x80"
                     "b"));  // ideographic space
  EXPECT_FALSE(IsValidKeyName("a\tb"));
  EXPECT_FALSE(IsValidKeyName("\xFF"));
}

}  // namespace
}  // namespace canje::ledger
