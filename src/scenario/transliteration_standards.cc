#include "scenario/transliteration_standards.h"

#include <array>

#include "core/cyrillic_letters.h"
#include "scenario/cyrillic_names.h"
#include "scenario/latin_text.h"

namespace canje::scenario {
namespace {

using Standard = TransliterationStandard;

// Where a letter stands, for the standards whose spelling depends on it.
struct LetterContext {
  bool word_initial = false;  // no Cyrillic letter before it in the word
  bool after_vowel = false;   // after a vowel, й, ь or ъ (BGN/PCGN's rule for е and ё)
  char32_t next = 0;          // the following letter, lower case (0 at the end of a word)
  char32_t previous = 0;      // the preceding letter, lower case (0 at the start of a word)
  bool ukrainian = false;
};

bool BgnSoftensAfter(char32_t c) {
  return std::u32string_view(U"аеёиоуыэюяіїєйьъ").find(c) != std::u32string_view::npos;
}

std::u32string_view BgnPcgn(char32_t c, const LetterContext& at) {
  switch (c) {
    case U'г': return U"g";
    case U'е': return at.word_initial || at.after_vowel ? U"ye" : U"e";
    case U'ё': return at.word_initial || at.after_vowel ? U"yë" : U"ë";
    case U'ж': return U"zh";
    case U'и': case U'і': return U"i";
    case U'й': return U"y";
    case U'х': return U"kh";
    case U'ц': return U"ts";
    case U'ч': return U"ch";
    case U'ш': return U"sh";
    case U'щ': return U"shch";
    case U'ъ': return U"ʺ";
    case U'ы': return U"y";
    case U'ь': return U"ʹ";
    case U'э': return U"e";
    case U'ю': return U"yu";
    case U'я': return U"ya";
    case U'є': return U"ye";
    case U'ї': return U"yi";
    case U'ґ': return U"g";
    default: return U"";
  }
}

std::u32string_view Iso9(char32_t c, const LetterContext&) {
  switch (c) {
    case U'г': return U"g";
    case U'ґ': return U"g\u0300";
    case U'е': return U"e";
    case U'ё': return U"ë";
    case U'є': return U"ê";
    case U'ж': return U"ž";
    case U'и': return U"i";
    case U'і': return U"ì";
    case U'ї': return U"ï";
    case U'й': return U"j";
    case U'х': return U"h";
    case U'ц': return U"c";
    case U'ч': return U"č";
    case U'ш': return U"š";
    case U'щ': return U"ŝ";
    case U'ъ': return U"ʺ";
    case U'ы': return U"y";
    case U'ь': return U"ʹ";
    case U'э': return U"è";
    case U'ю': return U"û";
    case U'я': return U"â";
    default: return U"";
  }
}

std::u32string_view GostB(char32_t c, const LetterContext& at) {
  switch (c) {
    case U'г': return U"g";
    case U'ґ': return U"g`";
    case U'е': return U"e";
    case U'ё': return U"yo";
    case U'є': return U"ye";
    case U'ж': return U"zh";
    case U'и': return at.ukrainian ? U"y`" : U"i";
    case U'і': return U"i";
    case U'ї': return U"yi";
    case U'й': return U"j";
    case U'х': return U"x";
    case U'ц': {
      const bool soft = at.next == U'е' || at.next == U'и' || at.next == U'і' ||
                        at.next == U'ы' || at.next == U'й' || at.next == U'є' ||
                        at.next == U'ї';
      return soft ? U"c" : U"cz";
    }
    case U'ч': return U"ch";
    case U'ш': return U"sh";
    case U'щ': return U"shh";
    case U'ъ': return U"``";
    case U'ы': return U"y`";
    case U'ь': return U"`";
    case U'э': return U"e`";
    case U'ю': return U"yu";
    case U'я': return U"ya";
    default: return U"";
  }
}

std::u32string_view Ukrainian2010(char32_t c, const LetterContext& at) {
  switch (c) {
    case U'г': return at.previous == U'з' ? U"gh" : U"h";
    case U'ґ': return U"g";
    case U'е': case U'э': return U"e";
    case U'ё': return at.word_initial ? U"yo" : U"io";
    case U'є': return at.word_initial ? U"ye" : U"ie";
    case U'ж': return U"zh";
    case U'и': case U'ы': return U"y";
    case U'і': return U"i";
    case U'ї': return at.word_initial ? U"yi" : U"i";
    case U'й': return at.word_initial ? U"y" : U"i";
    case U'х': return U"kh";
    case U'ц': return U"ts";
    case U'ч': return U"ch";
    case U'ш': return U"sh";
    case U'щ': return U"shch";
    case U'ю': return at.word_initial ? U"yu" : U"iu";
    case U'я': return at.word_initial ? U"ya" : U"ia";
    default: return U"";  // ь, ъ
  }
}

// Russian passports follow ICAO Doc 9303's table.
std::u32string_view RussianPassport(char32_t c, const LetterContext&) {
  return IcaoCyrillicSpelling(c).value_or(U"");
}

std::u32string_view Apostrophe(Standard standard) {
  switch (standard) {
    case Standard::kIso9: return U"’";
    case Standard::kGost779B: return U"''";
    default: return U"";
  }
}

std::u32string_view Spell(Standard standard, char32_t c, const LetterContext& at) {
  if (const std::u32string_view agreed = AgreedCyrillicSpelling(c); !agreed.empty()) return agreed;
  switch (standard) {
    case Standard::kBgnPcgnRussian: return BgnPcgn(c, at);
    case Standard::kIso9: return Iso9(c, at);
    case Standard::kGost779B: return GostB(c, at);
    case Standard::kUkrainian2010: return Ukrainian2010(c, at);
    case Standard::kRussianPassport: return RussianPassport(c, at);
  }
  return U"";
}

bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'’' || c == U'ʼ'; }

// One word (a run of Cyrillic letters and apostrophes), transliterated and cased.
std::u32string Word(std::u32string_view word, Standard standard, bool ukrainian) {
  bool all_upper = true;
  int letters = 0;
  for (char32_t c : word) {
    if (IsApostrophe(c)) continue;
    ++letters;
    all_upper = all_upper && IsCyrillicUpper(c);
  }
  all_upper = all_upper && letters > 1;
  std::u32string out;
  char32_t previous = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (IsApostrophe(word[i])) {
      out += Apostrophe(standard);
      continue;
    }
    const char32_t c = CyrillicLower(word[i]);
    LetterContext at;
    at.word_initial = previous == 0;
    at.after_vowel = previous != 0 && BgnSoftensAfter(previous);
    at.previous = previous;
    for (std::size_t k = i + 1; k < word.size(); ++k) {
      if (!IsApostrophe(word[k])) {
        at.next = CyrillicLower(word[k]);
        break;
      }
    }
    at.ukrainian = ukrainian;
    std::u32string spelled(Spell(standard, c, at));
    if (!spelled.empty() && IsCyrillicUpper(word[i])) {
      if (all_upper) {
        for (char32_t& s : spelled) s = ToUpperLetter(s);
      } else {
        spelled[0] = ToUpperLetter(spelled[0]);
      }
    }
    out += spelled;
    previous = c;
  }
  return out;
}

}  // namespace

std::string_view TransliterationStandardName(TransliterationStandard standard) {
  static constexpr std::array<std::string_view, kTransliterationStandardCount> kNames = {
      "bgn_pcgn_russian", "iso9", "gost779b", "ukrainian_2010", "russian_passport"};
  return kNames[static_cast<std::size_t>(standard)];
}

std::string Transliterate(std::string_view cyrillic, TransliterationStandard standard,
                          bool ukrainian) {
  const std::u32string text = DecodeUtf8(cyrillic);
  std::u32string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!IsCyrillicLetter(text[i])) {
      out.push_back(text[i++]);
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && (IsCyrillicLetter(text[end]) || IsApostrophe(text[end]))) ++end;
    out += Word(std::u32string_view(text).substr(i, end - i), standard, ukrainian);
    i = end;
  }
  return EncodeUtf8(out);
}

}  // namespace canje::scenario
