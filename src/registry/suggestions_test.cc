#include "registry/suggestions.h"

#include <gtest/gtest.h>

#include <vector>

namespace canje::registry {
namespace {

TEST(EditDistance, CountsEditsAndAdjacentTranspositions) {
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("abc", "abc"), 0u);
  EXPECT_EQ(EditDistance("VEN", "VNE"), 1u);
  EXPECT_EQ(EditDistance("fecha_nacimento", "fecha_nacimiento"), 1u);
  EXPECT_EQ(EditDistance("ca", "abc"), 3u);  // optimal string alignment, not full Damerau
}

TEST(ClosestMatch, PicksTheNearestWithinTheLimit) {
  const std::vector<std::string_view> names = {"nombres", "apellidos", "cedula"};
  EXPECT_EQ(ClosestMatch("apelidos", names, 2), "apellidos");
  EXPECT_EQ(ClosestMatch("nombre", names, 1), "nombres");
  EXPECT_FALSE(ClosestMatch("estado", names, 2).has_value());
  EXPECT_FALSE(ClosestMatch("x", {}, 3).has_value());
}

TEST(SuggestionDistanceFor, GrowsWithTheWordButStaysSmall) {
  EXPECT_EQ(SuggestionDistanceFor("ab"), 1u);
  EXPECT_EQ(SuggestionDistanceFor("nacionalidad"), 3u);
  EXPECT_EQ(SuggestionDistanceFor(std::string(40, 'x')), 3u);
}

}  // namespace
}  // namespace canje::registry
