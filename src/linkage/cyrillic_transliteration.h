// The canonical Cyrillic -> Latin transliteration of the linkage code: one fixed scheme for
// Russian and Ukrainian letters, so that a name written in Cyrillic has one Latin reading from
// which its transliteration skeleton (transliteration_skeleton.h) is computed, whatever ICU
// version the comparison form (normalize.h) came from.
//
// The scheme is the ICAO Doc 9303 table (the one of Russian passports since 2013), extended to the
// Ukrainian letters, context-free and ASCII:
//   а a  б b  в v  г g  ґ g  д d  е e  ё e  є ie  ж zh  з z  и i  і i  ї i  й i  к k  л l  м m
//   н n  о o  п p  р r  с s  т t  у u  ф f  х kh  ц ts  ч ch  ш sh  щ shch  ъ ie  ы y  ь (none)
//   э e  ю iu  я ia
// Either case is read; the output is lower case. Apostrophes (' ’ ʼ `) are dropped; ASCII letters
// and digits are kept in lower case; any other character (a space, a hyphen, a letter of another
// script) separates words: the output has words separated by one space, without leading or
// trailing spaces. "Лук'яненко" -> "lukianenko"; "Юлія Петрівна" -> "iuliia petrivna".
#pragma once

#include <string>
#include <string_view>

namespace canje::linkage {

// True when `text` holds at least one Cyrillic letter (U+0400-U+04FF).
bool HasCyrillicLetter(std::u32string_view text);

// The canonical transliteration of `text` (code points), as described above.
std::u32string CyrillicToLatin(std::u32string_view text);

// The same on UTF-8, for tests and tools.
std::string CyrillicToLatin(std::string_view utf8);

}  // namespace canje::linkage
