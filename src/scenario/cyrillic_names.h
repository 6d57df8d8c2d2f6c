// Synthetic Russian and Ukrainian names in Cyrillic for the Cyrillic/Latin scenario
// (cyrillic_scenario.h), and the few Cyrillic letter helpers the generator needs.
//
// The tables hold common given names, patronymics and family names of each language; people are
// synthetic combinations of them (no real person is meant). Family names that change with sex
// (Russian -ов/-ова, -ский/-ская; Ukrainian -ський/-ська) are listed in both forms; Ukrainian
// names ending in -енко, -ук, -чук and the like are the same for both.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace canje::scenario {

enum class NameLanguage : uint8_t { kRussian, kUkrainian };

// A name with its male and female forms (equal when the name does not change).
struct GenderedName {
  std::string_view male;
  std::string_view female;
};

std::span<const std::string_view> CyrillicGivenNames(NameLanguage language, bool female);
// Patronymics, derived from a father's given name: {"Петрович", "Петровна"}.
std::span<const GenderedName> CyrillicPatronymics(NameLanguage language);
std::span<const GenderedName> CyrillicFamilyNames(NameLanguage language);

// The Cyrillic letters of Russian and Ukrainian (U+0400-U+045F, Ґ ґ), either case.
bool IsCyrillicLetter(char32_t c);
bool IsCyrillicUpper(char32_t c);
// The lower-case form of a Cyrillic letter; any other code point unchanged.
char32_t CyrillicLower(char32_t c);

}  // namespace canje::scenario
