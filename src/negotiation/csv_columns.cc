#include "negotiation/csv_columns.h"

#include <algorithm>

#include "core/text.h"

namespace canje::negotiation {

Result<std::map<std::string, int>> KnownColumns(const registry::CsvReader& reader,
                                                const std::vector<std::string>& known,
                                                const std::string& file) {
  std::map<std::string, int> columns;
  for (size_t i = 0; i < reader.header().size(); ++i) {
    const std::string name = AsciiLower(Trim(reader.header()[i]));
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      return Status::Invalid(file + ":" + std::to_string(reader.header_line()) + ":" +
                             std::to_string(i + 1) + ": unknown column '" + name +
                             "'; the columns are " + Join(known));
    }
    columns[name] = static_cast<int>(i + 1);
  }
  return columns;
}

}  // namespace canje::negotiation
