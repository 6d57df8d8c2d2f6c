// The generator's transliteration standards on synthetic names, letter rules that differ between
// the standards: contextual е/є/ю/я, ц in GOST 7.79 B, Ukrainian г and и, the apostrophe.
#include "scenario/transliteration_standards.h"

#include <gtest/gtest.h>

namespace canje::scenario {
namespace {

using S = TransliterationStandard;

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
  EXPECT_EQ(Bgn("Евгений"), "Yevgeniy");
  EXPECT_EQ(Bgn("Сергеев"), "Sergeyev");
  EXPECT_EQ(Bgn("Щербаков"), "Shcherbakov");
  EXPECT_EQ(Bgn("Наталья"), "Natalʹya");
  EXPECT_EQ(Bgn("Фёдоров"), "Fëdorov");
  EXPECT_EQ(Bgn("Цветков"), "Tsvetkov");
  EXPECT_EQ(Bgn("ЮЛИЯ"), "YULIYA");
}

TEST(TransliterationStandardsTest, Iso9IsOneLetterForOneLetter) {
  EXPECT_EQ(Iso("Евгений"), "Evgenij");
  EXPECT_EQ(Iso("Шевченко"), "Ševčenko");
  EXPECT_EQ(Iso("Щербаков"), "Ŝerbakov");
  EXPECT_EQ(Iso("Юлия"), "Ûliâ");
  EXPECT_EQ(Iso("Юлія", true), "Ûlìâ");
  EXPECT_EQ(Iso("Хохлов"), "Hohlov");
  EXPECT_EQ(Iso("Лук'яненко", true), "Luk’ânenko");
  EXPECT_EQ(Iso("Ґонта", true), "G\u0300onta");
}

TEST(TransliterationStandardsTest, Gost779BSpellsTseByTheNextLetter) {
  EXPECT_EQ(Gost("Цветков"), "Czvetkov");
  EXPECT_EQ(Gost("Целиков"), "Celikov");
  EXPECT_EQ(Gost("Щербаков"), "Shherbakov");
  EXPECT_EQ(Gost("Хохлов"), "Xoxlov");
  EXPECT_EQ(Gost("Фёдоров"), "Fyodorov");
  EXPECT_EQ(Gost("Наталья"), "Natal`ya");
  EXPECT_EQ(Gost("Мельник", true), "Mel`ny`k");
  EXPECT_EQ(Gost("Мельник", false), "Mel`nik");
  EXPECT_EQ(Gost("Лук'яненко", true), "Luk''yanenko");
}

TEST(TransliterationStandardsTest, UkrainianNationalSystemDependsOnThePlaceInTheWord) {
  EXPECT_EQ(National("Юлія"), "Yuliia");
  EXPECT_EQ(National("Олексій"), "Oleksii");
  EXPECT_EQ(National("Євген"), "Yevhen");
  EXPECT_EQ(National("Їжак"), "Yizhak");
  EXPECT_EQ(National("Згурський"), "Zghurskyi");
  EXPECT_EQ(National("Лук'яненко"), "Lukianenko");
  EXPECT_EQ(National("Григорій"), "Hryhorii");
  EXPECT_EQ(National("Ґонта"), "Gonta");
}

TEST(TransliterationStandardsTest, RussianPassportFollowsIcao) {
  EXPECT_EQ(Passport("Юлия"), "Iuliia");
  EXPECT_EQ(Passport("Евгений"), "Evgenii");
  EXPECT_EQ(Passport("Наталья"), "Natalia");
  EXPECT_EQ(Passport("Фёдоров"), "Fedorov");
  EXPECT_EQ(Passport("Щербаков"), "Shcherbakov");
}

TEST(TransliterationStandardsTest, CharactersOutsideCyrillicAreKept) {
  EXPECT_EQ(Bgn("Иванов-Петров"), "Ivanov-Petrov");
  EXPECT_EQ(Passport("Анна Ивановна"), "Anna Ivanovna");
  EXPECT_EQ(TransliterationStandardName(S::kGost779B), "gost779b");
}

}  // namespace
}  // namespace canje::scenario
