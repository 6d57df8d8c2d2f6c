#include "scenario/identity_attributes.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace canje::scenario {
namespace {

// Days since 0000-03-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
int64_t DayNumber(const Date& date) {
  const int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t year_of_era = y - era * 400;
  const int64_t month_index = date.month > 2 ? date.month - 3 : date.month + 9;
  const int64_t day_of_year = (153 * month_index + 2) / 5 + date.day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era;
}

Date DateFromDayNumber(int64_t days) {
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t day_of_era = days - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t month_index = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
  const int month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
  const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

char RandomDigit(Random& random) { return static_cast<char>('0' + random.Below(10)); }

char RandomLetter(Random& random, std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
  return alphabet[random.Below(alphabet.size())];
}

std::string Digits(Random& random, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out.push_back(RandomDigit(random));
  return out;
}

std::string Letters(Random& random, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out.push_back(RandomLetter(random));
  return out;
}

}  // namespace

Date DrawDateBetween(const Date& first, const Date& last, Random& random) {
  return DateFromDayNumber(random.Between(DayNumber(first), DayNumber(last)));
}

Date DrawBirthDate(const Date& reference, int min_age, int max_age, Random& random) {
  // Born after `earliest` (so not yet max_age + 1) and on or before `latest` (already min_age).
  Date latest{reference.year - min_age, reference.month,
              std::min(reference.day, DaysInMonth(reference.year - min_age, reference.month))};
  Date earliest_excluded{
      reference.year - max_age - 1, reference.month,
      std::min(reference.day, DaysInMonth(reference.year - max_age - 1, reference.month))};
  return DateFromDayNumber(random.Between(DayNumber(earliest_excluded) + 1, DayNumber(latest)));
}

int AgeOn(const Date& birth, const Date& reference) {
  int age = reference.year - birth.year;
  if (reference.month < birth.month ||
      (reference.month == birth.month && reference.day < birth.day)) {
    --age;
  }
  return age;
}

std::string FormatCedula(char prefix, int64_t number) {
  std::string digits = std::to_string(number);
  std::string grouped;
  const size_t lead = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i >= lead && (i - lead) % 3 == 0) grouped.push_back('.');
    grouped.push_back(digits[i]);
  }
  return std::string(1, prefix) + "-" + grouped;
}

int64_t DrawCedulaNumber(int birth_year, Random& random) {
  // (birth year, cédula numbers in thousands) at the anchor years.
  static constexpr int kAnchors[][2] = {{1930, 500},   {1940, 1200},  {1950, 2800},  {1960, 4800},
                                        {1970, 8500},  {1975, 11000}, {1980, 13500}, {1985, 16500},
                                        {1990, 19800}, {1995, 23500}, {2000, 27000}, {2005, 30500},
                                        {2010, 33000}};
  const int year = std::clamp(birth_year, kAnchors[0][0], kAnchors[std::size(kAnchors) - 1][0]);
  int64_t thousands = kAnchors[0][1];
  for (size_t i = 1; i < std::size(kAnchors); ++i) {
    if (year <= kAnchors[i][0]) {
      const int64_t y0 = kAnchors[i - 1][0], y1 = kAnchors[i][0];
      const int64_t t0 = kAnchors[i - 1][1], t1 = kAnchors[i][1];
      thousands = t0 + (t1 - t0) * (year - y0) / (y1 - y0);
      break;
    }
  }
  const int64_t center = thousands * 1000;
  return std::max<int64_t>(100'000, center + random.Between(-800'000, 800'000));
}

std::string DrawPassportNumber(std::string_view country, Random& random) {
  if (country == "USA")
    return std::string(1, static_cast<char>('5' + random.Below(2))) + Digits(random, 8);
  if (country == "DEU") {
    std::string out = "C";
    for (int i = 0; i < 8; ++i) out.push_back(RandomLetter(random, "CFGHJKLMNPRTVWXYZ0123456789"));
    return out;
  }
  if (country == "FRA") return Digits(random, 2) + Letters(random, 2) + Digits(random, 5);
  if (country == "ESP") return Letters(random, 3) + Digits(random, 6);
  if (country == "ITA") return Letters(random, 2) + Digits(random, 7);
  if (country == "COL") return "A" + Letters(random, 1) + Digits(random, 6);
  if (country == "ARG") return Digits(random, 8) + "N";
  if (country == "CHL" || country == "PER") return Digits(random, 9);
  if (country == "URY") return Letters(random, 1) + Digits(random, 6);
  if (country == "RUS") return "7" + Digits(random, 8);
  if (country == "BLR") return "MP" + Digits(random, 7);
  if (country == "POL") return Letters(random, 2) + Digits(random, 7);
  if (country == "NOR" || country == "SVN") return Letters(random, 1) + Digits(random, 7);
  return Letters(random, 2) + Digits(random, 7);
}

std::vector<std::string> DrawCharges(std::span<const std::string_view> pool, double second_rate,
                                     Random& random) {
  std::vector<std::string> charges = {std::string(random.Pick(pool))};
  if (pool.size() > 1 && random.Chance(second_rate)) {
    std::string second(random.Pick(pool));
    if (second != charges[0]) charges.push_back(std::move(second));
  }
  return charges;
}

}  // namespace canje::scenario
