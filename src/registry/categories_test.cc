#include "registry/categories.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/testing/text_cases.h"

namespace canje::registry {
namespace {

using table_testing::ExpectEachMapsTo;

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string_view Category(std::string_view text) {
  Result<std::string_view> category = ParseCategory(text);
  EXPECT_TRUE(category.ok()) << text << ": " << category.status().ToString();
  return category.ok() ? *category : std::string_view("?");
}

TEST(ParseCategory, CanonicalNamesReadAsThemselves) {
  EXPECT_EQ(CanonicalCategories().size(), 12u);
  for (std::string_view name : CanonicalCategories()) EXPECT_EQ(Category(name), name);
}

TEST(ParseCategory, ReadsSpanishAndSpacedForms) {
  const table_testing::TextCases cases = {
      {"Preso Político", "political_prisoner"},
      {"presa politica", "political_prisoner"},
      {"PERIODISTA", "journalist"},
      {"abogada", "lawyer"},
      {"opositor", "opposition"},
      {"oposición", "opposition"},
      {"intelectual", "intellectual"},
      {"defensor DDHH", "human_rights_defender"},
      {"extranjero", "foreign_national"},
      {"deportado", "deportee"},
      {"menor", "minor"},
      {"herido", "sick_or_wounded"},
      {"enfermo o herido", "sick_or_wounded"},
      {"militar", "military"},
      {"otro", "other"},
      {"foreign national", "foreign_national"},
  };
  ExpectEachMapsTo(Category, cases);
}

TEST(ParseCategory, AnUnknownCategorySuggestsAndLists) {
  Status status = ParseCategory("periodsta").status();
  EXPECT_EQ(status.code(), StatusCode::kInvalid);
  EXPECT_THAT(status.message(), HasSubstr("unknown category 'periodsta'"));
  EXPECT_THAT(status.message(), HasSubstr("did you mean 'periodista'?"));
  EXPECT_THAT(status.message(), HasSubstr("political_prisoner journalist"));
}

TEST(ParseCategories, ReadsSeveralKeepingOrderOnce) {
  const std::vector<std::string_view> items = {"periodista", "", "preso político", "journalist"};
  Result<std::vector<std::string>> categories = ParseCategories(items);
  ASSERT_TRUE(categories.ok());
  EXPECT_THAT(*categories, ElementsAre("journalist", "political_prisoner"));
  const std::vector<std::string_view> bad = {"periodista", "astronauta"};
  EXPECT_THAT(ParseCategories(bad).status().message(), HasSubstr("'astronauta'"));
}

}  // namespace
}  // namespace canje::registry
