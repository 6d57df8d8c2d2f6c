#include "registry/name_search_key.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include "linkage/code_points.h"
#include "linkage/cyrillic_transliteration.h"
#include "linkage/transliteration_skeleton.h"
#include "registry/text_fold.h"

namespace canje::registry {
namespace {

bool IsCyrillic(char32_t c) { return c >= 0x0400 && c <= 0x04FF; }

// Latin letters: Basic Latin to Latin Extended-B, IPA aside, and Latin Extended Additional.
bool IsLatinLetter(char32_t c) {
  const bool latin_block = c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF);
  return latin_block && u_isalpha(static_cast<UChar32>(c));
}

// Apostrophes a name may hold inside a word: deleted, never a separator, in the key.
bool IsApostrophe(char32_t c) {
  return c == U'\'' || c == U'`' || c == 0x00B4 || c == 0x2018 || c == 0x2019;
}

// `text` in normalization form KD, as code points (invalid UTF-8 read as U+FFFD by ICU).
std::u32string DecomposedCodePoints(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString source =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString decomposed = U_SUCCESS(status) ? nfkd->normalize(source, status) : source;
  if (U_FAILURE(status)) decomposed = source;
  std::u32string code_points;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    code_points.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return code_points;
}

void AppendWordKey(const std::u32string& word, bool cyrillic, std::string& key) {
  if (word.empty()) return;
  const std::string written = linkage::ToUtf8(word);
  std::string skeleton =
      linkage::TransliterationSkeleton(cyrillic ? linkage::CyrillicToLatin(written) : written);
  for (char& c : skeleton) {
    if (c == ' ') c = '_';  // a Cyrillic word with letters of another script inside it
  }
  if (skeleton.empty()) return;
  if (!key.empty()) key += '_';
  key += skeleton;
}

}  // namespace

NameScript ScriptOfName(std::string_view text) {
  bool latin = false;
  for (char32_t c : CodePointsOf(text)) {
    if (IsCyrillic(c)) return NameScript::kCyrillic;
    if (IsLatinLetter(c)) latin = true;
  }
  return latin ? NameScript::kLatin : NameScript::kNeither;
}

std::string SearchForm(std::string_view text) { return FoldForMatchingAnyScript(text); }

std::string CrossScriptKey(std::string_view text) {
  std::string key;
  std::u32string word;
  bool cyrillic = false;
  for (char32_t c : DecomposedCodePoints(text)) {
    const int8_t type = u_charType(static_cast<UChar32>(c));
    if (type == U_NON_SPACING_MARK || type == U_MODIFIER_LETTER || IsApostrophe(c)) continue;
    if (u_isalnum(static_cast<UChar32>(c))) {
      word.push_back(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
      cyrillic = cyrillic || IsCyrillic(c);
      continue;
    }
    AppendWordKey(word, cyrillic, key);
    word.clear();
    cyrillic = false;
  }
  AppendWordKey(word, cyrillic, key);
  return key;
}

NameFragment NameFragment::Of(std::string_view text) {
  NameFragment fragment;
  fragment.form = SearchForm(text);
  fragment.script = ScriptOfName(text);
  if (fragment.script != NameScript::kNeither) fragment.cross_key = CrossScriptKey(text);
  return fragment;
}

bool NameHoldsFragment(std::string_view name, const NameFragment& fragment) {
  if (SearchForm(name).find(fragment.form) != std::string::npos) return true;
  if (fragment.cross_key.empty()) return false;
  const NameScript script = ScriptOfName(name);
  if (script == NameScript::kNeither || script == fragment.script) return false;
  return CrossScriptKey(name).find(fragment.cross_key) != std::string::npos;
}

}  // namespace canje::registry
