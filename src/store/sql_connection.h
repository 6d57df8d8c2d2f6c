// The seam between the store and a database engine.
//
// The Store (store.h) speaks portable SQL through these two interfaces; each backend
// (sqlite/, and postgres/ later) implements them. Placeholders are written `?` and numbered by
// position from 1; a backend that needs another form translates them. Domain code never sees
// this layer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/encoding.h"
#include "core/status.h"

namespace canje::store {

class SqlStatement {
 public:
  virtual ~SqlStatement() = default;
  virtual void BindInt(int index, int64_t value) = 0;
  virtual void BindText(int index, std::string_view value) = 0;
  virtual void BindBlob(int index, ByteView value) = 0;
  virtual void BindNull(int index) = 0;
  // Advances to the next row: true when a row is available, false when done.
  virtual Result<bool> Step() = 0;
  virtual bool IsNull(int column) const = 0;
  virtual int64_t Int(int column) const = 0;
  virtual std::string Text(int column) const = 0;
  virtual Bytes Blob(int column) const = 0;
  // Makes the statement ready to bind and run again.
  virtual void Reset() = 0;

  // Runs a statement that returns no rows (or ignores them).
  Status Run();
  // Runs a statement that returns no rows, possibly later: inside a write transaction a
  // backend may queue it and send it together with others (PostgreSQL: libpq pipeline mode), so
  // a bulk write costs a round trip per batch, not per row. Its effects are visible to every
  // later statement of the transaction. An error may surface only at the next statement, read
  // or Commit of the transaction, which then fails as a whole: use it only for writes whose
  // failure the caller does not turn into a specific answer (a constraint it maps to
  // kConflict needs Run). The statement is Reset and may be bound again at once.
  virtual Status RunBatched() { return Run(); }
};

// The INSERT of many rows into one table by one write transaction (an import's persons, list
// records, custody rows and look-up hashes): SqlConnection::PrepareBulkInsert.
struct BulkInsert {
  std::string table;
  std::vector<std::string> columns;  // one bound parameter each, in this order
  // A row whose unique key is there already is left out rather than failing the transaction
  // (ON CONFLICT DO NOTHING).
  bool skip_existing = false;
  // The portable INSERT of one row: "INSERT INTO t(a, b) VALUES(?, ?)", with
  // " ON CONFLICT DO NOTHING" when skip_existing.
  std::string Sql() const;
};

// One connection, used by one thread at a time.
class SqlConnection {
 public:
  enum class Dialect { kSqlite, kPostgres };
  virtual ~SqlConnection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one or more statements separated by ';' that take no parameters.
  virtual Status Execute(std::string_view sql) = 0;
  virtual Result<std::unique_ptr<SqlStatement>> Prepare(std::string_view sql) = 0;
  // A statement that adds rows to `insert.table`: bind one value per column, then RunBatched
  // (or Run) adds the row. It reads nothing back. RunBatched keeps its contract above: the row
  // is visible to every later statement of the transaction, and an error (a constraint
  // violation) may surface only at the next statement or at Commit, failing the transaction
  // whole. A backend may hold a transaction's rows and write them together, before any other
  // statement of the transaction runs (PostgreSQL: COPY FROM STDIN, or one multi-row INSERT when
  // skip_existing); it then writes the held rows table by table, in the order the bulk inserts
  // were prepared on the connection, so prepare a table's before those of the tables whose rows
  // refer to it. By default (SQLite): Prepare(insert.Sql()), a row at a time.
  virtual Result<std::unique_ptr<SqlStatement>> PrepareBulkInsert(const BulkInsert& insert) {
    return Prepare(insert.Sql());
  }
  // A write transaction takes the database's write lock at its start, so that appends to the
  // log are strictly sequential; a read transaction sees one consistent snapshot.
  virtual Status BeginWrite() = 0;
  virtual Status BeginRead() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
  // Ends the transaction begun by BeginWrite or BeginRead with the outcome of its work: rolls
  // it back and returns `outcome` when that is an error; commits it otherwise, rolling it back
  // when the commit fails (and returning the commit's error).
  Status EndTransaction(const Status& outcome);
  // Makes committed changes reach the main database file and drops older page images (SQLite:
  // a TRUNCATE checkpoint of the write-ahead log), so erased data does not linger there.
  virtual Status Checkpoint() = 0;
};

}  // namespace canje::store
