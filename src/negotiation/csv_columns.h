// The header of a CSV file negotiation reads (a transfers file, an execution file): it names
// columns of a known set, in any order, case and spacing.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "registry/csv_reader.h"

namespace canje::negotiation {

// Each column of `reader`'s header, trimmed and lower-cased, with its 1-based position. kInvalid
// for a name not in `known`: "FILE:LINE:COLUMN: unknown column 'x'; the columns are a, b, c".
Result<std::map<std::string, int>> KnownColumns(const registry::CsvReader& reader,
                                                const std::vector<std::string>& known,
                                                const std::string& file);

}  // namespace canje::negotiation
