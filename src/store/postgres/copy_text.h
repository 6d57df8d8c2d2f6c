// Values in PostgreSQL's COPY text format (one row a line, columns separated by tabs), as the
// PostgreSQL backend writes held bulk inserts (postgres_connection.cc).
#pragma once

#include <string>
#include <string_view>

#include "core/encoding.h"

namespace canje::store {

// Appends `text` as a COPY text field: backslash, tab, newline and carriage return escaped.
void AppendCopyText(std::string& line, std::string_view text);
// Appends `bytes` as a COPY text field of a BYTEA column: "\\x" and two hex digits a byte (the
// backslash doubled for COPY).
void AppendCopyBytes(std::string& line, ByteView bytes);
// The NULL field: \N.
inline constexpr std::string_view kCopyNull = "\\N";

}  // namespace canje::store
