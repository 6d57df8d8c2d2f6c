// Latin spellings of Russian and Ukrainian names as the other side of an exchange writes them,
// one function per published transliteration standard, for the synthetic Cyrillic/Latin lists
// (cyrillic_scenario.h).
//
// These are the generator's own tables, independent of the linkage code that must undo them
// (src/linkage/cyrillic_transliteration.h): a test of the linkage keys against this generator
// checks two separate readings of the standards, not one table against itself.
//
// Standards (lower-case letters shown; upper case follows the source letter):
//   bgn_pcgn_russian   BGN/PCGN 1947 for Russian: ж zh, х kh, ц ts, ч ch, ш sh, щ shch, й y,
//                      ы y, э e, ю yu, я ya, ь ʹ, ъ ʺ; е ye and ё yë at the start of a word and
//                      after a vowel, й, ь or ъ, otherwise e and ë.
//   iso9               ISO 9:1995 (GOST 7.79 system A), one Latin letter per Cyrillic letter
//                      with diacritics: ж ž, х h, ц c, ч č, ш š, щ ŝ, й j, ы y, э è, ю û, я â,
//                      ё ë, є ê, і ì, ї ï, ґ g̀, ь ʹ, ъ ʺ.
//   gost779b           GOST 7.79-2000 system B (ASCII): ж zh, х x, ц cz (c before e, i, y, j),
//                      ч ch, ш sh, щ shh, й j, ы y`, э e`, ю yu, я ya, ё yo, є ye, ї yi, ь `,
//                      ъ ``; Ukrainian и y`, ґ g`, apostrophe ''.
//   ukrainian_2010     Ukraine's national system (Cabinet resolution 55 of 2010), for Ukrainian
//                      names: г h, ґ g, и y, і i, ж zh, х kh, ц ts, ч ch, ш sh, щ shch; є ї й ю я
//                      are ye yi y yu ya at the start of a word and ie i i iu ia elsewhere; ь
//                      and the apostrophe are dropped; зг is zgh.
//   russian_passport   the ICAO Doc 9303 table of Russian passports since 2013: е ё e, й i,
//                      ъ ie, ы y, ь dropped, э e, ю iu, я ia, х kh, ц ts, щ shch.
// Characters that are not Cyrillic letters (spaces, hyphens) are copied unchanged.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace canje::scenario {

enum class TransliterationStandard : uint8_t {
  kBgnPcgnRussian,
  kIso9,
  kGost779B,
  kUkrainian2010,
  kRussianPassport,
};
inline constexpr int kTransliterationStandardCount = 5;

// "bgn_pcgn_russian", "iso9", "gost779b", "ukrainian_2010", "russian_passport".
std::string_view TransliterationStandardName(TransliterationStandard standard);

// The Latin spelling of `cyrillic` (UTF-8) under `standard`. `ukrainian` says the name is
// Ukrainian, which changes и in GOST 7.79 system B (y`); the other standards read the letters
// alone. Whole words in upper case stay in upper case ("ЮЛИЯ" -> "YULIYA").
std::string Transliterate(std::string_view cyrillic, TransliterationStandard standard,
                          bool ukrainian);

}  // namespace canje::scenario
