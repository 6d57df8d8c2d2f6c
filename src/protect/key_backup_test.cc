#include "protect/key_backup.h"

#include <gtest/gtest.h>

namespace canje::protect {
namespace {

constexpr ScryptCost kFastCost{1024, 8, 1};  // tests only; the default costs 128 MiB

TEST(KeyBackupTest, RoundTripsBothKeysUnderTheRightPassphraseOnly) {
  MasterKeyFile keys{GenerateMasterKey(), GenerateMasterKey()};
  Result<std::string> backup = SealKeyBackup(keys, "correct horse battery", kFastCost);
  ASSERT_TRUE(backup.ok()) << backup.status().ToString();
  EXPECT_EQ(backup->find(Base64Encode(keys.current.key)), std::string::npos);
  Result<MasterKeyFile> opened = OpenKeyBackup(*backup, "correct horse battery");
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened->current.key, keys.current.key);
  ASSERT_TRUE(opened->previous.has_value());
  EXPECT_EQ(opened->previous->key, keys.previous->key);
  EXPECT_EQ(OpenKeyBackup(*backup, "wrong horse battery").status().code(),
            StatusCode::kNotPermitted);
}

TEST(KeyBackupTest, ShortPassphrasesAndDamagedFilesAreRefused) {
  MasterKeyFile keys{GenerateMasterKey(), std::nullopt};
  EXPECT_EQ(SealKeyBackup(keys, "short", kFastCost).status().code(), StatusCode::kUsage);
  std::string backup = *SealKeyBackup(keys, "a long enough phrase", kFastCost);
  std::string damaged = backup;
  damaged[damaged.size() - 10] = damaged[damaged.size() - 10] == 'A' ? 'B' : 'A';
  EXPECT_NE(OpenKeyBackup(damaged, "a long enough phrase").status().code(), StatusCode::kOk);
  EXPECT_EQ(OpenKeyBackup("hello\n", "a long enough phrase").status().code(),
            StatusCode::kInvalid);
  std::string greedy = backup;
  greedy.replace(greedy.find("1024"), 4, "1073741824");
  EXPECT_EQ(OpenKeyBackup(greedy, "a long enough phrase").status().code(), StatusCode::kInvalid);
}

}  // namespace
}  // namespace canje::protect
