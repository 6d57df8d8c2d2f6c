// Moving a whole store to a new location (SQLite <-> PostgreSQL): `canje migrate`.
//
// Run by whoever holds the machine's files, not by a user of the store: a copy opens nothing as
// anyone and reads no sealed value (store/store_copy.h copies rows, keys and log as bytes).
#pragma once

#include <string>

#include "core/status.h"
#include "store/store_copy.h"

namespace canje::instance {

// Copies the store at `from` into a new store at `to` (a new SQLite path, or an empty PostgreSQL
// database's URL). kUsage when both name the same location. On failure nothing is left at `to`:
// a new SQLite file (and its -wal and -shm) is removed; a PostgreSQL database keeps only the
// empty schema, in which a second attempt can succeed.
Result<store::CopyReport> MigrateStore(const std::string& from, const std::string& to);

}  // namespace canje::instance
