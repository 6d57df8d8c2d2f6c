#include "ledger/utf8.h"

#include <cstdint>

namespace canje::ledger {

std::optional<std::u32string> DecodeUtf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<uint8_t>(text[i]);
    uint32_t code_point = 0;
    size_t length = 0;
    uint32_t minimum = 0;
    if (byte < 0x80) {
      code_point = byte;
      length = 1;
    } else if ((byte & 0xE0) == 0xC0) {
      code_point = byte & 0x1F;
      length = 2;
      minimum = 0x80;
    } else if ((byte & 0xF0) == 0xE0) {
      code_point = byte & 0x0F;
      length = 3;
      minimum = 0x800;
    } else if ((byte & 0xF8) == 0xF0) {
      code_point = byte & 0x07;
      length = 4;
      minimum = 0x10000;
    } else {
      return std::nullopt;
    }
    if (text.size() - i < length) return std::nullopt;
    for (size_t k = 1; k < length; ++k) {
      const auto continuation = static_cast<uint8_t>(text[i + k]);
      if ((continuation & 0xC0) != 0x80) return std::nullopt;
      code_point = (code_point << 6) | (continuation & 0x3F);
    }
    if (code_point < minimum || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF)) {
      return std::nullopt;
    }
    out.push_back(static_cast<char32_t>(code_point));
    i += length;
  }
  return out;
}

bool IsUnicodeSpace(char32_t c) {
  switch (c) {
    case U'\t':
    case U'\n':
    case U'\v':
    case U'\f':
    case U'\r':
    case U' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

}  // namespace canje::ledger
