// The name tables the generator draws from: invented combinations of common given names and
// surnames, never a real person's name. Each table is ordered from the most to the least
// frequent entry; the generator weights entries by rank (a Zipf-like law, see ZipfWeights), so
// the first few surnames are very common and the long tail is rare, as in civil registries.
#pragma once

#include <span>
#include <string_view>

namespace canje::scenario {

struct NameTable {
  std::span<const std::string_view> male_given;
  std::span<const std::string_view> female_given;
  // Second given names, when they differ from first ones ("del Valle", "de los Ángeles").
  std::span<const std::string_view> male_second_given;
  std::span<const std::string_view> female_second_given;
  // Family names in their masculine form; a particle stays with its surname ("de la Cruz").
  std::span<const std::string_view> family;
};

// Hispanic surnames, ordered by a plausible Venezuelan frequency (a few hundred entries).
std::span<const std::string_view> HispanicSurnames();
// Venezuelan given names (first and second), including the modern Anglo-inspired ones
// ("Yeferson", "Yusleidy").
NameTable VenezuelanNames();
NameTable SpanishNames();   // Spain: Hispanic surnames with Spanish given names
NameTable AmericanNames();  // United States (English given names and surnames)
NameTable GermanNames();
NameTable FrenchNames();
NameTable ItalianNames();
NameTable RussianNames();     // Latin transliteration; second given names are patronymics
NameTable BelarusianNames();  // Latin transliteration (Belarusian-style spellings)
NameTable PolishNames();
NameTable SloveneNames();
NameTable NorwegianNames();

// Nicknames that rosters keep as aliases ("El Flaco").
std::span<const std::string_view> SpanishNicknames();

}  // namespace canje::scenario
