// Splitting names as a person reading a Hispanic list would.
//
// Words are separated by white space (runs of spaces, tabs, no-break spaces count as one).
// Accents and letter case are kept as written, for display; matching is linkage's job.
//
// Particles — de, del, la, las, los, y, da, das, do, dos, di, van, von, der, den, san, santa
// (any case) — belong to the word after them: "de la Cruz", "San Martín", "y Gasset" are one
// family name each. A particle with no word after it joins the word before it.
//
// SplitFullName(text), for a single full-name field:
//   1. "FAMILY NAMES, GIVEN NAMES" (a comma): family names before the first comma, given names
//      after it. This is the roster form and is never ambiguous; prefer it.
//   2. Otherwise, when some words are written in capitals and the others are not, and the
//      capitals form the beginning or the end ("PÉREZ RODRÍGUEZ José Luis", "José Luis PÉREZ
//      RODRÍGUEZ"), the capitals are the family names. Particles are neither.
//   3. Otherwise the words are grouped into units (a word with its particles) and:
//        1 unit          → given name only;
//        2 units         → 1 given name + 1 family name;
//        3 or more units → the last two units are family names, the rest given names
//                          (3 units: 1 given + 2 family names, the Hispanic default).
//      Exception for devotional given names: a particle unit right after the first given name
//      whose word is Ángeles, Carmen, Jesús, Valle, Pilar, Lourdes, Rosario, Fátima, Mercedes,
//      Socorro, Dolores, Consuelo, Luz, Paz, Milagros, Nieves, Remedios, Rocío, Mar, Gracia,
//      Asunción, Concepción or Montserrat ("María de los Ángeles", "María del Carmen", "José de
//      Jesús") is part of the given names, as long as at least one unit is left for a family
//      name. So "María de los Ángeles Pérez de la Cruz" → given {María, de, los, Ángeles},
//      family {Pérez, de la Cruz}; "María del Carmen Pérez" → given {María, del, Carmen},
//      family {Pérez}.
//   Known to be wrong sometimes: "Juan Carlos Pérez" (3 units) gives given {Juan}, family
//   {Carlos, Pérez}, and "de la Cruz" as a given-name complement is read as a surname. Lists
//   that separate the name columns or use the comma form avoid both.
//
// Given names are always kept as single words ({"María", "de", "los", "Ángeles"}), so that
// Display() joins them back as written. Family names are units ({"Pérez", "de la Cruz"}).
//
// A list may instead declare the order of its full names (`canje import --name-order`, the query
// parameter `name_order` of POST /v1/lists). Rule 1 (the comma) still applies first; rules 2 and
// 3 give way to the declared order, on units as above:
//   kGivenFamily            "Jean Pierre Dupont": the last unit is the family name, the rest
//                           given names (one unit: a given name).
//   kFamilyGiven            "Wang Xiaoming", "Гуменюк Михайло": the first unit is the family
//                           name, the rest given names (one unit: a family name).
//   kFamilyGivenPatronymic  "Гуменюк Михайло Петрович": the first unit is the family name, the
//                           last word the patronymic (PersonName::patronymic; the last two when
//                           the last is a Turkic оглы, кызы, улы, угли, ули or қызы and a word
//                           is left for the given name: "Алиев Гейдар Алирза оглы"), the words
//                           between the given names. With four or more units, one word is the
//                           given name and everything before it the family names. Two units:
//                           family and given name, no patronymic; one unit: a family name. In
//                           the comma form ("Гуменюк, Михайло Петрович") the patronymic is taken
//                           the same way from the words after the comma.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "registry/person.h"

namespace canje::registry {

enum class NameOrder { kGuessed, kGivenFamily, kFamilyGiven, kFamilyGivenPatronymic };

// "given-family", "family-given", "family-given-patronymic": the names of the declared orders.
std::span<const std::string_view> NameOrderNames();
// The declared order of one of those names; a usage error naming them otherwise.
Result<NameOrder> ParseNameOrder(std::string_view name);

// Splits a single full-name field by the rules above. Empty text gives an empty name.
PersonName SplitFullName(std::string_view text, NameOrder order = NameOrder::kGuessed);

// Splits a family-names field into surnames keeping particles: "Pérez de la Cruz" → {"Pérez",
// "de la Cruz"}. A field with "|" is split at "|" only (exact, for names that the particle rule
// would split differently): "Ortega y Gasset|Pérez" → {"Ortega y Gasset", "Pérez"}.
std::vector<std::string> SplitFamilyNames(std::string_view text);

// Splits a given-names field into words: "José  Luis" → {"José", "Luis"}. A field with "|" is
// split at "|" only.
std::vector<std::string> SplitGivenNames(std::string_view text);

// One name field as one unit (for first_family_name and the like): white space runs collapsed
// to one space, trimmed. "  de  la Cruz " → "de la Cruz".
std::string CollapseSpaces(std::string_view text);

// True when `word` is a particle (case-insensitive).
bool IsNameParticle(std::string_view word);

}  // namespace canje::registry
