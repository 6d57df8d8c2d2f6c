// The transliteration skeleton on synthetic names: each published standard's spelling meets the
// Cyrillic name's canonical reading, and different names keep different skeletons.
#include "linkage/transliteration_skeleton.h"

#include <gtest/gtest.h>

#include "linkage/cyrillic_transliteration.h"

namespace canje::linkage {
namespace {

// The skeleton of a comparison form as normalize.h makes it: spellings with diacritics are given
// here already without them (š -> s, â -> a), and ʹ or ` already dropped.
std::string Key(std::string_view latin) { return TransliterationSkeleton(latin); }
std::string KeyOfCyrillic(std::string_view cyrillic) {
  return TransliterationSkeleton(CyrillicToLatin(cyrillic));
}

TEST(TransliterationSkeletonTest, BgnPcgnSpellingsMeetTheCyrillic) {
  EXPECT_EQ(Key("yevgeniy"), KeyOfCyrillic("Евгений"));
  EXPECT_EQ(Key("sergeyev"), KeyOfCyrillic("Сергеев"));
  EXPECT_EQ(Key("shcherbakov"), KeyOfCyrillic("Щербаков"));
  EXPECT_EQ(Key("natalya"), KeyOfCyrillic("Наталья"));
  EXPECT_EQ(Key("solovyev"), KeyOfCyrillic("Соловьёв"));
  EXPECT_EQ(Key("tsvetkov"), KeyOfCyrillic("Цветков"));
}

TEST(TransliterationSkeletonTest, Iso9SpellingsWithoutTheirAccentsMeetTheCyrillic) {
  EXPECT_EQ(Key("evgenij"), KeyOfCyrillic("Евгений"));
  EXPECT_EQ(Key("sevcenko"), KeyOfCyrillic("Шевченко"));  // Ševčenko
  EXPECT_EQ(Key("serbakov"), KeyOfCyrillic("Щербаков"));  // Ŝerbakov
  EXPECT_EQ(Key("ulia"), KeyOfCyrillic("Юлия"));          // Ûliâ
  EXPECT_EQ(Key("hohlov"), KeyOfCyrillic("Хохлов"));
  EXPECT_EQ(Key("fedorov"), KeyOfCyrillic("Фёдоров"));    // Fëdorov
  EXPECT_EQ(Key("grigorij"), KeyOfCyrillic("Григорій"));
  EXPECT_EQ(Key("izak"), KeyOfCyrillic("Їжак"));          // Ïžak
}

TEST(TransliterationSkeletonTest, Gost779BSpellingsMeetTheCyrillic) {
  EXPECT_EQ(Key("czvetkov"), KeyOfCyrillic("Цветков"));
  EXPECT_EQ(Key("shherbakov"), KeyOfCyrillic("Щербаков"));
  EXPECT_EQ(Key("xoxlov"), KeyOfCyrillic("Хохлов"));
  EXPECT_EQ(Key("fyodorov"), KeyOfCyrillic("Фёдоров"));
  EXPECT_EQ(Key("melnyk"), KeyOfCyrillic("Мельник"));     // Mel`ny`k
  EXPECT_EQ(Key("lukyanenko"), KeyOfCyrillic("Лук'яненко"));  // Luk''yanenko
}

TEST(TransliterationSkeletonTest, UkrainianNationalSpellingsMeetTheCyrillic) {
  EXPECT_EQ(Key("yuliia"), KeyOfCyrillic("Юлія"));
  EXPECT_EQ(Key("oleksii"), KeyOfCyrillic("Олексій"));
  EXPECT_EQ(Key("yevhen"), KeyOfCyrillic("Євген"));
  EXPECT_EQ(Key("hryhorii"), KeyOfCyrillic("Григорій"));
  EXPECT_EQ(Key("zghurskyi"), KeyOfCyrillic("Згурський"));
  EXPECT_EQ(Key("yushchenko"), KeyOfCyrillic("Ющенко"));
  EXPECT_EQ(Key("lukianenko"), KeyOfCyrillic("Лук'яненко"));
}

TEST(TransliterationSkeletonTest, PassportAndInformalSpellingsMeetTheCyrillic) {
  EXPECT_EQ(Key("iuliia"), KeyOfCyrillic("Юлия"));
  EXPECT_EQ(Key("yulia"), KeyOfCyrillic("Юлия"));
  EXPECT_EQ(Key("dmitry"), KeyOfCyrillic("Дмитрий"));
  EXPECT_EQ(Key("dmitrii"), KeyOfCyrillic("Дмитрий"));
  EXPECT_EQ(Key("natalia"), KeyOfCyrillic("Наталья"));
  EXPECT_EQ(Key("kiril"), KeyOfCyrillic("Кирилл"));
}

TEST(TransliterationSkeletonTest, DifferentNamesKeepDifferentSkeletons) {
  EXPECT_NE(KeyOfCyrillic("Шевченко"), KeyOfCyrillic("Коваленко"));
  EXPECT_NE(KeyOfCyrillic("Иванов"), KeyOfCyrillic("Иванова"));
  EXPECT_NE(KeyOfCyrillic("Юлия"), KeyOfCyrillic("Юрий"));
  EXPECT_NE(KeyOfCyrillic("Жуков"), KeyOfCyrillic("Зуев"));
  EXPECT_NE(KeyOfCyrillic("Петров"), KeyOfCyrillic("Петренко"));
}

TEST(TransliterationSkeletonTest, WordsStaySeparate) {
  EXPECT_EQ(Key("yuliya  petrovna"), "ula petrovna");
  EXPECT_EQ(Key(""), "");
  EXPECT_EQ(KeyOfCyrillic("Юлия Петровна"), "ula petrovna");
}

TEST(CyrillicTransliterationTest, CanonicalSchemeIsIcaoWithUkrainianLetters) {
  EXPECT_EQ(CyrillicToLatin("Шевченко"), "shevchenko");
  EXPECT_EQ(CyrillicToLatin("ЩЕРБАКОВ"), "shcherbakov");
  EXPECT_EQ(CyrillicToLatin("Юлія Петрівна"), "iuliia petrivna");
  EXPECT_EQ(CyrillicToLatin("Лук'яненко"), "lukianenko");
  EXPECT_EQ(CyrillicToLatin("Їжак"), "izhak");
  EXPECT_EQ(CyrillicToLatin("Євген"), "ievgen");
  EXPECT_EQ(CyrillicToLatin("Ґонта"), "gonta");
  EXPECT_EQ(CyrillicToLatin("Хохлов-Цветков"), "khokhlov tsvetkov");
  EXPECT_EQ(CyrillicToLatin("Наталья Ильинична"), "natalia ilinichna");
  EXPECT_EQ(CyrillicToLatin("Подъячев"), "podieiachev");
  EXPECT_EQ(CyrillicToLatin("Анна 2"), "anna 2");
  EXPECT_TRUE(HasCyrillicLetter(U"Анна"));
  EXPECT_FALSE(HasCyrillicLetter(U"Anna"));
}

}  // namespace
}  // namespace canje::linkage
