#include "linkage/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <array>
#include <utility>

namespace canje::linkage {
namespace {

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool IsApostrophe(UChar32 c) {
  return c == U'\'' || c == U'`' || c == 0x00B4 || c == 0x2018 || c == 0x2019 || c == 0x02BC;
}

bool IsDeletedInComparison(UChar32 c) {
  if (IsApostrophe(c) || c == 0x00B7) return true;  // · separates letters in BGN output
  const int8_t category = u_charType(c);
  return category == U_NON_SPACING_MARK || category == U_MODIFIER_LETTER;
}

// Є є І і Ї ї Ґ ґ
bool IsUkrainianOnlyLetter(UChar32 c) {
  return c == 0x0404 || c == 0x0454 || c == 0x0406 || c == 0x0456 || c == 0x0407 || c == 0x0457 ||
         c == 0x0490 || c == 0x0491;
}

// Removed from Arabic text before transliteration (see normalize.h).
bool IsDroppedArabic(UChar32 c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || c == 0x0629;
}

Script ScriptOf(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_LATIN:
      return Script::kLatin;
    case USCRIPT_CYRILLIC:
      return Script::kCyrillic;
    case USCRIPT_ARABIC:
      return Script::kArabic;
    case USCRIPT_GREEK:
      return Script::kGreek;
    default:
      return Script::kOther;
  }
}

struct ScriptCensus {
  std::array<int, 6> letters{};  // indexed by Script
  bool ukrainian_letters = false;

  bool Has(Script script) const { return letters[static_cast<int>(script)] > 0; }
  Script Dominant() const {
    Script best = Script::kNone;
    int best_count = 0;
    for (int i = 1; i < static_cast<int>(letters.size()); ++i) {
      if (letters[i] > best_count) {
        best_count = letters[i];
        best = static_cast<Script>(i);
      }
    }
    return best;
  }
};

ScriptCensus CountScripts(const icu::UnicodeString& text) {
  ScriptCensus census;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if (!u_isalpha(c)) continue;
    ++census.letters[static_cast<int>(ScriptOf(c))];
    if (IsUkrainianOnlyLetter(c)) census.ukrainian_letters = true;
  }
  return census;
}

bool HasNonLatinLetter(const icu::UnicodeString& text) {
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if (u_isalpha(c) && ScriptOf(c) != Script::kLatin) return true;
  }
  return false;
}

// Appends `c` (lower-cased ASCII letter/digit, or a separator) to `out`, collapsing separators.
void AppendAsciiComparison(char c, std::string& out) {
  if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  const bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  if (alphanumeric) {
    out.push_back(c);
  } else if (!out.empty() && out.back() != ' ') {
    out.push_back(' ');
  }
}

std::string AsciiComparisonForm(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\'' || c == '`') continue;
    AppendAsciiComparison(c, out);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string_view ScriptName(Script script) {
  switch (script) {
    case Script::kNone:
      return "none";
    case Script::kLatin:
      return "latin";
    case Script::kCyrillic:
      return "cyrillic";
    case Script::kArabic:
      return "arabic";
    case Script::kGreek:
      return "greek";
    case Script::kOther:
      return "other";
  }
  return "other";
}

std::string DisplayForm(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (U_SUCCESS(status)) text = nfc->normalize(text, status);
  icu::UnicodeString collapsed;
  bool pending_space = false;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if (u_isUWhiteSpace(c)) {
      pending_space = !collapsed.isEmpty();
      continue;
    }
    if (pending_space) collapsed.append(static_cast<UChar>(u' '));
    pending_space = false;
    collapsed.append(c);
  }
  std::string out;
  collapsed.toUTF8String(out);
  return out;
}

struct Normalizer::Transliterators {
  std::unique_ptr<icu::Transliterator> russian;
  std::unique_ptr<icu::Transliterator> ukrainian;
  std::unique_ptr<icu::Transliterator> arabic;
  std::unique_ptr<icu::Transliterator> any_latin;
  std::unique_ptr<icu::Transliterator> latin_ascii;
  const icu::Normalizer2* nfkc = nullptr;
  const icu::Normalizer2* nfd = nullptr;
  const icu::Normalizer2* nfc = nullptr;
};

Result<Normalizer> Normalizer::Create() {
  auto t = std::make_unique<Transliterators>();
  const std::pair<const char*, std::unique_ptr<icu::Transliterator>*> wanted[] = {
      {"Russian-Latin/BGN", &t->russian}, {"Ukrainian-Latin/BGN", &t->ukrainian},
      {"Arabic-Latin", &t->arabic},       {"Any-Latin", &t->any_latin},
      {"Latin-ASCII", &t->latin_ascii},
  };
  for (const auto& [id, slot] : wanted) {
    UErrorCode status = U_ZERO_ERROR;
    slot->reset(icu::Transliterator::createInstance(icu::UnicodeString(id, -1, US_INV),
                                                    UTRANS_FORWARD, status));
    if (U_FAILURE(status) || *slot == nullptr) {
      return Status::Internal(std::string("ICU transliterator '") + id + "' is not available (" +
                              u_errorName(status) +
                              "); install the full ICU data (Debian package libicu72)");
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  t->nfkc = icu::Normalizer2::getNFKCInstance(status);
  t->nfd = icu::Normalizer2::getNFDInstance(status);
  t->nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    return Status::Internal(std::string("ICU normalisation data is not available (") +
                            u_errorName(status) + ")");
  }
  return Normalizer(std::move(t));
}

Normalizer::Normalizer(std::unique_ptr<Transliterators> transliterators)
    : transliterators_(std::move(transliterators)) {}
Normalizer::Normalizer(Normalizer&&) noexcept = default;
Normalizer& Normalizer::operator=(Normalizer&&) noexcept = default;
Normalizer::~Normalizer() = default;

NormalizedText Normalizer::Normalize(std::string_view utf8) {
  NormalizedText result;
  result.comparison = ComparisonForm(utf8, &result.script);
  result.display = DisplayForm(utf8);
  return result;
}

std::string Normalizer::ComparisonForm(std::string_view utf8) {
  Script ignored;
  return ComparisonForm(utf8, &ignored);
}

std::string Normalizer::ComparisonForm(std::string_view utf8, Script* script) {
  if (IsAscii(utf8)) {
    std::string out = AsciiComparisonForm(utf8);
    bool has_letter = false;
    for (char c : out) has_letter = has_letter || (c >= 'a' && c <= 'z');
    *script = has_letter ? Script::kLatin : Script::kNone;
    return out;
  }

  const Transliterators& t = *transliterators_;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString text = t.nfkc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                                  utf8.data(), static_cast<int32_t>(utf8.size()))),
                                              status);

  // 2. Other scripts to Latin.
  const ScriptCensus census = CountScripts(text);
  *script = census.Dominant();
  if (census.Has(Script::kArabic)) {
    icu::UnicodeString kept;
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
      const UChar32 c = text.char32At(i);
      if (!IsDroppedArabic(c)) kept.append(c);
    }
    text = kept;
    t.arabic->transliterate(text);
  }
  if (census.Has(Script::kCyrillic)) {
    (census.ukrainian_letters ? t.ukrainian : t.russian)->transliterate(text);
  }
  if (HasNonLatinLetter(text)) t.any_latin->transliterate(text);

  // 3-5. Fold case, remove accents, modifier letters and apostrophes.
  text.foldCase();
  text = t.nfd->normalize(text, status);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if (!IsDeletedInComparison(c)) stripped.append(c);
  }
  text = t.nfc->normalize(stripped, status);

  // 6. Remaining non-ASCII Latin letters.
  bool ascii = true;
  for (int32_t i = 0; i < text.length() && ascii; ++i) ascii = text.charAt(i) < 0x80;
  if (!ascii) t.latin_ascii->transliterate(text);

  // 7. Everything but letters and digits separates words.
  std::string out;
  out.reserve(static_cast<std::size_t>(text.length()));
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if (c < 0x80) {
      if (c == '\'' || c == '`') continue;
      AppendAsciiComparison(static_cast<char>(c), out);
    } else if (u_isalnum(c)) {
      icu::UnicodeString one(c);
      one.toUTF8String(out);
    } else if (IsDeletedInComparison(c)) {
      continue;
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace canje::linkage
