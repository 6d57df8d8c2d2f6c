#include "store/sqlite/sqlite_connection.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <sqlite3.h>

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

namespace {

class SqliteStatement : public SqlStatement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* statement) : db_(db), statement_(statement) {}
  ~SqliteStatement() override { sqlite3_finalize(statement_); }

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
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(db));
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  CANJE_RETURN_IF_ERROR(connection->Execute(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
      " PRAGMA secure_delete=ON; PRAGMA cache_size=-65536;"));
  return connection;
}

SqliteConnection::~SqliteConnection() { sqlite3_close_v2(db_); }

Status SqliteConnection::Execute(std::string_view sql) {
  std::string text(sql);
  char* error = nullptr;
  int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  sqlite3_free(error);
  if (code != SQLITE_OK) return SqliteStatus(db_, code, "database command failed");
  return Status::Ok();
}

Result<std::unique_ptr<SqlStatement>> SqliteConnection::Prepare(std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  int code = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
  if (code != SQLITE_OK) {
    return SqliteStatus(db_, code, "cannot prepare '" + std::string(sql.substr(0, 60)) + "'");
  }
  return std::unique_ptr<SqlStatement>(new SqliteStatement(db_, statement));
}

Status SqliteConnection::BeginWrite() { return Execute("BEGIN IMMEDIATE"); }
Status SqliteConnection::BeginRead() { return Execute("BEGIN DEFERRED"); }
Status SqliteConnection::Commit() { return Execute("COMMIT"); }
Status SqliteConnection::Rollback() {
  if (sqlite3_get_autocommit(db_)) return Status::Ok();
  return Execute("ROLLBACK");
}

Status SqliteConnection::Checkpoint() {
  int code = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
  if (code != SQLITE_OK) return SqliteStatus(db_, code, "WAL checkpoint failed");
  return Status::Ok();
}

}  // namespace canje::store
