// Copying a whole store between locations (and so between backends): `canje migrate`.
//
// Every table is copied in dependency order, row by row, with its ids and bytes unchanged:
// sealed data, wrapped keys, salts, stored Merkle hashes and signed checkpoints are copied as
// they are, so the copy opens with the same master key and its log has the same size, root and
// checkpoints. The source is read in one snapshot; the destination is written in one write
// transaction, so it either receives everything or nothing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/store.h"

namespace canje::store {

struct CopiedTable {
  std::string name;
  int64_t rows = 0;
};

struct CopyReport {
  std::vector<CopiedTable> tables;  // in the order copied
  int64_t events = 0;
  ledger::Hash root{};  // the log's root at `events`, equal on both sides
};

// Copies `from` into `to`, which must be a new store (Store::Open with create: schema, no
// instance). kConflict when `to` already holds an instance; kInvalid when, after the copy, the
// two logs differ (size, root or latest checkpoint) — then nothing stays in `to`.
Result<CopyReport> CopyStore(Store& from, Store& to);

// Every table of the database behind `connection`, ordered by name (from its catalogue:
// sqlite_master, or information_schema on PostgreSQL).
Result<std::vector<std::string>> CatalogueTables(SqlConnection& connection);

}  // namespace canje::store
