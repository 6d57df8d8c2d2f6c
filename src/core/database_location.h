// Where a store lives: a SQLite file path or a PostgreSQL URL. Plain text functions, no I/O.
#pragma once

#include <string>
#include <string_view>

namespace canje {

// True when `location` names a PostgreSQL database (a postgresql:// or postgres:// URL); any
// other text is a SQLite file path.
bool IsPostgresUrl(std::string_view location);

// The location as it may be shown in messages and logs: a URL's password replaced by "***".
// A path is returned unchanged.
std::string RedactedUrl(std::string_view location);

}  // namespace canje
