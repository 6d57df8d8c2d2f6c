#include "core/csv_writer.h"

namespace canje {

void AppendCsvField(std::string_view field, std::string& out) {
  bool needs_quotes = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                      (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!needs_quotes) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void AppendCsvRow(const std::vector<std::string>& fields, std::string& out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendCsvField(fields[i], out);
  }
  out.push_back('\n');
}

void WriteCsvRow(const std::vector<std::string>& fields, std::ostream& out) {
  std::string row;
  AppendCsvRow(fields, row);
  out << row;
}

}  // namespace canje
