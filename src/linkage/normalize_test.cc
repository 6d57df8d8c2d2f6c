#include "linkage/normalize.h"

#include <gtest/gtest.h>

#include "core/testing/text_cases.h"
#include "linkage/linkage_test_util.h"

namespace canje::linkage {
namespace {

using table_testing::ExpectEachMapsTo;

class NormalizeTest : public ::testing::Test {
 protected:
  static std::string Compare(std::string_view text) {
    return testing::TestNormalizer().ComparisonForm(text);
  }
  static Script ScriptOf(std::string_view text) {
    return testing::TestNormalizer().Normalize(text).script;
  }
};

TEST_F(NormalizeTest, RemovesAccentsAndFoldsCase) {
  const table_testing::TextCases cases = {
      {"José", "jose"},
      {"ÑÁÉÍÓÚ", "naeiou"},
      {"ñáéíóúü", "naeiouu"},
      {"Straße", "strasse"},
      {"Øyvind Łukasz Æsir", "oyvind lukasz aesir"},
  };
  ExpectEachMapsTo(Compare, cases);
  EXPECT_EQ(Compare("Núñez"), Compare("NUNEZ"));
}

TEST_F(NormalizeTest, DecomposedAndPrecomposedInputAgree) {
  EXPECT_EQ(Compare("Jose\u0301"), Compare("Jos\u00e9"));  // e + combining acute vs é
}

TEST_F(NormalizeTest, CompatibilityFormsBecomePlainLetters) {
  EXPECT_EQ(Compare("ＪＯＳＥ"), "jose");  // full-width
  EXPECT_EQ(Compare("ﬁdel"), "fidel");     // ligature
}

TEST_F(NormalizeTest, PunctuationSeparatesAndWhitespaceCollapses) {
  const table_testing::TextCases cases = {
      {"  PÉREZ-RODRÍGUEZ,  José\tLuis. ", "perez rodriguez jose luis"},
      {"J.L.", "j l"},
      {"--", ""},
      {"", ""},
  };
  ExpectEachMapsTo(Compare, cases);
}

TEST_F(NormalizeTest, ApostrophesJoinTheirWords) {
  const table_testing::TextCases cases = {
      {"D'Alessandro", "dalessandro"},
      {"D’Alessandro", "dalessandro"},
      {"O`Neill", "oneill"},
  };
  ExpectEachMapsTo(Compare, cases);
}

TEST_F(NormalizeTest, AsciiFastPathMatchesTheIcuPath) {
  // The ICU path runs whenever one character is not ASCII; an accent on one letter must not
  // change how the rest is treated.
  EXPECT_EQ(Compare("PEREZ-RODRIGUEZ, D'Angelo  (alias) #2"),
            Compare("PÉREZ-RODRIGUEZ, D'Angelo  (alias) #2"));
}

TEST_F(NormalizeTest, DisplayFormKeepsWhatWasWritten) {
  const NormalizedText text = testing::TestNormalizer().Normalize("  José   Pérez-Rodríguez \n");
  EXPECT_EQ(text.display, "José Pérez-Rodríguez");
  EXPECT_EQ(text.comparison, "jose perez rodriguez");
  EXPECT_EQ(DisplayForm("Jose\u0301"), "Jos\u00e9");  // NFC
}

TEST_F(NormalizeTest, CyrillicMeetsLatinThroughBgn) {
  EXPECT_EQ(Compare("Шевченко"), Compare("Shevchenko"));
  // Наталья: the soft sign is dropped; Тсой: the BGN separator dot is dropped, the word kept whole.
  const table_testing::TextCases cases = {
      {"ШЕВЧЕНКО", "shevchenko"},
      {"Наталья", "natalya"},
      {"Тсой", "tsoy"},
  };
  ExpectEachMapsTo(Compare, cases);
}

TEST_F(NormalizeTest, UkrainianLettersSelectTheUkrainianTransform) {
  // Ukrainian BGN writes г as h and и as y; Russian BGN writes г as g and и as i. A name
  // without a Ukrainian-only letter (Мельник) gets the Russian transform: "melnik".
  // In Ґалаган, ґ is g and г is h.
  const table_testing::TextCases cases = {
      {"Ігор", "ihor"},        {"Олексій", "oleksiy"}, {"Євген", "yevhen"},
      {"Ґалаган", "galahan"},  {"Мельник", "melnik"},  {"Игорь", "igor"},
      {"Евгений", "yevgeniy"},
  };
  ExpectEachMapsTo(Compare, cases);
}

TEST_F(NormalizeTest, ArabicIsTransliteratedWithoutVowelMarks) {
  // مُحَمَّد: harakat and shadda are removed first; فاطمة: the ta marbuta is removed.
  const table_testing::TextCases cases = {
      {"محمد", "mhmd"},
      {"مُحَمَّد", "mhmd"},
      {"فاطمة", "fatm"},
  };
  ExpectEachMapsTo(Compare, cases);
}

TEST_F(NormalizeTest, OtherScriptsGoThroughAnyLatin) { EXPECT_EQ(Compare("Γεώργιος"), "georgios"); }

TEST_F(NormalizeTest, DetectsTheScriptOfTheLetters) {
  EXPECT_EQ(ScriptOf("José"), Script::kLatin);
  EXPECT_EQ(ScriptOf("Шевченко"), Script::kCyrillic);
  EXPECT_EQ(ScriptOf("محمد"), Script::kArabic);
  EXPECT_EQ(ScriptOf("Γεώργιος"), Script::kGreek);
  EXPECT_EQ(ScriptOf("李"), Script::kOther);
  EXPECT_EQ(ScriptOf("12-34"), Script::kNone);
  EXPECT_EQ(ScriptOf("Иван Ivanov Petrov"), Script::kLatin);  // the most letters win
  EXPECT_EQ(ScriptName(Script::kCyrillic), "cyrillic");
}

TEST_F(NormalizeTest, IllFormedUtf8DoesNotBreakNormalisation) {
  EXPECT_EQ(Compare("Jos\xC3"
                    "e"),
            "jos e");
  EXPECT_EQ(Compare("a\xFF"), "a");
}

}  // namespace
}  // namespace canje::linkage
