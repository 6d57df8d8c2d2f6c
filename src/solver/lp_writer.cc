#include "solver/lp_writer.h"

#include <cmath>
#include <cstdio>

#include "core/text.h"

namespace canje::solver {
namespace {

// Writes "c1 x1 + c2 x2 ..." wrapping every 8 terms; "0 first" when there are no terms.
void WriteTerms(const std::vector<int>& columns, const std::vector<double>& coefficients,
                const Milp& milp, std::ostream& out) {
  bool first = true;
  int on_line = 0;
  for (size_t k = 0; k < columns.size(); ++k) {
    double c = coefficients[k];
    if (c == 0) continue;
    if (on_line == 8) {
      out << "\n   ";
      on_line = 0;
    }
    out << (c < 0 ? (first ? "-" : " - ") : (first ? "" : " + "));
    out << ExactNumberText(std::abs(c)) << ' ' << milp.column_names[columns[k]];
    first = false;
    ++on_line;
  }
  if (first) out << "0 " << (milp.column_names.empty() ? "x" : milp.column_names[0]);
}

}  // namespace

std::string LpSafeName(const std::string& text) {
  std::string name;
  for (unsigned char ch : text) {
    bool keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                ch == '_';
    name += keep ? static_cast<char>(ch) : '_';
  }
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) name = "n" + name;
  return name;
}

void WriteLp(const Milp& milp, const std::vector<std::string>& comments, std::ostream& out) {
  for (const std::string& line : comments) out << "\\ " << line << '\n';
  out << "Maximize\n obj: ";
  std::vector<int> all(milp.num_columns());
  for (int j = 0; j < milp.num_columns(); ++j) all[j] = j;
  WriteTerms(all, milp.objective, milp, out);
  out << "\nSubject To\n";
  for (const LinearRow& row : milp.rows) {
    out << ' ' << row.name << ": ";
    WriteTerms(row.columns, row.coefficients, milp, out);
    out << (row.sense == 'L'   ? " <= "
            : row.sense == 'G' ? " >= "
                               : " = ")
        << ExactNumberText(row.rhs) << '\n';
  }
  bool has_fixed = false;
  for (int j = 0; j < milp.num_columns(); ++j) {
    has_fixed = has_fixed || milp.lower[j] != 0 || milp.upper[j] != 1;
  }
  if (has_fixed) {
    out << "Bounds\n";
    for (int j = 0; j < milp.num_columns(); ++j) {
      if (milp.lower[j] != 0 || milp.upper[j] != 1) {
        out << ' ' << ExactNumberText(milp.lower[j]) << " <= " << milp.column_names[j]
            << " <= " << ExactNumberText(milp.upper[j]) << '\n';
      }
    }
  }
  out << "Binaries\n";
  for (int j = 0; j < milp.num_columns(); ++j) {
    out << ' ' << milp.column_names[j];
    if (j % 10 == 9) out << '\n';
  }
  out << "\nEnd\n";
}

}  // namespace canje::solver
