#include "registry/text_fold.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

#include "core/utf8.h"

namespace canje::registry {
namespace {

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Base letters (lower case) of U+00C0..U+00FF; '_' for × and ÷.
constexpr std::string_view kLatin1Fold =
    "aaaaaaaceeeeiiiidnooooo_ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo_ouuuuyty";
// Base letters (lower case) of U+0100..U+017F (Latin Extended-A).
constexpr std::string_view kLatinExtendedAFold =
    "aaaaaacccccccc"
    "dddd"
    "eeeeeeeeee"
    "gggggggg"
    "hhhh"
    "iiiiiiiiii"
    "ii"
    "jj"
    "kkk"
    "llllllllll"
    "nnnnnnnnn"
    "oooooooo"
    "rrrrrr"
    "ssssssss"
    "tttttt"
    "uuuuuuuuuuuu"
    "ww"
    "yyy"
    "zzzzzz"
    "s";
static_assert(kLatin1Fold.size() == 64);
static_assert(kLatinExtendedAFold.size() == 128);

// Characters that FoldForMatchingAnyScript reads as a space: ‘ ’ ʼ (apostrophes, like the ASCII
// one) and the Arabic comma and semicolon.
bool IsWordSeparator(char32_t c) {
  return c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0x060C || c == 0x061B;
}

// `text` in normalization form C (valid UTF-8 only; other text is returned unchanged).
std::string ComposedNfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || !IsValidUtf8(text)) return std::string(text);
  std::string composed;
  icu::StringByteSink<std::string> sink(&composed);
  nfc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                     nullptr, status);
  if (U_FAILURE(status)) return std::string(text);
  return composed;
}

}  // namespace

std::string_view TrimSpace(std::string_view text) {
  while (true) {
    if (!text.empty() && IsAsciiSpace(text.front())) {
      text.remove_prefix(1);
    } else if (text.size() >= 2 && text[0] == '\xC2' && text[1] == '\xA0') {
      text.remove_prefix(2);
    } else {
      break;
    }
  }
  while (true) {
    if (!text.empty() && IsAsciiSpace(text.back())) {
      text.remove_suffix(1);
    } else if (text.size() >= 2 && text[text.size() - 2] == '\xC2' && text.back() == '\xA0') {
      text.remove_suffix(2);
    } else {
      break;
    }
  }
  return text;
}

std::string FoldForMatching(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_separator = false;
  auto emit = [&](char c) {
    if (pending_separator && !out.empty()) out.push_back('_');
    pending_separator = false;
    out.push_back(c);
  };
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        emit(static_cast<char>(c - 'A' + 'a'));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        emit(static_cast<char>(c));
      } else {
        pending_separator = true;
      }
      ++i;
      continue;
    }
    // Two-byte sequences: U+0080..U+07FF.
    if ((c & 0xE0) == 0xC0 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      const unsigned code_point = ((c & 0x1Fu) << 6) | (next & 0x3Fu);
      char folded = 0;
      if (code_point >= 0xC0 && code_point <= 0xFF) {
        folded = kLatin1Fold[code_point - 0xC0];
      } else if (code_point >= 0x100 && code_point <= 0x17F) {
        folded = kLatinExtendedAFold[code_point - 0x100];
      } else if (code_point == 0xBA || code_point == 0xB0) {
        folded = 'o';
      } else if (code_point == 0xAA) {
        folded = 'a';
      } else if (code_point == 0xA0) {
        folded = '_';
      }
      if (folded == '_') {
        pending_separator = true;
        i += 2;
        continue;
      }
      if (folded != 0) {
        emit(folded);
        i += 2;
        continue;
      }
    }
    emit(static_cast<char>(c));  // other non-ASCII bytes are kept as they are
    ++i;
  }
  return out;
}

std::u32string CodePointsOf(std::string_view text) {
  std::u32string decoded;
  decoded.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t offset = 0; offset < length;) {
    const int32_t start = offset;
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    decoded.push_back(c < 0 ? kNotUtf8Byte + bytes[start] : static_cast<char32_t>(c));
  }
  return decoded;
}

std::string FoldForMatchingAnyScript(std::string_view text) {
  // Below U+0180 (lead bytes up to C5) FoldForMatching already does all there is to do.
  bool beyond_latin = false;
  for (char c : text) beyond_latin |= static_cast<unsigned char>(c) >= 0xC6;
  if (!beyond_latin) return FoldForMatching(text);
  std::string folded;
  folded.reserve(text.size());
  for (char32_t c : CodePointsOf(ComposedNfc(text))) {
    if (c >= kNotUtf8Byte) {  // kept as it is, as FoldForMatching keeps it
      folded.push_back(static_cast<char>(c - kNotUtf8Byte));
    } else if (IsWordSeparator(c)) {
      folded.push_back(' ');
    } else {
      // Latin-1 and Latin Extended-A are FoldForMatching's.
      const UChar32 lower =
          c < 0x180 ? static_cast<UChar32>(c) : u_foldCase(c, U_FOLD_CASE_DEFAULT);
      uint8_t buffer[U8_MAX_LENGTH];
      int32_t written = 0;
      U8_APPEND_UNSAFE(buffer, written, lower);
      folded.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(written));
    }
  }
  return FoldForMatching(folded);
}

Script ScriptOf(std::string_view folded) {
  for (char32_t c : CodePointsOf(folded)) {
    if (c >= kNotUtf8Byte || !u_isalpha(static_cast<UChar32>(c))) continue;
    if (c < 0x250) return Script::kLatin;
    if (c >= 0x400 && c <= 0x52F) return Script::kCyrillic;
    if ((c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F)) return Script::kArabic;
    return Script::kOther;
  }
  return Script::kOther;
}

std::vector<std::string_view> SplitList(std::string_view text, std::string_view separators) {
  std::vector<std::string_view> items;
  if (TrimSpace(text).empty()) return items;
  size_t start = 0;
  while (true) {
    const size_t end = text.find_first_of(separators, start);
    items.push_back(TrimSpace(text.substr(start, end - start)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return items;
}

std::string ToUpperAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace canje::registry
