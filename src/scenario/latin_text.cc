#include "scenario/latin_text.h"

#include <array>

namespace canje::scenario {
namespace {

using namespace std::string_view_literals;

// Base letters of U+00C0..U+00FF; '\0' where the code point is not a letter with a base.
constexpr std::string_view kLatin1Base =
    "AAAAAAACEEEEIIII"       // C0-CF (Æ -> A)
    "DNOOOOO\0OUUUUY\0\0"    // D0-DF (D7 ×, DE Þ, DF ß)
    "aaaaaaaceeeeiiii"       // E0-EF
    "dnooooo\0ouuuuy\0y"sv;  // F0-FF (F7 ÷, FE þ)

// Base letters of U+0100..U+017F (Latin Extended-A), in pairs upper/lower.
constexpr std::string_view kLatinExtendedABase =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi\0\0JjKkkLlLlLlLlLlNnNnNn\0\0\0OoOoOo\0\0RrR"
    "rRrSsSsSsSsTt"
    "TtTtUuUuUuUuUuUuWwYyYZzZzZzs"sv;

}  // namespace

std::u32string DecodeUtf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t c = length == 1   ? lead
                 : length == 2 ? lead & 0x1F
                 : length == 3 ? lead & 0x0F
                               : lead & 0x07;
    for (int k = 1; k < length && i + k < text.size(); ++k) {
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    out.push_back(c);
    i += length;
  }
  return out;
}

std::string EncodeUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

char32_t BaseLetter(char32_t c) {
  if (c >= 0xC0 && c <= 0xFF) {
    const char base = kLatin1Base[c - 0xC0];
    return base == '\0' ? c : static_cast<char32_t>(base);
  }
  if (c >= 0x100 && c < 0x100 + kLatinExtendedABase.size()) {
    const char base = kLatinExtendedABase[c - 0x100];
    return base == '\0' ? c : static_cast<char32_t>(base);
  }
  return c;
}

char32_t ToLowerLetter(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F) {
    // Latin Extended-A alternates upper/lower, with the run 0x139..0x148 and 0x179..0x17E
    // shifted by one.
    const bool odd_run = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    const bool is_upper = odd_run ? (c % 2 == 1) : (c % 2 == 0);
    if (is_upper && c != 0x130 && c != 0x178) return c + 1;
  }
  return c;
}

char32_t ToUpperLetter(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
  if (c >= 0x100 && c <= 0x17F) {
    const bool odd_run = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    const bool is_lower = odd_run ? (c % 2 == 0) : (c % 2 == 1);
    if (is_lower && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) return c - 1;
  }
  return c;
}

bool IsLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0x17F && c != 0xD7 && c != 0xF7);
}

std::string DropAccents(std::string_view text) {
  std::u32string out;
  for (char32_t c : DecodeUtf8(text)) {
    if (c == 0xDF) {  // ß
      out += U"ss";
    } else {
      out.push_back(BaseLetter(c));
    }
  }
  return EncodeUtf8(out);
}

std::string UpperCase(std::string_view text) {
  std::u32string chars = DecodeUtf8(text);
  for (char32_t& c : chars) c = ToUpperLetter(c);
  return EncodeUtf8(chars);
}

std::string LowerCase(std::string_view text) {
  std::u32string chars = DecodeUtf8(text);
  for (char32_t& c : chars) c = ToLowerLetter(c);
  return EncodeUtf8(chars);
}

}  // namespace canje::scenario
