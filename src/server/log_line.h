// The pieces of a log line's JSON text, written straight into a string: a request's line is
// written for every request, and building it as a JSON value first cost more than the request
// it describes. Each piece is written exactly as nlohmann::json's dump() writes the same value
// (request_log_test.cc compares them), so the lines are the same text as before.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace canje::server {

// `text` as a JSON string with its quotes: `"` and `\` escaped, control characters as
// \b \f \n \r \t or \u00XX, and bytes that are not UTF-8 replaced by U+FFFD.
void AppendJsonString(std::string& out, std::string_view text);

// `microseconds` / 1000 as a JSON number of milliseconds: "1.84", "0.0", "12.5".
void AppendMilliseconds(std::string& out, int64_t microseconds);

// The current time as "2025-07-18T14:03:09.123Z" (UTC), in quotes.
void AppendNowWithMilliseconds(std::string& out);

}  // namespace canje::server
