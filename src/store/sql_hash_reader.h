// The log's stored Merkle hashes (table merkle_hashes, index → hash) read through a
// SqlConnection, for the ledger's tree functions. Counts what it reads, so tests can check that
// appends and proofs read O(log n) hashes. A ReadHashes request (one per proof or append) is one
// query per 64 indexes (`idx IN (?, ...)`), not one per index: on a database server every query
// is a round trip.
#pragma once

#include <map>
#include <memory>
#include <unordered_map>

#include "ledger/merkle_tree.h"
#include "store/sql_connection.h"

namespace canje::store {

class SqlHashReader : public ledger::HashReader {
 public:
  explicit SqlHashReader(SqlConnection& connection) : connection_(connection) {}
  // kInternal when an index is missing: the stored tree is damaged.
  Result<std::vector<ledger::Hash>> ReadHashes(std::span<const int64_t> indexes) override;
  int64_t hashes_read() const { return hashes_read_; }

 private:
  SqlConnection& connection_;
  std::map<size_t, std::unique_ptr<SqlStatement>> selects_;  // by number of indexes
  int64_t hashes_read_ = 0;
};

// The hashes one write transaction has stored or read, in front of a SqlHashReader. A run of
// appends in one transaction reads the database only for its first append: every left sibling
// a later append needs was stored (Remember) or read by an earlier one. So bulk appends do not
// wait for the database between events, and their inserts can be batched
// (SqlStatement::RunBatched). Bounded: past kMaxCached hashes the cache starts over, which
// costs one read. Valid only within its transaction (a rollback discards the stored hashes).
class CachedHashReader : public ledger::HashReader {
 public:
  static constexpr size_t kMaxCached = 1 << 20;
  explicit CachedHashReader(SqlConnection& connection) : database_(connection) {}
  // One ReadHashes request to the database for the indexes not cached.
  Result<std::vector<ledger::Hash>> ReadHashes(std::span<const int64_t> indexes) override;
  void Remember(int64_t index, const ledger::Hash& hash);
  // Hashes read from the database so far (tests check appends read only for the first).
  int64_t hashes_read() const { return database_.hashes_read(); }

 private:
  SqlHashReader database_;
  std::unordered_map<int64_t, ledger::Hash> cache_;
};

}  // namespace canje::store
