// The transliteration skeleton on synthetic names: each published standard's spelling meets the
// Cyrillic name's canonical reading, and different names keep different skeletons.
#include "linkage/transliteration_skeleton.h"

#include <gtest/gtest.h>

#include "core/testing/text_cases.h"
#include "linkage/cyrillic_transliteration.h"

namespace canje::linkage {
namespace {

using table_testing::ExpectEachMapsTo;

// The skeleton of a comparison form as normalize.h makes it: spellings with diacritics are given
// here already without them (š -> s, â -> a), and ʹ or ` already dropped.
std::string SkeletonKey(std::string_view latin) { return TransliterationSkeleton(latin); }
std::string KeyOfCyrillic(std::string_view cyrillic) {
  return TransliterationSkeleton(CyrillicToLatin(cyrillic));
}

// Expects each case's Latin spelling (input) to have the skeleton of its Cyrillic original
// (expected).
void ExpectSpellingsMeet(const std::vector<table_testing::TextCase>& spellings) {
  for (const table_testing::TextCase& one : spellings) {
    EXPECT_EQ(SkeletonKey(one.input), KeyOfCyrillic(one.expected)) << one.input << " / " << one.expected;
  }
}

TEST(TransliterationSkeletonTest, BgnPcgnSpellingsMeetTheCyrillic) {
  ExpectSpellingsMeet({
      {"yevgeniy", "Евгений"},
      {"sergeyev", "Сергеев"},
      {"shcherbakov", "Щербаков"},
      {"natalya", "Наталья"},
      {"solovyev", "Соловьёв"},
      {"tsvetkov", "Цветков"},
  });
}

TEST(TransliterationSkeletonTest, Iso9SpellingsWithoutTheirAccentsMeetTheCyrillic) {
  ExpectSpellingsMeet({
      {"evgenij", "Евгений"},
      {"sevcenko", "Шевченко"},  // Ševčenko
      {"serbakov", "Щербаков"},  // Ŝerbakov
      {"ulia", "Юлия"},          // Ûliâ
      {"hohlov", "Хохлов"},
      {"fedorov", "Фёдоров"},  // Fëdorov
      {"grigorij", "Григорій"},
      {"izak", "Їжак"},  // Ïžak
  });
}

TEST(TransliterationSkeletonTest, Gost779BSpellingsMeetTheCyrillic) {
  ExpectSpellingsMeet({
      {"czvetkov", "Цветков"},
      {"shherbakov", "Щербаков"},
      {"xoxlov", "Хохлов"},
      {"fyodorov", "Фёдоров"},
      {"melnyk", "Мельник"},         // Mel`ny`k
      {"lukyanenko", "Лук'яненко"},  // Luk''yanenko
  });
}

TEST(TransliterationSkeletonTest, UkrainianNationalSpellingsMeetTheCyrillic) {
  ExpectSpellingsMeet({
      {"yuliia", "Юлія"},
      {"oleksii", "Олексій"},
      {"yevhen", "Євген"},
      {"hryhorii", "Григорій"},
      {"zghurskyi", "Згурський"},
      {"yushchenko", "Ющенко"},
      {"lukianenko", "Лук'яненко"},
  });
}

TEST(TransliterationSkeletonTest, PassportAndInformalSpellingsMeetTheCyrillic) {
  ExpectSpellingsMeet({
      {"iuliia", "Юлия"},
      {"yulia", "Юлия"},
      {"dmitry", "Дмитрий"},
      {"dmitrii", "Дмитрий"},
      {"natalia", "Наталья"},
      {"kiril", "Кирилл"},
  });
}

TEST(TransliterationSkeletonTest, DifferentNamesKeepDifferentSkeletons) {
  EXPECT_NE(KeyOfCyrillic("Шевченко"), KeyOfCyrillic("Коваленко"));
  EXPECT_NE(KeyOfCyrillic("Иванов"), KeyOfCyrillic("Иванова"));
  EXPECT_NE(KeyOfCyrillic("Юлия"), KeyOfCyrillic("Юрий"));
  EXPECT_NE(KeyOfCyrillic("Жуков"), KeyOfCyrillic("Зуев"));
  EXPECT_NE(KeyOfCyrillic("Петров"), KeyOfCyrillic("Петренко"));
}

TEST(TransliterationSkeletonTest, WordsStaySeparate) {
  EXPECT_EQ(SkeletonKey("yuliya  petrovna"), "ula petrovna");
  EXPECT_EQ(SkeletonKey(""), "");
  EXPECT_EQ(KeyOfCyrillic("Юлия Петровна"), "ula petrovna");
}

TEST(CyrillicTransliterationTest, CanonicalSchemeIsIcaoWithUkrainianLetters) {
  const table_testing::TextCases cases = {
      {"Шевченко", "shevchenko"},
      {"ЩЕРБАКОВ", "shcherbakov"},
      {"Юлія Петрівна", "iuliia petrivna"},
      {"Лук'яненко", "lukianenko"},
      {"Їжак", "izhak"},
      {"Євген", "ievgen"},
      {"Ґонта", "gonta"},
      {"Хохлов-Цветков", "khokhlov tsvetkov"},
      {"Наталья Ильинична", "natalia ilinichna"},
      {"Подъячев", "podieiachev"},
      {"Анна 2", "anna 2"},
  };
  ExpectEachMapsTo([](std::string_view utf8) { return CyrillicToLatin(utf8); }, cases);
  EXPECT_TRUE(HasCyrillicLetter(U"Анна"));
  EXPECT_FALSE(HasCyrillicLetter(U"Anna"));
}

}  // namespace
}  // namespace canje::linkage
