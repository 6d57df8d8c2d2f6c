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
  Status BeginWrite() override;
  Status BeginRead() override;
  Status Commit() override;
  Status Rollback() override;

  Status Checkpoint() override;
  sqlite3* handle() { return db_; }

 private:
  SqliteConnection(sqlite3* db, std::shared_ptr<SqliteStatementCache> statements)
      : db_(db), statements_(std::move(statements)) {}
  // Prepares (or reuses) and steps one statement that returns no rows.
  Status RunOne(std::string_view sql);

  sqlite3* db_;
  // Shared with the statements handed out, which return to it (or are finalized after Close).
  std::shared_ptr<SqliteStatementCache> statements_;
};

// Maps an SQLite result code to a Status: busy/locked → kUnavailable, the rest kInternal.
Status SqliteStatus(sqlite3* db, int code, std::string_view what);

}  // namespace canje::store
