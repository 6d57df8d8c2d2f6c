// SQLite backend of SqlConnection: WAL journal, foreign keys on, synchronous=FULL (every commit
// durable), secure_delete on (freed pages are zeroed, so erased data does not linger). Prepared
// statements are kept per connection and reused (the cache in sqlite_connection.cc).
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>
#include <utility>

#include "store/sql_connection.h"

struct sqlite3;

namespace canje::store {
class SqliteStatementCache;
class SqliteDeferredIndexes;
}

namespace canje::store {

struct SqliteOptions {
  std::filesystem::path path;
  bool create = false;          // create the file if missing (canje init)
  int busy_timeout_ms = 10000;  // then kUnavailable
};

class SqliteConnection : public SqlConnection {
 public:
  // kNotFound when the file does not exist and `create` is false.
  static Result<std::unique_ptr<SqliteConnection>> Open(const SqliteOptions& options);
  ~SqliteConnection() override;

  Dialect dialect() const override { return Dialect::kSqlite; }
  Status Execute(std::string_view sql) override;
  Result<std::unique_ptr<SqlStatement>> Prepare(std::string_view sql) override;
  // Row at a time; a large import builds the table's indexes after its rows
  // (sqlite_bulk_load.h).
  Result<std::unique_ptr<SqlStatement>> PrepareBulkInsert(const BulkInsert& insert) override;
  Status BeginWrite() override;
  Status BeginRead() override;
  Status Commit() override;
  Status Rollback() override;

  Status Checkpoint() override;
  sqlite3* handle() { return db_; }

 private:
  SqliteConnection(sqlite3* db, std::shared_ptr<SqliteStatementCache> statements);
  // Prepares (or reuses) and steps one statement that returns no rows.
  Status RunOne(std::string_view sql);

  sqlite3* db_;
  // Shared with the statements handed out, which return to it (or are finalized after Close).
  std::shared_ptr<SqliteStatementCache> statements_;
  // The indexes the open write transaction's bulk inserts dropped, created again at Commit.
  std::shared_ptr<SqliteDeferredIndexes> deferred_indexes_;
};

// Maps an SQLite result code to a Status: busy/locked → kUnavailable, the rest kInternal.
Status SqliteStatus(sqlite3* db, int code, std::string_view what);

}  // namespace canje::store
