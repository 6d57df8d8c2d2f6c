#include "store/sqlite/sqlite_bulk_load.h"

#include <utility>

#include <sqlite3.h>

#include "store/sqlite/sqlite_connection.h"

namespace canje::store {

namespace {

// Runs `sql` (no parameters, no rows).
Status RunBulkLoadSql(sqlite3* db, const std::string& sql, std::string_view what) {
  int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) return SqliteStatus(db, code, what);
  return Status::Ok();
}

// The SQL of `table`'s indexes made by CREATE INDEX without UNIQUE (sqlite_master keeps the
// statement as it was written).
Result<std::vector<std::pair<std::string, std::string>>> PlainIndexes(sqlite3* db,
                                                                      const std::string& table) {
  sqlite3_stmt* statement = nullptr;
  const char* kSql =
      "SELECT m.name, m.sql FROM pragma_index_list(?1) AS l"
      " JOIN sqlite_master AS m ON m.type = 'index' AND m.name = l.name"
      " WHERE l.origin = 'c' AND l.\"unique\" = 0 AND m.sql IS NOT NULL ORDER BY m.name";
  int code = sqlite3_prepare_v2(db, kSql, -1, &statement, nullptr);
  if (code != SQLITE_OK) return SqliteStatus(db, code, "cannot list the indexes of " + table);
  sqlite3_bind_text(statement, 1, table.c_str(), -1, SQLITE_TRANSIENT);
  std::vector<std::pair<std::string, std::string>> indexes;
  while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
    indexes.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)),
                         reinterpret_cast<const char*>(sqlite3_column_text(statement, 1)));
  }
  sqlite3_finalize(statement);
  if (code != SQLITE_DONE) return SqliteStatus(db, code, "cannot list the indexes of " + table);
  return indexes;
}

class SqliteBulkInsert : public SqlStatement {
 public:
  SqliteBulkInsert(std::unique_ptr<SqlStatement> insert, sqlite3* db, std::string table,
                   int64_t rows_before, std::shared_ptr<SqliteDeferredIndexes> deferred)
      : insert_(std::move(insert)),
        db_(db),
        table_(std::move(table)),
        rows_before_(rows_before),
        deferred_(std::move(deferred)) {}

  void BindInt(int index, int64_t value) override { insert_->BindInt(index, value); }
  void BindText(int index, std::string_view value) override { insert_->BindText(index, value); }
  void BindBlob(int index, ByteView value) override { insert_->BindBlob(index, value); }
  void BindNull(int index) override { insert_->BindNull(index); }
  Result<bool> Step() override { return insert_->Step(); }
  bool IsNull(int column) const override { return insert_->IsNull(column); }
  int64_t Int(int column) const override { return insert_->Int(column); }
  std::string Text(int column) const override { return insert_->Text(column); }
  Bytes Blob(int column) const override { return insert_->Blob(column); }
  void Reset() override { insert_->Reset(); }

  Status RunBatched() override {
    CANJE_RETURN_IF_ERROR(insert_->Run());
    ++rows_added_;
    if (!deferred_asked_ && rows_added_ >= kDeferIndexesAfterRows &&
        rows_before_ <= kDeferIndexesRatio * rows_added_) {
      deferred_asked_ = true;
      // The insert is reset (Run did), so no statement of this connection is running.
      (void)deferred_->Defer(db_, table_);
    }
    return Status::Ok();
  }

 private:
  std::unique_ptr<SqlStatement> insert_;
  sqlite3* db_;
  std::string table_;
  int64_t rows_before_;
  std::shared_ptr<SqliteDeferredIndexes> deferred_;
  int64_t rows_added_ = 0;
  bool deferred_asked_ = false;
};

}  // namespace

Status SqliteDeferredIndexes::Defer(sqlite3* db, const std::string& table) {
  CANJE_ASSIGN_OR_RETURN(auto indexes, PlainIndexes(db, table));
  for (const auto& [name, sql] : indexes) {
    CANJE_RETURN_IF_ERROR(RunBulkLoadSql(db, "DROP INDEX \"" + name + "\"", "cannot drop index " + name));
    dropped_sql_.push_back(sql);
  }
  return Status::Ok();
}

Status SqliteDeferredIndexes::Rebuild(sqlite3* db) {
  std::vector<std::string> dropped = std::move(dropped_sql_);
  dropped_sql_.clear();
  for (const std::string& sql : dropped) {
    CANJE_RETURN_IF_ERROR(RunBulkLoadSql(db, sql, "cannot build an index again after a bulk insert"));
  }
  return Status::Ok();
}

std::unique_ptr<SqlStatement> NewSqliteBulkInsert(std::unique_ptr<SqlStatement> insert,
                                                  sqlite3* db, std::string table,
                                                  int64_t rows_before,
                                                  std::shared_ptr<SqliteDeferredIndexes> deferred) {
  return std::make_unique<SqliteBulkInsert>(std::move(insert), db, std::move(table), rows_before,
                                            std::move(deferred));
}

}  // namespace canje::store
