#include "store/testing/store_on_backend.h"

#include <unistd.h>

namespace canje::store::testing {

std::string BackendName(const ::testing::TestParamInfo<Backend>& param) {
  return param.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

std::filesystem::path TemporaryStorePath(const std::string& name) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("canje-store-test-" + std::to_string(getpid()) + "-" + name + ".db");
  RemoveStoreFiles(path);
  return path;
}

void RemoveStoreFiles(const std::filesystem::path& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

void StoreOnBackendTest::SetUp() {
  if (GetParam() == Backend::kPostgres) {
    database_ = std::make_unique<TestDatabase>();
    if (TestPostgresUrl().empty()) GTEST_SKIP() << "no CANJE_TEST_POSTGRES_URL";
    ASSERT_TRUE(database_->ok()) << database_->error();
    location_ = database_->url();
  } else {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : name) {
      if (c == '/') c = '-';
    }
    path_ = TemporaryStorePath(name);
    location_ = path_.string();
  }
  Result<std::unique_ptr<Store>> opened = Store::Open({location_, true});
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  store_ = std::move(*opened);
}

void StoreOnBackendTest::TearDown() {
  store_.reset();
  database_.reset();
  if (!path_.empty()) RemoveStoreFiles(path_);
}

}  // namespace canje::store::testing
