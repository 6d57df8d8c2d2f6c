#include "store/postgres/copy_text.h"

#include "core/text.h"

namespace canje::store {

void AppendCopyText(std::string& line, std::string_view text) {
  static const ByteEscapes kCopyEscapes{
      {'\\', "\\\\"}, {'\t', "\\t"}, {'\n', "\\n"}, {'\r', "\\r"}};
  kCopyEscapes.AppendTo(line, text);
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
