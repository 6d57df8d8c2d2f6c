#include "registry/categories.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace canje::registry {
namespace {

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
  EXPECT_EQ(Category("Preso Político"), "political_prisoner");
  EXPECT_EQ(Category("presa politica"), "political_prisoner");
  EXPECT_EQ(Category("PERIODISTA"), "journalist");
  EXPECT_EQ(Category("abogada"), "lawyer");
  EXPECT_EQ(Category("opositor"), "opposition");
  EXPECT_EQ(Category("oposición"), "opposition");
  EXPECT_EQ(Category("intelectual"), "intellectual");
  EXPECT_EQ(Category("defensor DDHH"), "human_rights_defender");
  EXPECT_EQ(Category("extranjero"), "foreign_national");
  EXPECT_EQ(Category("deportado"), "deportee");
  EXPECT_EQ(Category("menor"), "minor");
  EXPECT_EQ(Category("herido"), "sick_or_wounded");
  EXPECT_EQ(Category("enfermo o herido"), "sick_or_wounded");
  EXPECT_EQ(Category("militar"), "military");
  EXPECT_EQ(Category("otro"), "other");
  EXPECT_EQ(Category("foreign national"), "foreign_national");
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
