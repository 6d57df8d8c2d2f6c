#include "scenario/identity_attributes.h"

#include <gtest/gtest.h>

#include <cctype>

namespace canje::scenario {
namespace {

TEST(FormatCedula, GroupsDigitsByThree) {
  EXPECT_EQ(FormatCedula('V', 12345678), "V-12.345.678");
  EXPECT_EQ(FormatCedula('V', 8123456), "V-8.123.456");
  EXPECT_EQ(FormatCedula('E', 84000001), "E-84.000.001");
  EXPECT_EQ(FormatCedula('V', 345678), "V-345.678");
}

double MeanCedula(int birth_year) {
  Random random(birth_year);
  double sum = 0;
  for (int i = 0; i < 2000; ++i) sum += static_cast<double>(DrawCedulaNumber(birth_year, random));
  return sum / 2000;
}

TEST(DrawCedulaNumber, FollowsTheIssueOrderOfBirthYears) {
  EXPECT_NEAR(MeanCedula(1960), 4.8e6, 0.1e6);
  EXPECT_NEAR(MeanCedula(1990), 19.8e6, 0.1e6);
  EXPECT_NEAR(MeanCedula(2005), 30.5e6, 0.1e6);
  Random random(1);
  for (int i = 0; i < 1000; ++i) {
    const int64_t number = DrawCedulaNumber(1990, random);
    EXPECT_GE(number, 19'000'000);
    EXPECT_LE(number, 20'600'000);
  }
}

TEST(DrawBirthDate, GivesAgesInTheRequestedRange) {
  Random random(5);
  for (const Date& reference : {Date{2025, 4, 15}, Date{2024, 2, 29}, Date{2024, 12, 31}}) {
    bool youngest = false, oldest = false;
    for (int i = 0; i < 5000; ++i) {
      const Date birth = DrawBirthDate(reference, 18, 20, random);
      ASSERT_GE(birth.month, 1);
      ASSERT_LE(birth.day, DaysInMonth(birth.year, birth.month));
      const int age = AgeOn(birth, reference);
      ASSERT_GE(age, 18) << birth.ToIso();
      ASSERT_LE(age, 20) << birth.ToIso();
      youngest |= age == 18;
      oldest |= age == 20;
    }
    EXPECT_TRUE(youngest && oldest);
  }
}

TEST(DrawDateBetween, StaysWithinTheBounds) {
  Random random(6);
  for (int i = 0; i < 1000; ++i) {
    const Date date = DrawDateBetween({2024, 7, 29}, {2024, 8, 2}, random);
    const bool in_july = date.month == 7 && date.day >= 29;
    const bool in_august = date.month == 8 && date.day <= 2;
    EXPECT_TRUE(date.year == 2024 && (in_july || in_august)) << date.ToIso();
  }
}

TEST(DrawPassportNumber, UsesTheCountrysShape) {
  Random random(7);
  const std::string usa = DrawPassportNumber("USA", random);
  ASSERT_EQ(usa.size(), 9u);
  for (char c : usa) EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(c)));
  const std::string deu = DrawPassportNumber("DEU", random);
  EXPECT_EQ(deu.size(), 9u);
  EXPECT_EQ(deu[0], 'C');
  EXPECT_EQ(DrawPassportNumber("BLR", random).substr(0, 2), "MP");
}

TEST(Date, WritesIsoAtItsPrecision) {
  EXPECT_EQ((Date{1990, 4, 3}).ToIso(), "1990-04-03");
  EXPECT_EQ((Date{1990, 0, 0}).ToIso(), "1990");
}

}  // namespace
}  // namespace canje::scenario
