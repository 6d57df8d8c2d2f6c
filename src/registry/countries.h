// ISO 3166-1 alpha-3 country codes: the 249 officially assigned codes with their English short
// names (as published by ISO). Nationalities and document issuers are written with these codes.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/status.h"

namespace canje::registry {

struct Country {
  std::string_view alpha3;  // "VEN"
  std::string_view name;    // "Venezuela (Bolivarian Republic of)"
};

// Every officially assigned code, sorted by code.
std::span<const Country> AllCountries();

// The country with this code (case-insensitive, surrounding spaces ignored), or nullptr.
const Country* FindCountry(std::string_view code);

// The upper-case code for `text`, or an error that suggests a code: for a country's name, in
// English or in Russian, Ukrainian, Arabic, French or Portuguese (country_names.h), compared
// after FoldForMatchingAnyScript ("Venezuela" → "write its code, VEN"; "Україна" → UKR), for a
// code that begins a country's name ("GER" → "DEU (Germany)"), for a code one letter off, or for
// a name a few letters off, in the script it is written in ("Украйина" → "UKR (Украина)").
Result<std::string> ParseCountryCode(std::string_view text);

}  // namespace canje::registry
