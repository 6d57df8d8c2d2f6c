// Cyrillic letters as both the record linkage (canonical Latin reading) and the scenario generator
// (each published transliteration standard) spell them: what they share is written here once.
#pragma once

#include <optional>
#include <string_view>

namespace canje {

// The lower-case form of a Cyrillic capital of Russian or Ukrainian (U+0400-U+042F, Ґ); any
// other code point unchanged.
char32_t CyrillicLower(char32_t c);

// The Latin letter of a lower-case Cyrillic letter that every transliteration canje knows agrees
// on (а б в д з к л м н о п р с т у ф), or empty for any other code point: the other letters
// each standard spells in its own way.
std::u32string_view AgreedCyrillicSpelling(char32_t c);

// The spelling of a lower-case Russian or Ukrainian letter in ICAO Doc 9303's table, which
// Russian passports use (ж zh, х kh, ц ts, щ shch, ю iu, я ia, є and ъ ie, ь nothing; г and ґ g;
// и і ї й i), or nothing when `c` is not such a letter.
std::optional<std::u32string_view> IcaoCyrillicSpelling(char32_t c);

}  // namespace canje
