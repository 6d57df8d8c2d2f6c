// Country names in the languages of the lists canje reads besides Spanish and English: Russian,
// Ukrainian, Arabic, French and Portuguese. A list that writes a country by its name gets its
// ISO 3166-1 alpha-3 code back in the message (countries.h), in whatever language it wrote it.
#pragma once

#include <span>

#include "registry/countries.h"

namespace canje::registry {

// The names of the countries of the exchanges and of their regions (Russia, Ukraine, Belarus,
// Türkiye, the Gulf, the Americas of the lists, the Iberian and French-speaking states, the
// Middle East, North Africa and the Sahel, Angola, Mozambique, Haiti) in those five languages:
// the everyday and the official form, and the spellings clerks write (with and without a
// hamza, with ё and with е). Names spelled as the English ISO name but for accents (Ukraine,
// Qatar, Haïti) are not repeated. Every name is distinct after FoldForMatchingAnyScript. Each is
// a Country whose `name` is in one of those languages ({"UKR", "Україна"}).
std::span<const Country> CountryNamesInOtherLanguages();

}  // namespace canje::registry
