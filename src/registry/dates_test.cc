#include "registry/dates.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/testing/text_cases.h"

namespace canje::registry {
namespace {

using ::testing::HasSubstr;
using Precision = PartialDate::Precision;

PartialDate Day(int y, int m, int d) { return {y, m, d, Precision::kDay}; }

PartialDate Parsed(std::string_view text, DateOrder order = DateOrder::kUnambiguousOnly) {
  Result<PartialDate> date = ParseDate(text, order);
  EXPECT_TRUE(date.ok()) << text << ": " << date.status().ToString();
  return date.ok() ? *date : PartialDate{};
}

std::string Error(std::string_view text, DateOrder order = DateOrder::kUnambiguousOnly) {
  Result<PartialDate> date = ParseDate(text, order);
  EXPECT_FALSE(date.ok()) << text;
  return date.status().message();
}

TEST(ParseDate, ReadsIsoAtItsPrecision) {
  EXPECT_EQ(Parsed("1990-04-03"), Day(1990, 4, 3));
  EXPECT_EQ(Parsed(" 1990-04 "), (PartialDate{1990, 4, 0, Precision::kMonth}));
  EXPECT_EQ(Parsed("1990"), (PartialDate{1990, 0, 0, Precision::kYear}));
  EXPECT_EQ(Parsed("2000-02-29"), Day(2000, 2, 29));
}

TEST(ParseDate, ReadsDayMonthYearWhenUnambiguous) {
  EXPECT_EQ(Parsed("25/04/1990"), Day(1990, 4, 25));
  EXPECT_EQ(Parsed("25-4-1990"), Day(1990, 4, 25));
  EXPECT_EQ(Parsed("25.4.1990"), Day(1990, 4, 25));
  EXPECT_EQ(Parsed("4/25/1990"), Day(1990, 4, 25));  // only April 25 is possible
  EXPECT_EQ(Parsed("7/7/1990"), Day(1990, 7, 7));    // both readings agree
  EXPECT_EQ(Parsed("04/1990"), (PartialDate{1990, 4, 0, Precision::kMonth}));
}

TEST(ParseDate, AnAmbiguousDateSaysHowToWriteIt) {
  const std::string message = Error("3/4/1990");
  EXPECT_THAT(message, HasSubstr("ambiguous date '3/4/1990'"));
  EXPECT_THAT(message, HasSubstr("3 April or March 4, 1990"));
  EXPECT_THAT(message, HasSubstr("1990-04-03 or 1990-03-04"));
  // Which option reads the file, on the command line and over HTTP (the same reason reaches both).
  EXPECT_THAT(message, HasSubstr("day first (3 April) with `canje import --date-order dmy`, or "
                                 "`date_order=dmy` over HTTP"));
  EXPECT_THAT(message, HasSubstr("month first (March 4) with `--date-order mdy`, or "
                                 "`date_order=mdy`"));
}

TEST(ParseDate, DottedAndDashedDatesAreAmbiguousAlikeAndNameTheOption) {
  for (const std::string text : {"03.04.1990", "03-04-1990", "03/04/1990"}) {
    const std::string message = Error(text);
    EXPECT_THAT(message, HasSubstr("ambiguous date '" + text + "'"));
    EXPECT_THAT(message, HasSubstr("`canje import --date-order dmy`"));
  }
  EXPECT_EQ(Parsed("03.04.1990", DateOrder::kDayFirst), Day(1990, 4, 3));
  EXPECT_EQ(Parsed("03.04.1990", DateOrder::kMonthFirst), Day(1990, 3, 4));
}

TEST(ParseDate, AnExplicitOrderSettlesAmbiguity) {
  EXPECT_EQ(Parsed("3/4/1990", DateOrder::kDayFirst), Day(1990, 4, 3));
  EXPECT_EQ(Parsed("3/4/1990", DateOrder::kMonthFirst), Day(1990, 3, 4));
  // The order is then enforced, not guessed.
  EXPECT_THAT(Error("4/25/1990", DateOrder::kDayFirst), HasSubstr("month 25"));
  EXPECT_EQ(Parsed("1990-04-03", DateOrder::kMonthFirst), Day(1990, 4, 3));
}

// Expects each case's text (input) to be refused with a message that contains the expected words.
void ExpectRefusedSaying(const std::vector<table_testing::TextCase>& cases) {
  for (const table_testing::TextCase& one : cases) {
    EXPECT_THAT(Error(one.input), HasSubstr(one.expected))
        << "for the input \"" << one.input << "\"";
  }
}

TEST(ParseDate, ImpossibleDatesSayWhy) {
  ExpectRefusedSaying({
      {"1990-02-30", "February 1990 has 28 days"},
      {"1900-02-29", "February 1900 has 28 days"},
      {"31/04/1990", "April 1990 has 30 days"},
      {"0000-01-01", "year 0"},
      {"0000", "year 0"},
      {"1990-13-01", "month 13"},
      {"13/13/1990", "month 13"},
      {"1990-00", "month 0"},
      {"0/5/1990", "May 1990 has 31 days"},
  });
}

TEST(ParseDate, RejectsWhatItCannotRead) {
  ExpectRefusedSaying({
      {"3/4/90", "four-digit year"},
      {"", "empty"},
      {"abril 1990", "YYYY-MM-DD"},
      {"1990-4-3", "two-digit month"},
      {"1990/04/03", "after the year"},
      {"1990-04-03-01", "YYYY-MM-DD"},
      {"1990-04-03T10:00", "YYYY-MM-DD"},
  });
}

TEST(DaysInMonth, FollowsTheGregorianLeapYears) {
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(2100, 2), 28);
  EXPECT_EQ(DaysInMonth(2023, 12), 31);
  EXPECT_EQ(DaysInMonth(2023, 13), 0);
}

TEST(IsAfter, ComparesAtTheDatesOwnPrecision) {
  const PartialDate today = Day(2025, 6, 1);
  EXPECT_FALSE(IsAfter(Parsed("2025"), today));
  EXPECT_TRUE(IsAfter(Parsed("2026"), today));
  EXPECT_FALSE(IsAfter(Parsed("2025-06"), today));
  EXPECT_TRUE(IsAfter(Parsed("2025-07"), today));
  EXPECT_FALSE(IsAfter(Day(2025, 6, 1), today));
  EXPECT_TRUE(IsAfter(Day(2025, 6, 2), today));
  EXPECT_FALSE(IsAfter(Day(2024, 12, 31), today));
}

TEST(CheckDateOfBirth, RejectsTheFutureAndTheImplausiblyOld) {
  const PartialDate today = Day(2025, 6, 1);
  EXPECT_TRUE(CheckDateOfBirth(Day(1990, 4, 3), today).ok());
  Status future = CheckDateOfBirth(Day(2025, 6, 2), today);
  EXPECT_THAT(future.message(), HasSubstr("date of birth 2025-06-02 is in the future"));
  EXPECT_THAT(CheckDateOfBirth(Parsed("1890"), today).message(), HasSubstr("130 years"));
  EXPECT_THAT(CheckNotInFuture(Parsed("2026-01"), today, "custody date").message(),
              HasSubstr("custody date 2026-01 is in the future (today is 2025-06-01)"));
}

}  // namespace
}  // namespace canje::registry
