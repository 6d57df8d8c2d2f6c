#include "linkage/cyrillic_transliteration.h"

#include "core/cyrillic_letters.h"
#include "linkage/code_points.h"

namespace canje::linkage {
namespace {

bool IsDroppedApostrophe(char32_t c) {
  return c == U'\'' || c == U'’' || c == U'ʼ' || c == U'`' || c == U'‘';
}

}  // namespace

bool HasCyrillicLetter(std::u32string_view text) {
  for (char32_t c : text) {
    if (c >= 0x0400 && c <= 0x04FF) return true;
  }
  return false;
}

std::u32string CyrillicToLatin(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size() + 4);
  bool pending_space = false;
  for (char32_t c : text) {
    if (IsDroppedApostrophe(c)) continue;
    // The canonical reading is ICAO's table, the one Russian passports use.
    const std::optional<std::u32string_view> spelled = IcaoCyrillicSpelling(CyrillicLower(c));
    char32_t ascii = 0;
    if (!spelled) {
      if (c >= U'A' && c <= U'Z') ascii = c + 32;
      if ((c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9')) ascii = c;
      if (ascii == 0) {
        pending_space = !out.empty();
        continue;
      }
    }
    if (pending_space) out.push_back(U' ');
    pending_space = false;
    if (spelled) {
      out += *spelled;
    } else {
      out.push_back(ascii);
    }
  }
  return out;
}

std::string CyrillicToLatin(std::string_view utf8) {
  return ToUtf8(CyrillicToLatin(ToCodePoints(utf8)));
}

}  // namespace canje::linkage
