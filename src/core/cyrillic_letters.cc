#include "core/cyrillic_letters.h"

#include <cstddef>

namespace canje {
namespace {

// The letters AgreedCyrillicSpelling knows, and at the same place their Latin letters.
constexpr std::u32string_view kAgreedCyrillic = U"абвдзклмнопрстуф";
constexpr std::u32string_view kAgreedLatin = U"abvdzklmnoprstuf";

}  // namespace

char32_t CyrillicLower(char32_t c) {
  if (c >= 0x0410 && c <= 0x042F) return c + 0x20;
  if (c >= 0x0400 && c <= 0x040F) return c + 0x50;
  if (c == 0x0490) return 0x0491;
  return c;
}

std::u32string_view AgreedCyrillicSpelling(char32_t c) {
  const std::size_t at = kAgreedCyrillic.find(c);
  return at == std::u32string_view::npos ? std::u32string_view() : kAgreedLatin.substr(at, 1);
}

std::optional<std::u32string_view> IcaoCyrillicSpelling(char32_t c) {
  if (const std::u32string_view agreed = AgreedCyrillicSpelling(c); !agreed.empty()) return agreed;
  switch (c) {
    case U'г': case U'ґ': return U"g";
    case U'е': case U'ё': case U'э': return U"e";
    case U'є': case U'ъ': return U"ie";
    case U'ж': return U"zh";
    case U'и': case U'і': case U'ї': case U'й': return U"i";
    case U'х': return U"kh";
    case U'ц': return U"ts";
    case U'ч': return U"ch";
    case U'ш': return U"sh";
    case U'щ': return U"shch";
    case U'ы': return U"y";
    case U'ь': return U"";
    case U'ю': return U"iu";
    case U'я': return U"ia";
    default: return std::nullopt;
  }
}

}  // namespace canje
