#include "registry/countries.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "core/testing/text_cases.h"
#include "registry/country_names.h"
#include "registry/text_fold.h"

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

// What ParseCountryCode answers for a text it refuses: the code it names, or "(none)".
std::string CodeNamedFor(const std::string& text) {
  const std::string message = ParseCountryCode(text).status().message();
  for (const std::string lead : {"alpha-3 code, ", "did you mean "}) {
    if (const size_t at = message.find(lead); at != std::string::npos) {
      return message.substr(at + lead.size(), 3);
    }
  }
  return "(none)";
}

TEST(ParseCountryCode, ANameInAnotherLanguageIsAnsweredWithItsCode) {
  const table_testing::TextCases cases = {
      {"Україна", "UKR"},
      {"Украина", "UKR"},
      {"УКРАЇНА", "UKR"},
      {"Россия", "RUS"},
      {"Российская Федерация", "RUS"},
      {"Беларусь", "BLR"},
      {"الإمارات", "ARE"},
      {"الامارات", "ARE"},
      {"ОАЭ", "ARE"},
      {"Émirats arabes unis", "ARE"},
      {"Туреччина", "TUR"},
      {"السلفادور", "SLV"},
      {"Соединенные Штаты Америки", "USA"},
      {"Соединённые Штаты Америки", "USA"},
      {"États-Unis", "USA"},
      {"Estados Unidos", "USA"},
      {"Brésil", "BRA"},
      {"Moçambique", "MOZ"},
      {"سوريا", "SYR"},
      {"Syrie", "SYR"},
      {"فلسطين", "PSE"},
      {"Irã", "IRN"},
      {"Ємен", "YEM"},
      {"Égypte", "EGY"},
      {"الجزائر", "DZA"},
      {"Буркина-Фасо", "BFA"},
      {"Haïti", "HTI"},
      // English names, as before; a whole name before another country's short one.
      {"Venezuela", "VEN"},
      {"Congo", "COG"},
  };
  table_testing::ExpectEachMapsTo(CodeNamedFor, cases);
  EXPECT_THAT(ParseCountryCode("Україна").status().message(),
              HasSubstr("'Україна' is a country name; write its ISO 3166-1 alpha-3 code, UKR"));
}

TEST(ParseCountryCode, AMisspeltNameGetsTheNearestInItsOwnScript) {
  EXPECT_THAT(ParseCountryCode("Украйина").status().message(),
              HasSubstr("unknown country 'Украйина'; did you mean UKR (Украина)?"));
  EXPECT_THAT(ParseCountryCode("Укрaина").status().message(),  // a Latin "a" inside
              HasSubstr("did you mean UKR (Украина)?"));
  EXPECT_THAT(ParseCountryCode("Росия").status().message(),
              HasSubstr("did you mean RUS (Россия)?"));
  EXPECT_THAT(ParseCountryCode("الإمارت").status().message(),
              HasSubstr("did you mean ARE (الإمارات)?"));
  EXPECT_THAT(ParseCountryCode("Venezuala").status().message(),
              HasSubstr("did you mean VEN (Venezuela (Bolivarian Republic of))?"));
  EXPECT_THAT(ParseCountryCode("Moçambiqe").status().message(),
              HasSubstr("did you mean MOZ (Moçambique)?"));
  const Status far = ParseCountryCode("Атлантида").status();
  EXPECT_EQ(far.code(), StatusCode::kInvalid);
  EXPECT_THAT(far.message(), HasSubstr("unknown country code 'Атлантида'; countries are written"));
}

TEST(CountryNamesInOtherLanguages, NameKnownCodesOnceAndCoverTheRegionInEveryScript) {
  std::set<std::string> folded_english;
  for (const Country& country : AllCountries()) {
    folded_english.insert(FoldForMatchingAnyScript(country.name));
  }
  std::set<std::string> seen;
  std::map<std::string, std::set<Script>> scripts;
  for (const Country& name : CountryNamesInOtherLanguages()) {
    EXPECT_NE(FindCountry(name.alpha3), nullptr) << name.alpha3;
    const std::string folded = FoldForMatchingAnyScript(name.name);
    EXPECT_TRUE(seen.insert(folded).second) << "listed twice: " << name.name;
    EXPECT_EQ(folded_english.count(folded), 0u) << "the English name already: " << name.name;
    scripts[std::string(name.alpha3)].insert(ScriptOf(folded));
  }
  for (const std::string code :
       {"RUS", "UKR", "BLR", "TUR", "ARE", "QAT", "VEN", "SLV", "USA", "COL", "CUB", "NIC", "BRA",
        "FRA", "PRT", "ESP", "MEX", "SYR", "IRQ", "LBN", "ISR", "PSE", "IRN", "AFG", "YEM", "EGY",
        "MAR", "DZA", "TUN", "LBY", "SDN", "MLI", "BFA", "NER", "AGO", "MOZ", "HTI"}) {
    EXPECT_EQ(scripts[code].count(Script::kCyrillic), 1u) << code;
    EXPECT_EQ(scripts[code].count(Script::kArabic), 1u) << code;
  }
}

}  // namespace
}  // namespace canje::registry
