#include "store/sqlite/sqlite_bulk_load.h"

#include <utility>

#include "store/sqlite/sqlite_connection.h"

namespace canje::store {

namespace {

// The SQL of `table`'s indexes made by CREATE INDEX without UNIQUE (sqlite_master keeps the
// statement as it was written).
Result<std::vector<std::pair<std::string, std::string>>> PlainIndexes(SqliteConnection& db,
                                                                      const std::string& table) {
  CANJE_ASSIGN_OR_RETURN(
      std::unique_ptr<SqlStatement> query,
      db.Prepare("SELECT m.name, m.sql FROM pragma_index_list(?) AS l"
                 " JOIN sqlite_master AS m ON m.type = 'index' AND m.name = l.name"
                 " WHERE l.origin = 'c' AND l.\"unique\" = 0 AND m.sql IS NOT NULL ORDER BY m.name"));
  query->BindText(1, table);
  std::vector<std::pair<std::string, std::string>> indexes;
  while (true) {
    CANJE_ASSIGN_OR_RETURN(bool row, query->Step());
    if (!row) break;
    indexes.emplace_back(query->Text(0), query->Text(1));
  }
  return indexes;
}

class SqliteBulkInsert : public SqlStatement {
 public:
  SqliteBulkInsert(std::unique_ptr<SqlStatement> insert, SqliteConnection& db, std::string table,
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
  SqliteConnection& db_;  // outlives the statement: used within its write transaction
  std::string table_;
  int64_t rows_before_;
  std::shared_ptr<SqliteDeferredIndexes> deferred_;
  int64_t rows_added_ = 0;
  bool deferred_asked_ = false;
};

}  // namespace

Status SqliteDeferredIndexes::Defer(SqliteConnection& db, const std::string& table) {
  CANJE_ASSIGN_OR_RETURN(auto indexes, PlainIndexes(db, table));
  for (const auto& [name, sql] : indexes) {
    CANJE_RETURN_IF_ERROR(
        db.Execute("DROP INDEX \"" + name + "\"").WithContext("dropping index " + name));
    dropped_sql_.push_back(sql);
  }
  return Status::Ok();
}

Status SqliteDeferredIndexes::Rebuild(SqliteConnection& db) {
  std::vector<std::string> dropped = std::move(dropped_sql_);
  dropped_sql_.clear();
  for (const std::string& sql : dropped) {
    CANJE_RETURN_IF_ERROR(
        db.Execute(sql).WithContext("building an index again after a bulk insert"));
  }
  return Status::Ok();
}

std::unique_ptr<SqlStatement> NewSqliteBulkInsert(std::unique_ptr<SqlStatement> insert,
                                                  SqliteConnection& db, std::string table,
                                                  int64_t rows_before,
                                                  std::shared_ptr<SqliteDeferredIndexes> deferred) {
  return std::make_unique<SqliteBulkInsert>(std::move(insert), db, std::move(table), rows_before,
                                            std::move(deferred));
}

}  // namespace canje::store
