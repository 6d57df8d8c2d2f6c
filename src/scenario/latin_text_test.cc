#include "scenario/latin_text.h"

#include <gtest/gtest.h>

#include "core/testing/text_cases.h"

namespace canje::scenario {
namespace {

using table_testing::ExpectEachMapsTo;

TEST(DropAccents, StripsDiacriticsFromLatinLetters) {
  const table_testing::TextCases cases = {
      {"José Núñez Müller", "Jose Nunez Muller"},
      {"ÁNGEL PEÑA", "ANGEL PENA"},
      {"Łukasz Wiśniewski Kovačič", "Lukasz Wisniewski Kovacic"},
      {"Straße", "Strasse"},
      {"Pedro", "Pedro"},
  };
  ExpectEachMapsTo(DropAccents, cases);
}

TEST(UpperCase, KeepsAccentsAndParticles) {
  const table_testing::TextCases cases = {
      {"José de la Cruz Peña", "JOSÉ DE LA CRUZ PEÑA"},
      {"Areszt Śledczy Łódź", "ARESZT ŚLEDCZY ŁÓDŹ"},
  };
  ExpectEachMapsTo(UpperCase, cases);
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
