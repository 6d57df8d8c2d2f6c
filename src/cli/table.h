// Readable tables for terminal output: columns padded to the widest cell, measured in
// characters (UTF-8 code points), not bytes.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace canje::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}
  void AddRow(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  size_t size() const { return rows_.size(); }
  // Prints the header, a rule, and the rows; numeric-looking columns are right-aligned.
  void Print(std::ostream& out) const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

// Number of code points in a UTF-8 string.
size_t DisplayWidth(const std::string& text);

}  // namespace canje::cli
