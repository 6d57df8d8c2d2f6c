// Versioned schema migrations. Migration N takes a store from version N-1 to N; the version is
// kept in meta('schema_version'). `canje init` applies them all; every open checks the version:
// an older store is migrated (each migration in its own transaction), a newer one is refused.
#pragma once

#include <string_view>
#include <vector>

#include "store/sql_connection.h"

namespace canje::store {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;  // portable SQL; BLOB becomes BYTEA on PostgreSQL
};

const std::vector<Migration>& AllMigrations();
int LatestSchemaVersion();

// Applies every migration above the store's version. kInvalid when the store is newer than
// this binary ("upgrade canje"); kInvalid when the file is not a canje store.
Status ApplyMigrations(SqlConnection& connection);

// Reads the schema version: 0 for an empty database.
Result<int> ReadSchemaVersion(SqlConnection& connection);

}  // namespace canje::store
