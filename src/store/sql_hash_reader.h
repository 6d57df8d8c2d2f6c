// The log's stored Merkle hashes (table merkle_hashes, index → hash) read through a
// SqlConnection, for the ledger's tree functions. Counts what it reads, so tests can check that
// appends and proofs read O(log n) hashes. A ReadHashes request (one per proof or append) is one
// query per 64 indexes (`idx IN (?, ...)`), not one per index: on a database server every query
// is a round trip.
#pragma once

#include <map>
#include <memory>

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

}  // namespace canje::store
