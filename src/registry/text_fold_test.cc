#include "registry/text_fold.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/testing/text_cases.h"

namespace canje::registry {
namespace {

using table_testing::ExpectEachMapsTo;

using ::testing::ElementsAre;

TEST(FoldForMatching, IgnoresCaseAccentsAndSeparators) {
  const table_testing::TextCases cases = {
      {"  Fecha de Nacimiento ", "fecha_de_nacimiento"},
      {"FECHA-NACIMIENTO", "fecha_nacimiento"},
      {"Cédula", "cedula"},
      {"CÉDULA", "cedula"},
      {"Preso  Político", "preso_politico"},
      {"año", "ano"},
      {"N°", "no"},
      {"Łódź Škoda", "lodz_skoda"},
      {"apellidos, nombres", "apellidos_nombres"},
      {"nombre\xC2\xA0y apellido", "nombre_y_apellido"},
      {"__x__", "x"},
      {" - ", ""},
  };
  ExpectEachMapsTo(FoldForMatching, cases);
}

TEST(FoldForMatching, KeepsOtherScriptsDistinct) {
  EXPECT_EQ(FoldForMatching("Имя"), "Имя");
  EXPECT_NE(FoldForMatching("Имя"), FoldForMatching("Фамилия"));
}

TEST(FoldForMatchingAnyScript, FoldsCaseInEveryScriptAfterNfc) {
  const table_testing::TextCases cases = {
      {"  Fecha de Nacimiento ", "fecha_de_nacimiento"},  // as FoldForMatching
      {"Дата  Рождения", "дата_рождения"},
      {"ДАТА НАРОДЖЕННЯ", "дата_народження"},
      {"Ґ Є Ї І Ў Ё", "ґ_є_ї_і_ў_ё"},
      {"Ф.И.О.", "ф_и_о"},
      {"Ім’я", "ім_я"},
      {"Імʼя", "ім_я"},
      {"Ім'я", "ім_я"},
      {"и\xCC\x86", "й"},            // NFC: и + COMBINING BREVE
      {"е\xCC\x88", "ё"},            // NFC: е + COMBINING DIAERESIS; not folded to "е"
      {"Pre\xCC\x81nom", "prenom"},  // NFC, then the accent goes
      {"\xD8\xA7\xD9\x94", "أ"},     // NFC: ALEF + HAMZA ABOVE
      {"الاسم، اللقب", "الاسم_اللقب"},
      {"Ș ǅ", "ș_ǆ"},
      {"№ п/п", "№_п_п"},
  };
  ExpectEachMapsTo(FoldForMatchingAnyScript, cases);
  // Letters that NFC and case folding leave apart stay apart.
  EXPECT_NE(FoldForMatchingAnyScript("Ёлка"), FoldForMatchingAnyScript("Елка"));
  EXPECT_NE(FoldForMatchingAnyScript("الإسم"), FoldForMatchingAnyScript("الاسم"));
  // Bytes that are not UTF-8 are kept, as FoldForMatching keeps them.
  EXPECT_EQ(FoldForMatchingAnyScript("\xD0\xD0x"), "\xD0\xD0x");
}

TEST(ScriptOf, NamesTheScriptOfTheFirstLetter) {
  EXPECT_EQ(ScriptOf("fecha"), Script::kLatin);
  EXPECT_EQ(ScriptOf("№_п_п"), Script::kCyrillic);
  EXPECT_EQ(ScriptOf("ім_я"), Script::kCyrillic);
  EXPECT_EQ(ScriptOf("الاسم"), Script::kArabic);
  EXPECT_EQ(ScriptOf("名前"), Script::kOther);
  EXPECT_EQ(ScriptOf("12"), Script::kOther);
}

TEST(TrimSpace, TrimsAsciiAndNoBreakSpaces) {
  const table_testing::TextCases cases = {
      {" \t x y \r\n", "x y"},
      {"\xC2\xA0José\xC2\xA0", "José"},
      {"   ", ""},
  };
  ExpectEachMapsTo(TrimSpace, cases);
}

TEST(SplitList, KeepsEmptyItemsForAlignment) {
  EXPECT_THAT(SplitList(" a | b||c ", "|"), ElementsAre("a", "b", "", "c"));
  EXPECT_THAT(SplitList("VEN;COL|USA", "|;"), ElementsAre("VEN", "COL", "USA"));
  EXPECT_TRUE(SplitList("  ", "|").empty());
  EXPECT_THAT(SplitList("one", "|"), ElementsAre("one"));
}

TEST(ToUpperAscii, LeavesNonAsciiAlone) { EXPECT_EQ(ToUpperAscii("icrc-é"), "ICRC-é"); }

}  // namespace
}  // namespace canje::registry
