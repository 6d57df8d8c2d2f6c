// The generator's transliteration standards on synthetic names, letter rules that differ between
// the standards: contextual е/є/ю/я, ц in GOST 7.79 B, Ukrainian г and и, the apostrophe.
#include "scenario/transliteration_standards.h"

#include <gtest/gtest.h>

#include "core/testing/text_cases.h"

namespace canje::scenario {
namespace {

using S = TransliterationStandard;
using table_testing::ExpectEachMapsTo;

std::string Bgn(std::string_view name) { return Transliterate(name, S::kBgnPcgnRussian, false); }
std::string Iso(std::string_view name, bool ukrainian = false) {
  return Transliterate(name, S::kIso9, ukrainian);
}
std::string Gost(std::string_view name, bool ukrainian = false) {
  return Transliterate(name, S::kGost779B, ukrainian);
}
std::string National(std::string_view name) { return Transliterate(name, S::kUkrainian2010, true); }
std::string Passport(std::string_view name) {
  return Transliterate(name, S::kRussianPassport, false);
}

TEST(TransliterationStandardsTest, BgnPcgnWritesYeAfterVowelsAndSoftSigns) {
  const table_testing::TextCases cases = {
      {"Евгений", "Yevgeniy"}, {"Сергеев", "Sergeyev"}, {"Щербаков", "Shcherbakov"},
      {"Наталья", "Natalʹya"}, {"Фёдоров", "Fëdorov"},  {"Цветков", "Tsvetkov"},
      {"ЮЛИЯ", "YULIYA"},
  };
  ExpectEachMapsTo(Bgn, cases);
}

TEST(TransliterationStandardsTest, Iso9IsOneLetterForOneLetter) {
  const table_testing::TextCases russian = {
      {"Евгений", "Evgenij"}, {"Шевченко", "Ševčenko"}, {"Щербаков", "Ŝerbakov"},
      {"Юлия", "Ûliâ"},       {"Хохлов", "Hohlov"},
  };
  ExpectEachMapsTo([](std::string_view name) { return Iso(name); }, russian);
  const table_testing::TextCases ukrainian = {
      {"Юлія", "Ûlìâ"},
      {"Лук'яненко", "Luk’ânenko"},
      {"Ґонта", "G\u0300onta"},
  };
  ExpectEachMapsTo([](std::string_view name) { return Iso(name, true); }, ukrainian);
}

TEST(TransliterationStandardsTest, Gost779BSpellsTseByTheNextLetter) {
  const table_testing::TextCases russian = {
      {"Цветков", "Czvetkov"}, {"Целиков", "Celikov"},  {"Щербаков", "Shherbakov"},
      {"Хохлов", "Xoxlov"},    {"Фёдоров", "Fyodorov"}, {"Наталья", "Natal`ya"},
      {"Мельник", "Mel`nik"},
  };
  ExpectEachMapsTo([](std::string_view name) { return Gost(name); }, russian);
  const table_testing::TextCases ukrainian = {
      {"Мельник", "Mel`ny`k"},
      {"Лук'яненко", "Luk''yanenko"},
  };
  ExpectEachMapsTo([](std::string_view name) { return Gost(name, true); }, ukrainian);
}

TEST(TransliterationStandardsTest, UkrainianNationalSystemDependsOnThePlaceInTheWord) {
  const table_testing::TextCases cases = {
      {"Юлія", "Yuliia"},       {"Олексій", "Oleksii"},     {"Євген", "Yevhen"},
      {"Їжак", "Yizhak"},       {"Згурський", "Zghurskyi"}, {"Лук'яненко", "Lukianenko"},
      {"Григорій", "Hryhorii"}, {"Ґонта", "Gonta"},
  };
  ExpectEachMapsTo(National, cases);
}

TEST(TransliterationStandardsTest, RussianPassportFollowsIcao) {
  const table_testing::TextCases cases = {
      {"Юлия", "Iuliia"},     {"Евгений", "Evgenii"},      {"Наталья", "Natalia"},
      {"Фёдоров", "Fedorov"}, {"Щербаков", "Shcherbakov"},
  };
  ExpectEachMapsTo(Passport, cases);
}

TEST(TransliterationStandardsTest, CharactersOutsideCyrillicAreKept) {
  EXPECT_EQ(Bgn("Иванов-Петров"), "Ivanov-Petrov");
  EXPECT_EQ(Passport("Анна Ивановна"), "Anna Ivanovna");
  EXPECT_EQ(TransliterationStandardName(S::kGost779B), "gost779b");
}

}  // namespace
}  // namespace canje::scenario
