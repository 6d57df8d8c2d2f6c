#include "protect/sealed_opener.h"

#include <gtest/gtest.h>

#include "protect/vault.h"

namespace canje::protect {
namespace {

// A SealedOpener gives what the Vault gives, with the same messages, for keys wrapped under the
// current or the previous master key, under another master key, or altered.
TEST(SealedOpenerTest, OpensWhatTheVaultOpensAndRefusesWithTheVaultsMessages) {
  const MasterKey old_key = GenerateMasterKey();
  const MasterKeyFile keys{GenerateMasterKey(), old_key};
  Vault vault(keys);
  Vault old_vault(MasterKeyFile{old_key, std::nullopt});
  Vault stranger(MasterKeyFile{GenerateMasterKey(), std::nullopt});

  struct Case {
    Bytes wrapped;
    Bytes sealed;
  };
  std::vector<Case> cases;
  for (Vault* sealer : {&vault, &old_vault, &vault, &stranger, &old_vault}) {
    Bytes data_key = sealer->NewDataKey();
    cases.push_back({sealer->WrapKey(data_key, "event payload"),
                     sealer->Seal(data_key, AsBytes("{\"n\":1}"), "event payload")});
  }
  Bytes altered = cases[0].wrapped;
  altered.back() ^= 1;
  cases.push_back({altered, cases[0].sealed});
  cases.push_back({Bytes(5, 1), cases[0].sealed});              // too short to hold a key id
  cases.push_back({cases[1].wrapped, cases[0].sealed});         // opens, but not that payload
  cases.push_back({vault.WrapKey(RandomBytes(kKeySize), "person 3"), cases[0].sealed});

  SealedOpener opener(keys, "event payload");
  Bytes data_key;
  Bytes plaintext;
  for (size_t i = 0; i < cases.size(); ++i) {
    Result<Bytes> expected_key = vault.UnwrapKey(cases[i].wrapped, "event payload");
    Status unwrapped = opener.UnwrapKey(cases[i].wrapped, data_key);
    ASSERT_EQ(unwrapped.ok(), expected_key.ok()) << i;
    if (!unwrapped.ok()) {
      EXPECT_EQ(unwrapped.code(), expected_key.status().code()) << i;
      EXPECT_EQ(unwrapped.message(), expected_key.status().message()) << i;
      continue;
    }
    EXPECT_EQ(data_key, *expected_key) << i;
    Result<Bytes> expected_text = vault.Open(data_key, cases[i].sealed, "event payload");
    Status opened = opener.Open(data_key, cases[i].sealed, "event payload", plaintext);
    ASSERT_EQ(opened.ok(), expected_text.ok()) << i;
    if (opened.ok()) {
      EXPECT_EQ(plaintext, *expected_text) << i;
    } else {
      EXPECT_EQ(opened.message(), expected_text.status().message()) << i;
    }
  }
}

}  // namespace
}  // namespace canje::protect
