// A large import on SQLite builds a table's secondary indexes after its rows.
//
// An import is one write transaction. Inserting millions of rows into an index on random keys
// (person_index's keyed hashes, list_records' fingerprints) touches a random page of the index
// for each row; once the index outgrows SQLite's page cache, the transaction's changed pages
// spill into the write-ahead log and are found, read and rewritten there again and again (at
// 10,000,000 persons the import did not finish in an hour). Building the same index once from
// the rows, as CREATE INDEX does, sorts them instead.
//
// So a bulk insert (SqlConnection::PrepareBulkInsert) counts the rows it adds. Once it has
// added kDeferIndexesAfterRows rows to a table in one transaction, and the table held no more
// than kDeferIndexesRatio times as many rows when the transaction began, the table's
// non-unique indexes made by CREATE INDEX are dropped, inside the transaction; the connection
// creates them again, from their own SQL, just before COMMIT. Nothing else changes:
//   - readers outside the transaction see the store as it was, indexes included (WAL);
//   - a rollback brings the indexes back with everything else;
//   - unique indexes and primary keys are never dropped, so every constraint is checked as
//     each row is added, as before;
//   - a statement of the same transaction that would have used a dropped index still gets the
//     right answer, by a scan (an import reads none of these indexes while it writes).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/sql_connection.h"

namespace canje::store {

class SqliteConnection;

inline constexpr int64_t kDeferIndexesAfterRows = 200'000;
inline constexpr int64_t kDeferIndexesRatio = 8;

// The indexes one connection's open write transaction has dropped, to create again at commit.
class SqliteDeferredIndexes {
 public:
  // Drops `table`'s non-unique CREATE INDEX indexes and remembers their SQL. A failure leaves
  // the indexes not yet dropped in place (the import goes on, only slower).
  Status Defer(SqliteConnection& db, const std::string& table);
  // Creates the dropped indexes again (before COMMIT); forgets them whether or not it succeeds
  // (on failure the caller rolls back, which restores them).
  Status Rebuild(SqliteConnection& db);
  // After a rollback, which restored them.
  void Forget() { dropped_sql_.clear(); }

 private:
  std::vector<std::string> dropped_sql_;
};

// Wraps the bulk INSERT of `table`: RunBatched adds a row and, once the thresholds above are
// crossed, has `deferred` drop the table's indexes. `rows_before` is the table's largest rowid
// when the statement was prepared (the rows it held, near enough).
std::unique_ptr<SqlStatement> NewSqliteBulkInsert(std::unique_ptr<SqlStatement> insert,
                                                  SqliteConnection& db, std::string table,
                                                  int64_t rows_before,
                                                  std::shared_ptr<SqliteDeferredIndexes> deferred);

}  // namespace canje::store
