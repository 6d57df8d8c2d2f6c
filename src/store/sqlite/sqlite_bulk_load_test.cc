// A large bulk insert on SQLite drops the table's plain indexes inside its transaction and
// builds them again at commit (sqlite_bulk_load.h): after the commit, or a rollback, the
// schema is as it was, the indexes hold every row and queries use them.
#include "store/sqlite/sqlite_bulk_load.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/sqlite/sqlite_connection.h"
#include "store/testing/store_on_backend.h"

namespace canje::store {
namespace {

class SqliteBulkLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = testing::TemporaryStorePath("bulk-load");
    auto opened = SqliteConnection::Open({.path = path_, .create = true});
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    db_ = std::move(*opened);
    ASSERT_TRUE(db_->Execute("CREATE TABLE rows_t (id INTEGER PRIMARY KEY, k BLOB NOT NULL,"
                             " u INTEGER NOT NULL);"
                             " CREATE INDEX rows_t_by_k ON rows_t(k);"
                             " CREATE UNIQUE INDEX rows_t_by_u ON rows_t(u);")
                    .ok());
  }
  void TearDown() override {
    db_.reset();
    testing::RemoveStoreFiles(path_);
  }

  // The names and SQL of rows_t's indexes, as sqlite_master has them now.
  std::vector<std::string> Indexes() {
    std::vector<std::string> found;
    auto query = db_->Prepare(
        "SELECT name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE type = 'index'"
        " AND tbl_name = 'rows_t' ORDER BY name");
    EXPECT_TRUE(query.ok());
    while (true) {
      Result<bool> row = (*query)->Step();
      EXPECT_TRUE(row.ok());
      if (!row.ok() || !*row) break;
      found.push_back((*query)->Text(0));
    }
    return found;
  }

  int64_t One(const std::string& sql) {
    auto query = db_->Prepare(sql);
    EXPECT_TRUE(query.ok());
    Result<bool> row = (*query)->Step();
    EXPECT_TRUE(row.ok() && *row) << sql;
    return (*query)->Int(0);
  }

  // Adds `count` rows from `first` by the bulk insert, in the open transaction.
  void AddRows(int64_t first, int64_t count) {
    auto insert = db_->PrepareBulkInsert(BulkInsert{"rows_t", {"id", "k", "u"}});
    ASSERT_TRUE(insert.ok());
    for (int64_t i = first; i < first + count; ++i) {
      // Keys in no order, as keyed hashes are.
      uint64_t mixed = static_cast<uint64_t>(i) * 0x9E3779B97F4A7C15ull;
      std::string key(reinterpret_cast<const char*>(&mixed), sizeof mixed);
      (*insert)->BindInt(1, i);
      (*insert)->BindBlob(2, AsBytes(key));
      (*insert)->BindInt(3, i);
      ASSERT_TRUE((*insert)->RunBatched().ok());
    }
  }

  std::filesystem::path path_;
  std::unique_ptr<SqliteConnection> db_;
};

const std::vector<std::string> kSchema = {
    "rows_t_by_k: CREATE INDEX rows_t_by_k ON rows_t(k)",
    "rows_t_by_u: CREATE UNIQUE INDEX rows_t_by_u ON rows_t(u)"};

TEST_F(SqliteBulkLoadTest, ALargeInsertBuildsThePlainIndexAtCommit) {
  ASSERT_TRUE(db_->BeginWrite().ok());
  AddRows(1, kDeferIndexesAfterRows + 1000);
  // Inside the transaction the plain index is gone; the unique one still checks every row.
  EXPECT_EQ(Indexes(), std::vector<std::string>{kSchema[1]});
  ASSERT_TRUE(db_->Commit().ok());

  EXPECT_EQ(Indexes(), kSchema);
  EXPECT_EQ(One("SELECT count(*) FROM rows_t INDEXED BY rows_t_by_k WHERE k IS NOT NULL"),
            kDeferIndexesAfterRows + 1000);
  EXPECT_EQ(One("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'"), 0);
}

TEST_F(SqliteBulkLoadTest, ARollbackKeepsTheIndexesAndNoRow) {
  ASSERT_TRUE(db_->BeginWrite().ok());
  AddRows(1, kDeferIndexesAfterRows);
  ASSERT_TRUE(db_->Rollback().ok());
  EXPECT_EQ(Indexes(), kSchema);
  EXPECT_EQ(One("SELECT count(*) FROM rows_t"), 0);
  // The next transaction does not build again what the rollback restored.
  ASSERT_TRUE(db_->BeginWrite().ok());
  AddRows(1, 10);
  ASSERT_TRUE(db_->Commit().ok());
  EXPECT_EQ(Indexes(), kSchema);
}

TEST_F(SqliteBulkLoadTest, ATableThatAlreadyHoldsManyMoreRowsKeepsItsIndexes) {
  // max(rowid) stands for the rows the table holds.
  const int64_t held = kDeferIndexesRatio * kDeferIndexesAfterRows + 1;
  ASSERT_TRUE(db_->Execute("INSERT INTO rows_t VALUES(" + std::to_string(held) + ", x'00', 0)").ok());
  ASSERT_TRUE(db_->BeginWrite().ok());
  AddRows(1, kDeferIndexesAfterRows);
  EXPECT_EQ(Indexes(), kSchema);
  ASSERT_TRUE(db_->Commit().ok());
}

TEST_F(SqliteBulkLoadTest, ADuplicateOfAUniqueKeyFailsAtOnceAfterTheIndexesAreDropped) {
  ASSERT_TRUE(db_->BeginWrite().ok());
  AddRows(1, kDeferIndexesAfterRows);
  auto insert = db_->PrepareBulkInsert(BulkInsert{"rows_t", {"id", "k", "u"}});
  ASSERT_TRUE(insert.ok());
  (*insert)->BindInt(1, kDeferIndexesAfterRows + 1);
  (*insert)->BindBlob(2, AsBytes(std::string("k")));
  (*insert)->BindInt(3, 5);  // u = 5 is taken
  EXPECT_EQ((*insert)->RunBatched().code(), StatusCode::kConflict);
  insert->reset();
  ASSERT_TRUE(db_->Rollback().ok());
  EXPECT_EQ(Indexes(), kSchema);
}

}  // namespace
}  // namespace canje::store
