#include "scenario/latin_text.h"

#include <gtest/gtest.h>

namespace canje::scenario {
namespace {

TEST(DropAccents, StripsDiacriticsFromLatinLetters) {
  EXPECT_EQ(DropAccents("José Núñez Müller"), "Jose Nunez Muller");
  EXPECT_EQ(DropAccents("ÁNGEL PEÑA"), "ANGEL PENA");
  EXPECT_EQ(DropAccents("Łukasz Wiśniewski Kovačič"), "Lukasz Wisniewski Kovacic");
  EXPECT_EQ(DropAccents("Straße"), "Strasse");
  EXPECT_EQ(DropAccents("Pedro"), "Pedro");
}

TEST(UpperCase, KeepsAccentsAndParticles) {
  EXPECT_EQ(UpperCase("José de la Cruz Peña"), "JOSÉ DE LA CRUZ PEÑA");
  EXPECT_EQ(UpperCase("Areszt Śledczy Łódź"), "ARESZT ŚLEDCZY ŁÓDŹ");
  EXPECT_EQ(LowerCase("JOSÉ ŚLEDCZY"), "josé śledczy");
}

TEST(Utf8, RoundTripsOneToFourByteCharacters) {
  const std::string text = "aé€😀";
  const std::u32string decoded = DecodeUtf8(text);
  EXPECT_EQ(decoded.size(), 4u);
  EXPECT_EQ(EncodeUtf8(decoded), text);
}

}  // namespace
}  // namespace canje::scenario
