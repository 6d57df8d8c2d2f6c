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

}  // namespace
}  // namespace canje::protect
