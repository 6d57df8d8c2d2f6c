#include "store/sqlite/sqlite_connection.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <sqlite3.h>

#include "store/sqlite/sqlite_bulk_load.h"

namespace canje::store {

Status SqliteStatus(sqlite3* db, int code, std::string_view what) {
  std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Unavailable(message + " (another canje command holds the database; retry)");
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
      return Status::Unavailable(message);
    case SQLITE_CONSTRAINT:
      return Status::Conflict(message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Invalid(message + " (the file is not a canje store or is damaged)");
    default:
      return Status::Internal(message);
  }
}

// Prepared statements kept for reuse, keyed by their SQL text: preparing (parsing and planning)
// cost more than running the short queries of an API request. A statement is in the cache only
// while nobody uses it, reset and with its bindings cleared, so it holds no read transaction.
// SQLite prepares a kept statement again by itself when the schema changed (a migration).
class SqliteStatementCache {
 public:
  static constexpr size_t kMaxIdle = 256;

  // An idle statement for `sql`, or null.
  sqlite3_stmt* Take(const std::string& sql) {
    auto found = idle_.find(sql);
    if (found == idle_.end() || found->second.empty()) return nullptr;
    sqlite3_stmt* statement = found->second.back();
    found->second.pop_back();
    --idle_count_;
    return statement;
  }

  // Keeps `statement`, or finalizes it when the connection is closed.
  void Return(std::string sql, sqlite3_stmt* statement) {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (closed_) {
      sqlite3_finalize(statement);
      return;
    }
    if (idle_count_ >= kMaxIdle) Evict();  // queries built with varying text come and go
    idle_[std::move(sql)].push_back(statement);
    ++idle_count_;
  }

  // Finalizes every idle statement; statements still in use are finalized when returned.
  void Close() {
    closed_ = true;
    for (auto& [sql, statements] : idle_) {
      for (sqlite3_stmt* statement : statements) sqlite3_finalize(statement);
    }
    idle_.clear();
    idle_count_ = 0;
  }

 private:
  void Evict() {
    auto victim = idle_.begin();
    for (sqlite3_stmt* statement : victim->second) sqlite3_finalize(statement);
    idle_count_ -= victim->second.size();
    idle_.erase(victim);
  }

  std::unordered_map<std::string, std::vector<sqlite3_stmt*>> idle_;
  size_t idle_count_ = 0;
  bool closed_ = false;
};

namespace {

class SqliteStatement : public SqlStatement {
 public:
  // `statement` goes back to `cache` under `sql` when this is destroyed.
  SqliteStatement(sqlite3* db, sqlite3_stmt* statement,
                  std::shared_ptr<SqliteStatementCache> cache, std::string sql)
      : db_(db), statement_(statement), cache_(std::move(cache)), sql_(std::move(sql)) {}
  ~SqliteStatement() override { cache_->Return(std::move(sql_), statement_); }

  void BindInt(int index, int64_t value) override { sqlite3_bind_int64(statement_, index, value); }
  void BindText(int index, std::string_view value) override {
    sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                      SQLITE_TRANSIENT);
  }
  void BindBlob(int index, ByteView value) override {
    sqlite3_bind_blob(statement_, index, value.data(), static_cast<int>(value.size()),
                      SQLITE_TRANSIENT);
  }
  void BindNull(int index) override { sqlite3_bind_null(statement_, index); }

  Result<bool> Step() override {
    int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    Status status = SqliteStatus(db_, code, "database statement failed");
    sqlite3_reset(statement_);
    return status;
  }
  bool IsNull(int column) const override {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
  }
  int64_t Int(int column) const override { return sqlite3_column_int64(statement_, column); }
  std::string Text(int column) const override {
    const unsigned char* text = sqlite3_column_text(statement_, column);
    return text ? std::string(reinterpret_cast<const char*>(text),
                              sqlite3_column_bytes(statement_, column))
                : std::string();
  }
  Bytes Blob(int column) const override {
    const auto* data = static_cast<const uint8_t*>(sqlite3_column_blob(statement_, column));
    return data ? Bytes(data, data + sqlite3_column_bytes(statement_, column)) : Bytes();
  }
  void Reset() override {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_;
  std::shared_ptr<SqliteStatementCache> cache_;
  std::string sql_;
};

}  // namespace

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const SqliteOptions& options) {
  if (!options.create && !std::filesystem::exists(options.path)) {
    return Status::NotFound("no canje store at " + options.path.string() +
                            ": create one with `canje init --db " + options.path.string() +
                            "`, or give another path with --db or CANJE_DB");
  }
  // The store holds who refused which destination, reasons and places: it is created readable
  // by its owner alone (SQLite gives its -wal and -shm files the same mode), and a store that
  // every account of the machine can read is refused until its mode is fixed.
  if (options.create && !std::filesystem::exists(options.path)) {
    int fd = ::open(options.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
      return Status::CannotWrite("cannot create " + options.path.string() + ": " +
                                 std::strerror(errno));
    }
    ::close(fd);
  }
  if (struct stat info {}; ::stat(options.path.c_str(), &info) == 0 && (info.st_mode & 07) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
    return Status::NotPermitted("the store " + options.path.string() +
                                " can be read by every account of this machine (mode " + mode +
                                "); run `chmod 600 " + options.path.string() +
                                "` (canje creates stores readable by their owner alone)");
  }
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (options.create ? SQLITE_OPEN_CREATE : 0);
  int code = sqlite3_open_v2(options.path.c_str(), &db, flags, nullptr);
  if (code != SQLITE_OK) {
    Status status = SqliteStatus(db, code, "cannot open " + options.path.string());
    sqlite3_close(db);
    return status;
  }
  std::unique_ptr<SqliteConnection> connection(
      new SqliteConnection(db, std::make_shared<SqliteStatementCache>()));
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  CANJE_RETURN_IF_ERROR(connection->Execute(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
      " PRAGMA secure_delete=ON; PRAGMA cache_size=-65536;"));
  return connection;
}

SqliteConnection::SqliteConnection(sqlite3* db, std::shared_ptr<SqliteStatementCache> statements)
    : db_(db),
      statements_(std::move(statements)),
      deferred_indexes_(std::make_shared<SqliteDeferredIndexes>()) {}

SqliteConnection::~SqliteConnection() {
  statements_->Close();
  sqlite3_close_v2(db_);  // statements still in use keep the handle until they are returned
}

Status SqliteConnection::Execute(std::string_view sql) {
  std::string text(sql);
  char* error = nullptr;
  int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  sqlite3_free(error);
  if (code != SQLITE_OK) return SqliteStatus(db_, code, "database command failed");
  return Status::Ok();
}

Result<std::unique_ptr<SqlStatement>> SqliteConnection::Prepare(std::string_view sql) {
  std::string text(sql);
  sqlite3_stmt* statement = statements_->Take(text);
  if (statement == nullptr) {
    int code =
        sqlite3_prepare_v2(db_, text.data(), static_cast<int>(text.size()), &statement, nullptr);
    if (code != SQLITE_OK) {
      return SqliteStatus(db_, code, "cannot prepare '" + text.substr(0, 60) + "'");
    }
    if (statement == nullptr) {  // only a comment or white space
      return Status::Internal("cannot prepare '" + text.substr(0, 60) + "': no statement");
    }
  }
  return std::unique_ptr<SqlStatement>(
      new SqliteStatement(db_, statement, statements_, std::move(text)));
}

Result<std::unique_ptr<SqlStatement>> SqliteConnection::PrepareBulkInsert(
    const BulkInsert& insert) {
  CANJE_ASSIGN_OR_RETURN(std::unique_ptr<SqlStatement> statement, Prepare(insert.Sql()));
  if (insert.skip_existing) return statement;  // its unique key is needed row by row
  CANJE_ASSIGN_OR_RETURN(std::unique_ptr<SqlStatement> count,
                         Prepare("SELECT coalesce(max(rowid), 0) FROM " + insert.table));
  CANJE_ASSIGN_OR_RETURN(bool row, count->Step());
  int64_t rows_before = row ? count->Int(0) : 0;
  count->Reset();
  return NewSqliteBulkInsert(std::move(statement), *this, insert.table, rows_before,
                             deferred_indexes_);
}

Status SqliteConnection::RunOne(std::string_view sql) {
  CANJE_ASSIGN_OR_RETURN(std::unique_ptr<SqlStatement> statement, Prepare(sql));
  return statement->Step().status();
}

Status SqliteConnection::BeginWrite() { return RunOne("BEGIN IMMEDIATE"); }
Status SqliteConnection::BeginRead() { return RunOne("BEGIN DEFERRED"); }
Status SqliteConnection::Commit() {
  CANJE_RETURN_IF_ERROR(deferred_indexes_->Rebuild(*this));
  return RunOne("COMMIT");
}
Status SqliteConnection::Rollback() {
  deferred_indexes_->Forget();
  if (sqlite3_get_autocommit(db_)) return Status::Ok();
  return RunOne("ROLLBACK");
}

Status SqliteConnection::Checkpoint() {
  int code = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
  if (code != SQLITE_OK) return SqliteStatus(db_, code, "WAL checkpoint failed");
  return Status::Ok();
}

}  // namespace canje::store
