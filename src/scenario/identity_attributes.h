// Dates of birth and identity documents for synthetic people.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/random.h"
#include "scenario/record.h"

namespace canje::scenario {

// A uniformly random day in [first, last] (both full dates, first <= last).
Date DrawDateBetween(const Date& first, const Date& last, Random& random);

// A date of birth that makes the person between min_age and max_age years old (inclusive) on
// `reference`, uniform over that range of days.
Date DrawBirthDate(const Date& reference, int min_age, int max_age, Random& random);

// A person's age in whole years on `reference`.
int AgeOn(const Date& birth, const Date& reference);

// "V-12.345.678": `prefix` is V (Venezuelan) or E (foreign resident); the digits are grouped
// by three with dots, as Venezuelan documents print them.
std::string FormatCedula(char prefix, int64_t number);

// A Venezuelan cédula number plausible for someone born in `birth_year`: numbers were issued
// in sequence, so people born around 1960 hold about 4-5 million, around 1990 about 19-20
// million, around 2005 about 30 million (piecewise linear, with a spread of +-0.8 million).
int64_t DrawCedulaNumber(int birth_year, Random& random);

// A passport number in the shape the issuing country uses (ISO 3166-1 alpha-3); a generic
// two letters and seven digits for countries without a specific shape.
std::string DrawPassportNumber(std::string_view country, Random& random);

// One charge from `pool`, and with probability `second_rate` a second, different one.
// Requires a non-empty pool.
std::vector<std::string> DrawCharges(std::span<const std::string_view> pool, double second_rate,
                                     Random& random);

}  // namespace canje::scenario
