// Synthetic Russian and Ukrainian names in Cyrillic for the Cyrillic/Latin scenario
// (cyrillic_scenario.h), and the few Cyrillic letter helpers the generator needs.
//
// The tables hold common given names, patronymics and family names of each language (about 50
// given names per sex, 30 patronymics and 100 family names each, so that two people share a
// full name mostly when the scenario makes them namesakes); people are synthetic combinations of
// them (no real person is meant). Family names are listed in their male form;
// FeminineFamilyName gives the female one.
#pragma once

#include <cstdint>
#include <span>
#include <string>
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
// Family names in the male form.
std::span<const std::string_view> CyrillicFamilyNames(NameLanguage language);
// The female form: Russian -ов/-ев/-ёв/-ин/-ын add а, -ий and -ой become -ая (Вишневский ->
// Вишневская); Ukrainian -ий becomes -а (Ковальський -> Ковальська) and -ов/-ин add а; other
// names (Шевченко, Ткачук, Мельник) are the same for both.
std::string FeminineFamilyName(std::string_view male, NameLanguage language);

// The Cyrillic letters of Russian and Ukrainian (U+0400-U+045F, Ґ ґ), either case.
bool IsCyrillicLetter(char32_t c);
bool IsCyrillicUpper(char32_t c);

}  // namespace canje::scenario
