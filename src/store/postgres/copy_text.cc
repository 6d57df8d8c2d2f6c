#include "store/postgres/copy_text.h"

namespace canje::store {

void AppendCopyText(std::string& line, std::string_view text) {
  line.reserve(line.size() + text.size());
  for (char c : text) {
    switch (c) {
      case '\\':
        line += "\\\\";
        break;
      case '\t':
        line += "\\t";
        break;
      case '\n':
        line += "\\n";
        break;
      case '\r':
        line += "\\r";
        break;
      default:
        line += c;
    }
  }
}

void AppendCopyBytes(std::string& line, ByteView bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  line += "\\\\x";
  size_t at = line.size();
  line.resize(at + 2 * bytes.size());
  for (uint8_t byte : bytes) {
    line[at++] = kDigits[byte >> 4];
    line[at++] = kDigits[byte & 0xf];
  }
}

}  // namespace canje::store
