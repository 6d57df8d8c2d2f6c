#include "linkage/cyrillic_transliteration.h"

#include "linkage/code_points.h"

namespace canje::linkage {
namespace {

// The lower-case form of a Cyrillic capital; any other code point unchanged.
char32_t LowerCyrillic(char32_t c) {
  if (c >= 0x0410 && c <= 0x042F) return c + 0x20;
  if (c >= 0x0400 && c <= 0x040F) return c + 0x50;
  if (c == 0x0490) return 0x0491;
  return c;
}

// The canonical spelling of a lower-case Cyrillic letter, or nullptr when `c` is none.
const char32_t* CanonicalSpelling(char32_t c) {
  switch (c) {
    case U'а': return U"a";
    case U'б': return U"b";
    case U'в': return U"v";
    case U'г': case U'ґ': return U"g";
    case U'д': return U"d";
    case U'е': case U'ё': case U'э': return U"e";
    case U'є': case U'ъ': return U"ie";
    case U'ж': return U"zh";
    case U'з': return U"z";
    case U'и': case U'і': case U'ї': case U'й': return U"i";
    case U'к': return U"k";
    case U'л': return U"l";
    case U'м': return U"m";
    case U'н': return U"n";
    case U'о': return U"o";
    case U'п': return U"p";
    case U'р': return U"r";
    case U'с': return U"s";
    case U'т': return U"t";
    case U'у': return U"u";
    case U'ф': return U"f";
    case U'х': return U"kh";
    case U'ц': return U"ts";
    case U'ч': return U"ch";
    case U'ш': return U"sh";
    case U'щ': return U"shch";
    case U'ы': return U"y";
    case U'ь': return U"";
    case U'ю': return U"iu";
    case U'я': return U"ia";
    default: return nullptr;
  }
}

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
    const char32_t* spelled = CanonicalSpelling(LowerCyrillic(c));
    char32_t ascii = 0;
    if (spelled == nullptr) {
      if (c >= U'A' && c <= U'Z') ascii = c + 32;
      if ((c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9')) ascii = c;
      if (ascii == 0) {
        pending_space = !out.empty();
        continue;
      }
    }
    if (pending_space) out.push_back(U' ');
    pending_space = false;
    if (spelled != nullptr) {
      out += spelled;
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
