// PostgreSQL backend of SqlConnection, over libpq.
//
// Contracts beyond sql_connection.h:
// - `?` placeholders are rewritten to $1..$n (outside string literals, quoted identifiers and
//   comments). Integers and text are sent as text, blobs as binary; every result is fetched in
//   binary form, so BYTEA round-trips byte for byte and Int() reads int2/int4/int8/bool.
// - Results are streamed: a statement's rows arrive one at a time (libpq single-row mode) as
//   Step() asks for them, so reading a table of any size takes bounded memory. Several
//   statements may still be open and stepped at once on one connection (as SQLite allows):
//   libpq runs one query at a time, so when another statement (or Execute, BeginWrite...) needs
//   the connection, the statement in flight first copies its remaining rows to memory and is
//   stepped from there. Reset() or destroying a statement in flight reads its remaining rows and
//   drops them. Outside a transaction (each statement its own snapshot) a long read that is
//   interrupted buffers at most `second_connection_after` rows: the interrupting statement then
//   runs on a second connection, so two interleaved long reads (persons and their custody rows)
//   both stream. Inside a transaction everything runs on the one connection, and an
//   interrupted read is buffered whole.
// - BeginWrite() starts a READ COMMITTED transaction and takes a transaction-level advisory
//   lock shared by every canje process on the database: write transactions (and so log
//   appends) are strictly sequential, and each sees everything committed before it.
// - Errors: a lost or refused connection, a lock timeout (lock_timeout, 10 s by default), a
//   serialization failure or deadlock, a server shutting down → kUnavailable; a constraint
//   violation → kConflict; anything else → kInternal.
#pragma once

#include <memory>
#include <string>

#include "core/database_location.h"
#include "store/sql_connection.h"

struct pg_conn;

namespace canje::store {

struct PostgresSession;

struct PostgresOptions {
  std::string url;  // postgresql://user@host:port/database?options (libpq connection URI)
  int lock_timeout_ms = 10000;  // waiting longer for the write lock → kUnavailable
  // A read that another statement interrupts outside a transaction is buffered up to this many
  // rows; if it goes on beyond them, the other statement runs on a second connection (opened
  // once, on first need) instead. 0: always buffer.
  int second_connection_after = 10000;
};

class PostgresConnection : public SqlConnection {
 public:
  // kUnavailable when the server cannot be reached; kNotFound when the database does not exist.
  static Result<std::unique_ptr<PostgresConnection>> Open(const PostgresOptions& options);
  ~PostgresConnection() override;

  Dialect dialect() const override { return Dialect::kPostgres; }
  Status Execute(std::string_view sql) override;
  Result<std::unique_ptr<SqlStatement>> Prepare(std::string_view sql) override;
  // Rows are held and written together: COPY FROM STDIN in text format, or multi-row INSERTs
  // ... ON CONFLICT DO NOTHING (at most 1,000 rows each) when skip_existing. A failure reads
  // as the one-row INSERT's would (the message names that INSERT, without COPY's line).
  Result<std::unique_ptr<SqlStatement>> PrepareBulkInsert(const BulkInsert& insert) override;
  Status BeginWrite() override;
  Status BeginRead() override;
  Status Commit() override;
  Status Rollback() override;
  // Rewrites every canje table (VACUUM (FULL) on the tables of the current schema that this
  // user owns) once the change has committed: an UPDATE or DELETE leaves the old row version in
  // the table file, and a plain VACUUM only marks its space free without overwriting it, so the
  // erased keys and sealed data would stay readable there. VACUUM FULL writes each table to a
  // new file and unlinks the old one. It takes each table's exclusive lock in turn (bounded by
  // lock_timeout) and costs a copy of the store. A row version that another transaction may
  // still see (an autovacuum ANALYZE, another server's read) is copied into the new file: when
  // VACUUM's report says so, the tables are rewritten again, every 0.5 s for up to 10 s, then
  // kUnavailable. What it cannot reach (the server's WAL segments, archives and base backups)
  // is in docs/security.md. Must run outside a transaction.
  Status Checkpoint() override;

  // Connections opened so far (1, or 2 once a second one was needed).
  int connections_open() const;

 private:
  explicit PostgresConnection(std::shared_ptr<PostgresSession> session);
  pg_conn* handle();                          // the connection proper, free for a command
  std::shared_ptr<PostgresSession> session_;  // shared with the statements
};

// Rewrites `?` placeholders to $1..$n, leaving string literals, quoted identifiers and comments
// alone. Returns the number of placeholders in `count`.
std::string NumberPlaceholders(std::string_view sql, int& count);

}  // namespace canje::store
