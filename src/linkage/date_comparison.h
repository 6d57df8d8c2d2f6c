// Comparison levels for dates known to a precision (year, year-month or full date).
//
// The engine parses each record's date once (an impossible date counts as missing) into a
// ComparableDate; CompareDates is then a few integer comparisons per pair.
//
// Two dates are compared at the coarser of their two precisions, so a date known only to the
// year can agree only at year level, never "exact". Levels, first that applies:
//   missing            either date is missing.
//   Both known to the day:
//     exact              same year, month and day.
//     day_month_swapped  same year, the day of each is the month of the other (1990-04-03 vs
//                        1990-03-04); not when day equals month.
//     same_year_month    same year and month, different day.
//     year_off_by_one    same month and day, years one apart (a typing slip).
//     different          otherwise.
//   Coarsest common precision is the month:
//     same_year_month    same year and month.
//     year_off_by_one    same month, years one apart.
//     different          otherwise.
//   Coarsest common precision is the year:
//     same_year          same year.
//     year_off_by_one    years one apart (a year computed from an age is often one off).
//     different          otherwise.
#pragma once

#include <cstdint>

#include "linkage/comparison_level.h"

namespace canje::linkage {

struct ComparableDate {
  enum class Precision : uint8_t { kYear, kMonth, kDay };

  int16_t year = 0;   // 0 means missing
  uint8_t month = 0;  // 1-12 when precision >= kMonth, else 0
  uint8_t day = 0;    // 1-31 when precision == kDay, else 0
  Precision precision = Precision::kDay;

  static ComparableDate Missing() { return {}; }
  static ComparableDate Day(int year, int month, int day);
  static ComparableDate Month(int year, int month);
  static ComparableDate Year(int year);

  bool missing() const { return year == 0; }
  // True when the fields name a real calendar date at their precision (Gregorian, years
  // 1-9999, leap years counted): the engine turns invalid dates into Missing().
  bool IsValid() const;
  friend bool operator==(const ComparableDate&, const ComparableDate&) = default;
};

// One of LevelSetFor(ComparisonKind::kDate).
ComparisonLevel CompareDates(const ComparableDate& a, const ComparableDate& b);

// True when both dates are known and they disagree beyond the mistakes lists make: CompareDates
// says "different" (so not equal, not day and month swapped, not a day or a year off), and their
// digits at the coarser of the two precisions (YYYYMMDD, YYYYMM or YYYY) differ in more than one
// digit and not by two neighbouring digits swapped. So 1990-04-03 against 1992-04-03 (one digit)
// or 1956 against 1965 (swapped digits) is a clerk's slip, not a conflict; 1990-04-03 against
// 1978-11-20 is a conflict: two people. The link rules (link_rules.h) keep such records apart.
bool DatesConflict(const ComparableDate& a, const ComparableDate& b);

}  // namespace canje::linkage
