#include "protect/aead.h"

#include <gtest/gtest.h>

#include "core/digest.h"
#include "protect/vault.h"

namespace canje::protect {
namespace {

TEST(AeadTest, SealedDataOpensOnlyWithItsKeyAndPlace) {
  Aead aead;
  Bytes key = RandomBytes(kKeySize);
  Bytes sealed = aead.Seal(key, AsBytes("Pérez Rodríguez"), AsBytes("person 1"));
  EXPECT_EQ(sealed.size(), kSealOverhead + std::string("Pérez Rodríguez").size());
  EXPECT_EQ(AsText(sealed).find("Pérez"), std::string_view::npos);
  Result<Bytes> opened = aead.Open(key, sealed, AsBytes("person 1"));
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(AsText(*opened), "Pérez Rodríguez");
  EXPECT_FALSE(aead.Open(key, sealed, AsBytes("person 2")).ok());
  EXPECT_FALSE(aead.Open(RandomBytes(kKeySize), sealed, AsBytes("person 1")).ok());
  Bytes altered = sealed;
  altered[15] ^= 1;
  EXPECT_EQ(aead.Open(key, altered, AsBytes("person 1")).status().code(), StatusCode::kInvalid);
  EXPECT_FALSE(aead.Open(key, Bytes(5), AsBytes("person 1")).ok());
}

TEST(VaultTest, WrappedKeysOpenUnderCurrentOrPreviousMasterKeyOnly) {
  MasterKey old_key = GenerateMasterKey();
  Vault old_vault(MasterKeyFile{old_key, std::nullopt});
  Bytes data_key = old_vault.NewDataKey();
  Bytes wrapped = old_vault.WrapKey(data_key, "person 7");
  EXPECT_EQ(Vault::WrappingKeyId(wrapped), old_key.id);

  Vault rotating(MasterKeyFile{GenerateMasterKey(), old_key});
  EXPECT_FALSE(rotating.IsWrappedByCurrentKey(wrapped));
  ASSERT_TRUE(rotating.UnwrapKey(wrapped, "person 7").ok());
  EXPECT_EQ(*rotating.UnwrapKey(wrapped, "person 7"), data_key);
  EXPECT_FALSE(rotating.UnwrapKey(wrapped, "person 8").ok());

  Vault stranger(MasterKeyFile{GenerateMasterKey(), std::nullopt});
  Result<Bytes> refused = stranger.UnwrapKey(wrapped, "person 7");
  EXPECT_EQ(refused.status().code(), StatusCode::kNotPermitted);
  EXPECT_NE(refused.status().message().find(old_key.id), std::string::npos);
}

TEST(VaultTest, IndexHashesAreKeyedAndDomainSeparated) {
  Vault vault(MasterKeyFile{GenerateMasterKey(), std::nullopt});
  vault.SetIndexKey(RandomBytes(32));
  Bytes a = vault.IndexHash("document", "12345678");
  EXPECT_EQ(a.size(), 16u);
  EXPECT_EQ(a, vault.IndexHash("document", "12345678"));
  EXPECT_NE(a, vault.IndexHash("name", "12345678"));
  Vault other(MasterKeyFile{GenerateMasterKey(), std::nullopt});
  other.SetIndexKey(RandomBytes(32));
  EXPECT_NE(a, other.IndexHash("document", "12345678"));
}


// An Aead keeps the last key's schedule and only sets a new nonce when the same key comes again
// (aead.cc): interleaved keys, a failed open, and sealing after opening must not carry anything
// over from one message to the next.
TEST(AeadTest, ReusedKeyScheduleOpensEachMessageUnderItsOwnKeyOnly) {
  Aead sealer;
  Aead aead;
  const Bytes a = RandomBytes(kKeySize);
  const Bytes b = RandomBytes(kKeySize);
  std::vector<std::pair<const Bytes*, Bytes>> messages;
  for (int i = 0; i < 6; ++i) {
    const Bytes* key = i % 3 == 2 ? &b : &a;
    messages.emplace_back(key, sealer.Seal(*key, AsBytes("message " + std::to_string(i)),
                                           AsBytes("place")));
  }
  Bytes out(100, 0xee);  // a buffer with something in it already: replaced, not appended to
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < messages.size(); ++i) {
      const auto& [key, sealed] = messages[i];
      ASSERT_TRUE(aead.OpenInto(*key, sealed, AsBytes("place"), out).ok()) << i;
      EXPECT_EQ(AsText(out), "message " + std::to_string(i));
      EXPECT_FALSE(aead.Open(key == &a ? b : a, sealed, AsBytes("place")).ok()) << i;
      Bytes altered = sealed;
      altered.back() ^= 1;
      EXPECT_FALSE(aead.OpenInto(*key, altered, AsBytes("place"), out).ok()) << i;
      EXPECT_TRUE(out.empty());
      EXPECT_FALSE(aead.Open(*key, sealed, AsBytes("elsewhere")).ok()) << i;
    }
  }
  // Sealing with the key the context holds, right after opening with it.
  Bytes resealed = aead.Seal(a, AsBytes("again"), {});
  Result<Bytes> opened = sealer.Open(a, resealed, {});
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(AsText(*opened), "again");
  Result<Bytes> same_context = aead.Open(a, resealed, {});
  ASSERT_TRUE(same_context.ok());
  EXPECT_EQ(AsText(*same_context), "again");
}

}  // namespace
}  // namespace canje::protect
