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

// One connection, used by one thread at a time.
class SqlConnection {
 public:
  enum class Dialect { kSqlite, kPostgres };
  virtual ~SqlConnection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one or more statements separated by ';' that take no parameters.
  virtual Status Execute(std::string_view sql) = 0;
  virtual Result<std::unique_ptr<SqlStatement>> Prepare(std::string_view sql) = 0;
  // A write transaction takes the database's write lock at its start, so that appends to the
  // log are strictly sequential; a read transaction sees one consistent snapshot.
  virtual Status BeginWrite() = 0;
  virtual Status BeginRead() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
  // Makes committed changes reach the main database file and drops older page images (SQLite:
  // a TRUNCATE checkpoint of the write-ahead log), so erased data does not linger there.
  virtual Status Checkpoint() = 0;
};

}  // namespace canje::store
