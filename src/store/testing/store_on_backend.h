// For the store's own tests (store_test): a store opened on either backend, for the suites that
// run every case on both, and temporary SQLite files for the cases that open their own.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "store/postgres/postgres_test_database.h"
#include "store/store.h"

namespace canje::store::testing {

enum class Backend { kSqlite, kPostgres };

// The name of a case's backend in its test name ("Sqlite", "Postgres"), for
//   INSTANTIATE_TEST_SUITE_P(Backends, Suite, ::testing::Values(Backend::kSqlite,
//                            Backend::kPostgres), BackendName);
std::string BackendName(const ::testing::TestParamInfo<Backend>& param);

// A path for a SQLite file of this test process, "canje-store-test-<pid>-<name>.db" in the
// temporary folder, removed if it was there.
std::filesystem::path TemporaryStorePath(const std::string& name);
// Removes such a file with its -wal and -shm companions.
void RemoveStoreFiles(const std::filesystem::path& path);

// A fixture whose every case runs on the backend of its parameter: SQLite in a temporary file
// named after the case, PostgreSQL in a database of its own on the test cluster (the case is
// skipped when CANJE_TEST_POSTGRES_URL is unset). The store is open as `store_` when the case
// starts; everything is removed after it.
class StoreOnBackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  std::unique_ptr<TestDatabase> database_;
  std::filesystem::path path_;
  std::string location_;  // the file path or the database URL
  std::unique_ptr<Store> store_;
};

}  // namespace canje::store::testing
