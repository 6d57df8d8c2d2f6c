#include "ledger/note_keys.h"

#include <gtest/gtest.h>

#include "core/testing/text_cases.h"
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
  table_testing::ExpectEachRefusedAsInvalid(
      ParseVerifierKey,
      {
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
      });
  EXPECT_NE(ParseSignerKey(
                "PRIVATE+KEYS+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")
                .status()
                .message()
                .find("PRIVATE+KEY+"),
            std::string::npos);
}

TEST(NoteKeysTest, KeyNames) {
  for (const char* name : {"canje.example/log", "\xC3\xB1u\xC3\xB1oa"}) {
    EXPECT_TRUE(IsValidKeyName(name)) << name;
  }
  // Empty, a '+', a space of any kind, a control character, bytes that are not UTF-8.
  const std::string refused[] = {
      "",         "a+b",  "a b",
      "a\u00A0b",  // no-break space
      "a\u3000b",  // ideographic space
      "a\tb",     "\xFF",
  };
  for (const std::string& name : refused) EXPECT_FALSE(IsValidKeyName(name)) << name;
}

}  // namespace
}  // namespace canje::ledger
