#include "linkage/normalize.h"

#include <gtest/gtest.h>

#include "linkage/linkage_test_util.h"

namespace canje::linkage {
namespace {

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
  EXPECT_EQ(Compare("José"), "jose");
  EXPECT_EQ(Compare("ÑÁÉÍÓÚ"), "naeiou");
  EXPECT_EQ(Compare("ñáéíóúü"), "naeiouu");
  EXPECT_EQ(Compare("Núñez"), Compare("NUNEZ"));
  EXPECT_EQ(Compare("Straße"), "strasse");
  EXPECT_EQ(Compare("Øyvind Łukasz Æsir"), "oyvind lukasz aesir");
}

TEST_F(NormalizeTest, DecomposedAndPrecomposedInputAgree) {
  EXPECT_EQ(Compare("Jose\u0301"), Compare("Jos\u00e9"));  // e + combining acute vs é
}

TEST_F(NormalizeTest, CompatibilityFormsBecomePlainLetters) {
  EXPECT_EQ(Compare("ＪＯＳＥ"), "jose");  // full-width
  EXPECT_EQ(Compare("ﬁdel"), "fidel");     // ligature
}

TEST_F(NormalizeTest, PunctuationSeparatesAndWhitespaceCollapses) {
  EXPECT_EQ(Compare("  PÉREZ-RODRÍGUEZ,  José\tLuis. "), "perez rodriguez jose luis");
  EXPECT_EQ(Compare("J.L."), "j l");
  EXPECT_EQ(Compare("--"), "");
  EXPECT_EQ(Compare(""), "");
}

TEST_F(NormalizeTest, ApostrophesJoinTheirWords) {
  EXPECT_EQ(Compare("D'Alessandro"), "dalessandro");
  EXPECT_EQ(Compare("D’Alessandro"), "dalessandro");
  EXPECT_EQ(Compare("O`Neill"), "oneill");
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
  EXPECT_EQ(Compare("ШЕВЧЕНКО"), "shevchenko");
  EXPECT_EQ(Compare("Наталья"), "natalya");  // soft sign dropped
  EXPECT_EQ(Compare("Тсой"), "tsoy");        // BGN separator dot dropped, word kept whole
}

TEST_F(NormalizeTest, UkrainianLettersSelectTheUkrainianTransform) {
  // Ukrainian BGN writes г as h and и as y; Russian BGN writes г as g and и as i. A name
  // without a Ukrainian-only letter (Мельник) gets the Russian transform: "melnik".
  EXPECT_EQ(Compare("Ігор"), "ihor");
  EXPECT_EQ(Compare("Олексій"), "oleksiy");
  EXPECT_EQ(Compare("Євген"), "yevhen");
  EXPECT_EQ(Compare("Ґалаган"), "galahan");  // ґ is g, г is h
  EXPECT_EQ(Compare("Мельник"), "melnik");
  EXPECT_EQ(Compare("Игорь"), "igor");
  EXPECT_EQ(Compare("Евгений"), "yevgeniy");
}

TEST_F(NormalizeTest, ArabicIsTransliteratedWithoutVowelMarks) {
  EXPECT_EQ(Compare("محمد"), "mhmd");
  EXPECT_EQ(Compare("مُحَمَّد"), "mhmd");   // harakat and shadda removed first
  EXPECT_EQ(Compare("فاطمة"), "fatm");  // ta marbuta removed
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
