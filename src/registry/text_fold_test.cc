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
