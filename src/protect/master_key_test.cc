#include "protect/master_key.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

namespace canje::protect {
namespace {

std::filesystem::path TempPath(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("canje-mk-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  return dir / name;
}

TEST(MasterKeyFileTest, RoundTripsWithOwnerOnlyPermissions) {
  auto path = TempPath("round.key");
  std::filesystem::remove(path);
  MasterKeyFile file{GenerateMasterKey(), GenerateMasterKey()};
  ASSERT_TRUE(WriteMasterKeyFile(path, file, true).ok());
  struct stat info {};
  ASSERT_EQ(stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  Result<MasterKeyFile> read = ReadMasterKeyFile(path);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->current.key, file.current.key);
  ASSERT_TRUE(read->previous.has_value());
  EXPECT_EQ(read->previous->id, file.previous->id);
  EXPECT_EQ(WriteMasterKeyFile(path, file, true).code(), StatusCode::kConflict);
}

TEST(MasterKeyFileTest, MissingOpenOrDamagedFilesAreRefusedWithTheReason) {
  EXPECT_EQ(ReadMasterKeyFile(TempPath("absent.key")).status().code(),
            StatusCode::kNotPermitted);

  auto path = TempPath("open.key");
  ASSERT_TRUE(WriteMasterKeyFile(path, MasterKeyFile{GenerateMasterKey(), {}}, false).ok());
  chmod(path.c_str(), 0644);
  Result<MasterKeyFile> open = ReadMasterKeyFile(path);
  EXPECT_EQ(open.status().code(), StatusCode::kNotPermitted);
  EXPECT_NE(open.status().message().find("chmod 600"), std::string::npos);

  auto damaged = TempPath("damaged.key");
  {
    std::ofstream out(damaged);
    out << "canje-master-key v1\ncurrent 0011223344556677 AAAA\n";
  }
  chmod(damaged.c_str(), 0600);
  EXPECT_EQ(ReadMasterKeyFile(damaged).status().code(), StatusCode::kInvalid);
}

}  // namespace
}  // namespace canje::protect
