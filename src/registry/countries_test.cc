#include "registry/countries.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace canje::registry {
namespace {

using ::testing::HasSubstr;

TEST(Countries, TheTableHoldsTheOfficiallyAssignedCodesSortedAndUnique) {
  const auto countries = AllCountries();
  EXPECT_EQ(countries.size(), 249u);
  for (size_t i = 0; i < countries.size(); ++i) {
    ASSERT_EQ(countries[i].alpha3.size(), 3u);
    for (char c : countries[i].alpha3) {
      EXPECT_TRUE(c >= 'A' && c <= 'Z') << countries[i].alpha3;
    }
    EXPECT_FALSE(countries[i].name.empty());
    if (i > 0) {
      EXPECT_LT(countries[i - 1].alpha3, countries[i].alpha3);
    }
  }
}

TEST(Countries, FindsCodesCaseInsensitively) {
  ASSERT_NE(FindCountry("ven"), nullptr);
  EXPECT_EQ(FindCountry(" Ven ")->name, "Venezuela (Bolivarian Republic of)");
  EXPECT_EQ(FindCountry("SLV")->name, "El Salvador");
  EXPECT_EQ(FindCountry("USA")->name, "United States of America");
  EXPECT_EQ(FindCountry("DEU")->name, "Germany");
  EXPECT_EQ(FindCountry("ALA")->name, "Åland Islands");
  EXPECT_EQ(FindCountry("ZWE")->name, "Zimbabwe");
  EXPECT_EQ(FindCountry("AFG")->name, "Afghanistan");
  EXPECT_EQ(FindCountry("XKX"), nullptr);  // Kosovo's user-assigned code is not official
  EXPECT_EQ(FindCountry("VE"), nullptr);
}

TEST(ParseCountryCode, ReturnsTheUpperCaseCode) {
  Result<std::string> code = ParseCountryCode(" col ");
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(*code, "COL");
}

TEST(ParseCountryCode, AnUnknownCodeComesWithASuggestion) {
  EXPECT_THAT(ParseCountryCode("Venezuela").status().message(),
              HasSubstr("is a country name; write its ISO 3166-1 alpha-3 code, VEN"));
  EXPECT_THAT(ParseCountryCode("el salvador").status().message(), HasSubstr("code, SLV"));
  EXPECT_THAT(ParseCountryCode("GER").status().message(), HasSubstr("did you mean DEU (Germany)"));
  EXPECT_THAT(ParseCountryCode("VNE").status().message(), HasSubstr("did you mean VEN"));
  Status unknown = ParseCountryCode("12").status();
  EXPECT_EQ(unknown.code(), StatusCode::kInvalid);
  EXPECT_THAT(unknown.message(), HasSubstr("unknown country code '12'"));
}

}  // namespace
}  // namespace canje::registry
