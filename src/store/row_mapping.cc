#include "store/row_mapping.h"

#include <cstdio>
#include <cstdlib>

namespace canje::store {

double DecimalValue(const std::string& text) { return std::strtod(text.c_str(), nullptr); }

std::string JoinBarJoined(const std::vector<std::string>& parts) {
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : "|") + part;
  return joined;
}

std::vector<std::string> SplitBarJoined(const std::string& text) {
  std::vector<std::string> parts;
  if (text.empty()) return parts;
  size_t start = 0;
  while (true) {
    size_t bar = text.find('|', start);
    parts.push_back(text.substr(start, bar - start));
    if (bar == std::string::npos) return parts;
    start = bar + 1;
  }
}

}  // namespace canje::store
