#include "registry/text_fold.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace canje::registry {
namespace {

using ::testing::ElementsAre;

TEST(FoldForMatching, IgnoresCaseAccentsAndSeparators) {
  EXPECT_EQ(FoldForMatching("  Fecha de Nacimiento "), "fecha_de_nacimiento");
  EXPECT_EQ(FoldForMatching("FECHA-NACIMIENTO"), "fecha_nacimiento");
  EXPECT_EQ(FoldForMatching("Cédula"), "cedula");
  EXPECT_EQ(FoldForMatching("CÉDULA"), "cedula");
  EXPECT_EQ(FoldForMatching("Preso  Político"), "preso_politico");
  EXPECT_EQ(FoldForMatching("año"), "ano");
  EXPECT_EQ(FoldForMatching("N°"), "no");
  EXPECT_EQ(FoldForMatching("Łódź Škoda"), "lodz_skoda");
  EXPECT_EQ(FoldForMatching("apellidos, nombres"), "apellidos_nombres");
  EXPECT_EQ(FoldForMatching("nombre\xC2\xA0y apellido"), "nombre_y_apellido");
  EXPECT_EQ(FoldForMatching("__x__"), "x");
  EXPECT_EQ(FoldForMatching(" - "), "");
}

TEST(FoldForMatching, KeepsOtherScriptsDistinct) {
  EXPECT_EQ(FoldForMatching("Имя"), "Имя");
  EXPECT_NE(FoldForMatching("Имя"), FoldForMatching("Фамилия"));
}

TEST(TrimSpace, TrimsAsciiAndNoBreakSpaces) {
  EXPECT_EQ(TrimSpace(" \t x y \r\n"), "x y");
  EXPECT_EQ(TrimSpace("\xC2\xA0José\xC2\xA0"), "José");
  EXPECT_EQ(TrimSpace("   "), "");
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
