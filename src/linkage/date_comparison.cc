#include "linkage/date_comparison.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "linkage/document_comparison.h"

namespace canje::linkage {
namespace {

using L = ComparisonLevel;
using Precision = ComparableDate::Precision;

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

// The date's digits at `precision` (at most its own): "19900403", "199004" or "1990".
std::string DigitsOf(const ComparableDate& date, Precision precision) {
  char text[16];
  if (precision == Precision::kDay) {
    std::snprintf(text, sizeof text, "%04d%02d%02d", date.year, date.month, date.day);
  } else if (precision == Precision::kMonth) {
    std::snprintf(text, sizeof text, "%04d%02d", date.year, date.month);
  } else {
    std::snprintf(text, sizeof text, "%04d", date.year);
  }
  return text;
}

bool YearsOneApart(const ComparableDate& a, const ComparableDate& b) {
  return a.year - b.year == 1 || b.year - a.year == 1;
}

}  // namespace

ComparableDate ComparableDate::Day(int year, int month, int day) {
  return {static_cast<int16_t>(year), static_cast<uint8_t>(month), static_cast<uint8_t>(day),
          Precision::kDay};
}

ComparableDate ComparableDate::Month(int year, int month) {
  return {static_cast<int16_t>(year), static_cast<uint8_t>(month), 0, Precision::kMonth};
}

ComparableDate ComparableDate::Year(int year) {
  return {static_cast<int16_t>(year), 0, 0, Precision::kYear};
}

bool ComparableDate::IsValid() const {
  if (year < 1 || year > 9999) return false;
  if (precision == Precision::kYear) return month == 0 && day == 0;
  if (month < 1 || month > 12) return false;
  if (precision == Precision::kMonth) return day == 0;
  return day >= 1 && day <= DaysInMonth(year, month);
}

ComparisonLevel CompareDates(const ComparableDate& a, const ComparableDate& b) {
  if (a.missing() || b.missing()) return L::kMissing;
  switch (std::min(a.precision, b.precision)) {
    case Precision::kDay:
      if (a.year == b.year && a.month == b.month && a.day == b.day) return L::kExact;
      if (a.year == b.year && a.day != a.month && a.day == b.month && a.month == b.day) {
        return L::kDayMonthSwapped;
      }
      if (a.year == b.year && a.month == b.month) return L::kSameYearMonth;
      if (a.month == b.month && a.day == b.day && YearsOneApart(a, b)) return L::kYearOffByOne;
      return L::kDifferent;
    case Precision::kMonth:
      if (a.year == b.year && a.month == b.month) return L::kSameYearMonth;
      if (a.month == b.month && YearsOneApart(a, b)) return L::kYearOffByOne;
      return L::kDifferent;
    case Precision::kYear:
      if (a.year == b.year) return L::kSameYear;
      if (YearsOneApart(a, b)) return L::kYearOffByOne;
      return L::kDifferent;
  }
  return L::kDifferent;
}

bool DatesConflict(const ComparableDate& a, const ComparableDate& b) {
  if (CompareDates(a, b) != L::kDifferent) return false;
  const Precision common = std::min(a.precision, b.precision);
  const std::string x = DigitsOf(a, common), y = DigitsOf(b, common);
  // A digit mistyped or two neighbours swapped, as in a document number.
  return CompareDocumentNumbers(x, y) == L::kDifferent;
}

}  // namespace canje::linkage
