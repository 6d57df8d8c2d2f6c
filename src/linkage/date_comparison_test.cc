#include "linkage/date_comparison.h"

#include <gtest/gtest.h>

namespace canje::linkage {
namespace {

using L = ComparisonLevel;
using D = ComparableDate;

L Compare(const D& a, const D& b) {
  const L forward = CompareDates(a, b);
  EXPECT_EQ(forward, CompareDates(b, a));
  return forward;
}

TEST(DateComparisonTest, FullDates) {
  EXPECT_EQ(Compare(D::Day(1990, 4, 3), D::Day(1990, 4, 3)), L::kExact);
  EXPECT_EQ(Compare(D::Day(1990, 4, 3), D::Day(1990, 3, 4)), L::kDayMonthSwapped);
  EXPECT_EQ(Compare(D::Day(1990, 4, 3), D::Day(1990, 4, 30)), L::kSameYearMonth);
  EXPECT_EQ(Compare(D::Day(1990, 4, 3), D::Day(1991, 4, 3)), L::kYearOffByOne);
  EXPECT_EQ(Compare(D::Day(1990, 4, 3), D::Day(1989, 4, 3)), L::kYearOffByOne);
  EXPECT_EQ(Compare(D::Day(1990, 4, 3), D::Day(1992, 4, 3)), L::kDifferent);
  EXPECT_EQ(Compare(D::Day(1990, 4, 3), D::Day(1990, 11, 20)), L::kDifferent);
  EXPECT_EQ(Compare(D::Day(1990, 4, 3), D::Day(1991, 3, 4)), L::kDifferent);
}

TEST(DateComparisonTest, MissingDatesCarryNoEvidence) {
  EXPECT_EQ(Compare(D::Missing(), D::Day(1990, 4, 3)), L::kMissing);
  EXPECT_EQ(Compare(D::Missing(), D::Missing()), L::kMissing);
}

TEST(DateComparisonTest, PartialDatesAgreeOnlyAtTheirPrecision) {
  EXPECT_EQ(Compare(D::Year(1990), D::Year(1990)), L::kSameYear);
  EXPECT_EQ(Compare(D::Year(1990), D::Day(1990, 4, 3)), L::kSameYear);
  EXPECT_EQ(Compare(D::Year(1990), D::Year(1991)), L::kYearOffByOne);
  EXPECT_EQ(Compare(D::Year(1990), D::Year(1993)), L::kDifferent);
  EXPECT_EQ(Compare(D::Month(1990, 4), D::Day(1990, 4, 3)), L::kSameYearMonth);
  EXPECT_EQ(Compare(D::Month(1990, 4), D::Month(1991, 4)), L::kYearOffByOne);
  EXPECT_EQ(Compare(D::Month(1990, 4), D::Month(1990, 5)), L::kDifferent);
  EXPECT_EQ(Compare(D::Month(1990, 4), D::Year(1990)), L::kSameYear);
}

TEST(DateComparisonTest, ValidatesCalendarDates) {
  EXPECT_TRUE(D::Day(2000, 2, 29).IsValid());
  EXPECT_FALSE(D::Day(1900, 2, 29).IsValid());
  EXPECT_FALSE(D::Day(1990, 2, 30).IsValid());
  EXPECT_FALSE(D::Day(1990, 13, 1).IsValid());
  EXPECT_TRUE(D::Month(1990, 12).IsValid());
  EXPECT_TRUE(D::Year(1990).IsValid());
  EXPECT_FALSE(D::Missing().IsValid());
}

TEST(DateComparisonTest, EveryLevelIsInTheDateSet) {
  const D dates[] = {D::Missing(),       D::Year(1990),      D::Month(1990, 4),
                     D::Day(1990, 4, 3), D::Day(1990, 3, 4), D::Day(1991, 4, 3)};
  for (const D& a : dates) {
    for (const D& b : dates) {
      EXPECT_TRUE(LevelSetFor(ComparisonKind::kDate).Contains(CompareDates(a, b)));
    }
  }
}

// A conflict is a disagreement no mistake of a list explains: two people.
TEST(DateComparisonTest, ConflictsAreDisagreementsBeyondAClerksSlip) {
  auto conflict = [](const D& a, const D& b) {
    EXPECT_EQ(DatesConflict(a, b), DatesConflict(b, a));
    return DatesConflict(a, b);
  };
  EXPECT_TRUE(conflict(D::Day(1981, 2, 3), D::Day(1994, 11, 21)));
  EXPECT_TRUE(conflict(D::Day(1990, 4, 3), D::Day(1991, 3, 4)));  // swapped and a year off
  EXPECT_TRUE(conflict(D::Month(1990, 4), D::Month(1978, 11)));
  EXPECT_TRUE(conflict(D::Year(1990), D::Day(1978, 4, 3)));
  // Levels CompareDates already calls close.
  EXPECT_FALSE(conflict(D::Day(1990, 4, 3), D::Day(1990, 3, 4)));
  EXPECT_FALSE(conflict(D::Day(1990, 4, 3), D::Day(1990, 4, 27)));
  EXPECT_FALSE(conflict(D::Day(1990, 4, 3), D::Day(1991, 4, 3)));
  EXPECT_FALSE(conflict(D::Year(1990), D::Day(1990, 11, 20)));
  // "different", but one digit mistyped or two neighbours swapped.
  EXPECT_FALSE(conflict(D::Day(1990, 4, 3), D::Day(1992, 4, 3)));
  EXPECT_FALSE(conflict(D::Day(1990, 4, 3), D::Day(1990, 7, 3)));
  EXPECT_FALSE(conflict(D::Day(1956, 4, 3), D::Day(1965, 4, 3)));
  EXPECT_FALSE(conflict(D::Year(1956), D::Year(1965)));
  // Nothing to conflict with.
  EXPECT_FALSE(conflict(D::Missing(), D::Day(1990, 4, 3)));
}

}  // namespace
}  // namespace canje::linkage
