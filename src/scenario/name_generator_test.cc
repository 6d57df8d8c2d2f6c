#include "scenario/name_generator.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/testing/text_cases.h"

namespace canje::scenario {
namespace {

using table_testing::ExpectEachMapsTo;

TEST(FeminineSurname, FollowsEachLanguagesRule) {
  const table_testing::TextCases cases = {
      {"Ivanov", "Ivanova"},
      {"Ilyin", "Ilyina"},
      {"Malinovsky", "Malinovskaya"},
      {"Zhuk", "Zhuk"},
  };
  ExpectEachMapsTo(
      [](std::string_view name) { return FeminineSurname(name, SurnameGender::kRussian); }, cases);
  EXPECT_EQ(FeminineSurname("Kazlou", SurnameGender::kBelarusian), "Kazlava");
  EXPECT_EQ(FeminineSurname("Kowalski", SurnameGender::kPolish), "Kowalska");
  EXPECT_EQ(FeminineSurname("Pérez", SurnameGender::kInvariant), "Pérez");
}

TEST(RussianPatronymic, DerivesFromTheFathersName) {
  EXPECT_EQ(RussianPatronymic("Aleksandr", 'M'), "Aleksandrovich");
  EXPECT_EQ(RussianPatronymic("Aleksandr", 'F'), "Aleksandrovna");
  EXPECT_EQ(RussianPatronymic("Sergey", 'M'), "Sergeyevich");
  EXPECT_EQ(RussianPatronymic("Dmitry", 'F'), "Dmitriyevna");
  EXPECT_EQ(RussianPatronymic("Pavel", 'M'), "Pavlovich");
  EXPECT_EQ(RussianPatronymic("Ilya", 'F'), "Ilyinichna");
}

TEST(HispanicSurnames, HasAFewHundredDistinctEntries) {
  const auto surnames = HispanicSurnames();
  const std::set<std::string_view> distinct(surnames.begin(), surnames.end());
  EXPECT_EQ(distinct.size(), surnames.size());
  EXPECT_GE(surnames.size(), 300u);
}

TEST(NameStyle, VenezuelanNamesHaveTwoSurnamesAndCompoundGivenNamesInTheDocumentedShares) {
  const NameStyle& style = NameStyleFor("VEN");
  Random random(11);
  const int n = 20000;
  int two_surnames = 0, two_given = 0;
  std::map<std::string, int> first_surnames;
  for (int i = 0; i < n; ++i) {
    Record record;
    style.Draw(i % 5 == 0 ? 'F' : 'M', random, record);
    ASSERT_FALSE(record.given_names.empty());
    ASSERT_FALSE(record.family_names.empty());
    if (record.family_names.size() == 2) {
      ++two_surnames;
      EXPECT_NE(record.family_names[0], record.family_names[1]);
    }
    two_given += record.given_names.size() == 2;
    ++first_surnames[record.family_names[0]];
  }
  EXPECT_NEAR(two_surnames / double(n), 0.93, 0.01);
  EXPECT_NEAR(two_given / double(n), 0.78, 0.015);
  // Blocking skew: the commonest surname is frequent, and the tail is long.
  EXPECT_GT(first_surnames["González"] / double(n), 0.03);
  EXPECT_LT(first_surnames["González"] / double(n), 0.06);
  EXPECT_GE(first_surnames.size(), 300u);
}

TEST(NameStyle, RussianNamesCarryAPatronymicAndGenderedSurnames) {
  const NameStyle& style = NameStyleFor("RUS");
  Random random(12);
  for (int i = 0; i < 500; ++i) {
    Record record;
    const char sex = i % 2 == 0 ? 'F' : 'M';
    style.Draw(sex, random, record);
    ASSERT_EQ(record.given_names.size(), 2u);
    const std::string& patronymic = record.given_names[1];
    if (sex == 'F') {
      EXPECT_TRUE(patronymic.ends_with("vna") || patronymic.ends_with("ichna")) << patronymic;
      EXPECT_TRUE(record.family_names[0].ends_with("a")) << record.family_names[0];
    } else {
      EXPECT_TRUE(patronymic.ends_with("ich")) << patronymic;
    }
  }
}

TEST(NameStyleFor, GivesEachNationalityItsOwnNames) {
  Random random(13);
  Record american, german;
  NameStyleFor("USA").Draw('M', random, american);
  NameStyleFor("DEU").Draw('M', random, german);
  EXPECT_EQ(american.family_names.size(), 1u);
  EXPECT_EQ(german.family_names.size(), 1u);
  EXPECT_NE(american.family_names, german.family_names);
}

}  // namespace
}  // namespace canje::scenario
