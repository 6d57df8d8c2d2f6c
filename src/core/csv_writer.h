// Writing CSV per RFC 4180: fields separated by commas, rows ended by LF (which every reader
// accepts); a field is quoted when it contains a comma, a quote, CR or LF, or starts
// or ends with a space, and quotes inside are doubled.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace canje {

// Appends `field` to `out`, quoted if needed.
void AppendCsvField(std::string_view field, std::string& out);

// Appends the fields as one row ending in "\n".
void AppendCsvRow(const std::vector<std::string>& fields, std::string& out);

// Writes the fields as one row ending in "\n" to `out`.
void WriteCsvRow(const std::vector<std::string>& fields, std::ostream& out);

}  // namespace canje
