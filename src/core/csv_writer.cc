#include "core/csv_writer.h"

namespace canje {

namespace {

// "-12", "+3.5", "7": a number a spreadsheet reads as a number, not as a formula.
bool IsPlainNumber(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  bool digits = false, dot = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  return digits;
}

}  // namespace

bool NeedsFormulaGuard(std::string_view field) {
  if (field.empty()) return false;
  switch (field.front()) {
    case '=':
    case '@':
    case '\t':
    case '\r':
      return true;
    case '+':
    case '-':
      return !IsPlainNumber(field);
    case '\'':
      return NeedsFormulaGuard(field.substr(1));
    default:
      return false;
  }
}

std::string_view UnguardCsvField(std::string_view field) {
  if (!field.empty() && field.front() == '\'' && NeedsFormulaGuard(field.substr(1))) {
    field.remove_prefix(1);
  }
  return field;
}

void AppendCsvField(std::string_view field, std::string& out) {
  std::string guarded;
  if (NeedsFormulaGuard(field)) {
    guarded.reserve(field.size() + 1);
    guarded += '\'';
    guarded += field;
    field = guarded;
  }
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
