#include "registry/suggestions.h"

#include <gtest/gtest.h>

#include <string>
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

TEST(EditDistance, CountsCodePointsNotBytes) {
  EXPECT_EQ(EditDistance("прізвище", "призвище"), 1u);  // і for и: one letter, two bytes
  EXPECT_EQ(EditDistance("фамилия", "фамиля"), 1u);
  EXPECT_EQ(EditDistance("تاريخ_الميلاد", "تاريخ_الملاد"), 1u);
  EXPECT_EQ(EditDistance("cédula", "cedula"), 1u);
  EXPECT_EQ(EditDistance("\xFF", "\xFE"), 1u);  // bytes that are not UTF-8 count one each
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
  EXPECT_EQ(SuggestionDistanceFor("пол"), 1u);
  EXPECT_EQ(SuggestionDistanceFor("фамилия"), 2u);  // 7 letters, 14 bytes
  EXPECT_EQ(SuggestionDistanceFor("nacionalidad"), 3u);
  EXPECT_EQ(SuggestionDistanceFor(std::string(40, 'x')), 3u);
}

SuggestionIndex IndexOf(const std::vector<std::string>& names) {
  SuggestionIndex index;
  for (const std::string& name : names) index.Add(name);
  return index;
}

TEST(SuggestionIndex, GivesEveryNameAtTheSmallestDistance) {
  const SuggestionIndex index = IndexOf({"nombre", "nombres", "apellidos", "nombra"});
  EXPECT_EQ(index.Nearest("nombr", 3), (std::vector<size_t>{0, 3}));
  EXPECT_EQ(index.Nearest("nombr", 1), (std::vector<size_t>{0}));
  EXPECT_EQ(index.Nearest("apelidos", 3), (std::vector<size_t>{2}));
  EXPECT_TRUE(index.Nearest("estado", 3).empty());
  // Nothing beyond the word's limit (one edit for a word of three letters), tied or not.
  EXPECT_TRUE(IndexOf({"піб", "пол"}).Nearest("вік", 3).empty());
}

TEST(SuggestionIndex, LooksInTheWordsOwnScriptFirst) {
  // "жab_cdefg" begins with a Cyrillic letter: the Cyrillic name three edits away is suggested
  // before the Latin one a single edit away.
  EXPECT_EQ(IndexOf({"ab_cdefg", "жab_cdxyz"}).Nearest("жab_cdefg", 3), (std::vector<size_t>{1}));
  // With no name of its script near enough, the others are tried.
  EXPECT_EQ(IndexOf({"ab_cdefg", "жzzzzzzzzz"}).Nearest("жab_cdefg", 3), (std::vector<size_t>{0}));
  EXPECT_EQ(IndexOf({"الاسم", "фамилия", "family"}).Nearest("фамиля", 3), (std::vector<size_t>{1}));
}

}  // namespace
}  // namespace canje::registry
