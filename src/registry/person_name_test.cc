#include "registry/person_name.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace canje::registry {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Expects SplitFullName(full) to read `given` as the given names and `family` as the family names.
void ExpectSplit(std::string_view full, const std::vector<std::string>& given,
                 const std::vector<std::string>& family) {
  const PersonName name = SplitFullName(full);
  EXPECT_EQ(name.given_names, given) << full;
  EXPECT_EQ(name.family_names, family) << full;
}

TEST(SplitFullName, TheRosterFormPutsFamilyNamesBeforeTheComma) {
  ExpectSplit("PÉREZ RODRÍGUEZ, JOSÉ LUIS", {"JOSÉ", "LUIS"}, {"PÉREZ", "RODRÍGUEZ"});
  ExpectSplit("Pérez de la Cruz,  María de los Ángeles ", {"María", "de", "los", "Ángeles"},
              {"Pérez", "de la Cruz"});
  ExpectSplit("Pérez,", {}, {"Pérez"});
}

TEST(SplitFullName, FourOrMoreUnitsEndWithTwoFamilyNames) {
  ExpectSplit("José Luis Pérez Rodríguez", {"José", "Luis"}, {"Pérez", "Rodríguez"});
  ExpectSplit("Ana María Luisa Gómez Díaz", {"Ana", "María", "Luisa"}, {"Gómez", "Díaz"});
}

TEST(SplitFullName, ThreeUnitsAreOneGivenAndTwoFamilyNames) {
  ExpectSplit("José Pérez Rodríguez", {"José"}, {"Pérez", "Rodríguez"});
  // The documented cost of the default: a compound given name with one surname is misread.
  ExpectSplit("Juan Carlos Pérez", {"Juan"}, {"Carlos", "Pérez"});
}

TEST(SplitFullName, TwoUnitsAreOneAndOneAndOneIsAGivenName) {
  ExpectSplit("José Pérez", {"José"}, {"Pérez"});
  ExpectSplit("  Yusuf ", {"Yusuf"}, {});
  EXPECT_EQ(SplitFullName("   "), PersonName());
}

TEST(SplitFullName, ParticlesStayWithTheFollowingSurname) {
  ExpectSplit("Juan de la Cruz Pérez", {"Juan"}, {"de la Cruz", "Pérez"});
  ExpectSplit("Luis Alberto Pérez de la Cruz", {"Luis", "Alberto"}, {"Pérez", "de la Cruz"});
  ExpectSplit("Pedro San Martín del Valle", {"Pedro"}, {"San Martín", "del Valle"});
  EXPECT_THAT(SplitFullName("Marco Di Stefano Rossi").family_names,
              ElementsAre("Di Stefano", "Rossi"));
  ExpectSplit("Ana Silva dos Santos", {"Ana"}, {"Silva", "dos Santos"});
}

TEST(SplitFullName, DevotionalGivenNamesKeepTheirParticles) {
  ExpectSplit("María de los Ángeles Pérez de la Cruz", {"María", "de", "los", "Ángeles"},
              {"Pérez", "de la Cruz"});
  ExpectSplit("María del Carmen Pérez", {"María", "del", "Carmen"}, {"Pérez"});
  ExpectSplit("José de Jesús Rodríguez Gómez", {"José", "de", "Jesús"}, {"Rodríguez", "Gómez"});
  ExpectSplit("MARIA DEL VALLE GONZALEZ", {"MARIA", "DEL", "VALLE"}, {"GONZALEZ"});
  // With nothing left for a family name, the particle unit is the family name.
  ExpectSplit("Jesús del Valle", {"Jesús"}, {"del Valle"});
}

TEST(SplitFullName, CapitalsAtOneEndMarkTheFamilyNames) {
  ExpectSplit("PÉREZ RODRÍGUEZ José Luis", {"José", "Luis"}, {"PÉREZ", "RODRÍGUEZ"});
  ExpectSplit("José Luis PÉREZ", {"José", "Luis"}, {"PÉREZ"});
  ExpectSplit("Ana María de la CRUZ", {"Ana", "María"}, {"de la CRUZ"});
  ExpectSplit("ÑÁÑEZ Óscar", {"Óscar"}, {"ÑÁÑEZ"});
}

// Without a comma or capitals, splitting only decides where given names end: every word is
// kept, in order, so Display() gives the name back.
TEST(SplitFullName, KeepsEveryWordInOrder) {
  const std::vector<std::string> words = {"José", "de",     "la",    "Cruz", "María",
                                          "del",  "Carmen", "Pérez", "y",    "Gasset",
                                          "San",  "Martín", "los"};
  uint32_t state = 12345;
  for (int trial = 0; trial < 2000; ++trial) {
    std::string text;
    const int count = 1 + trial % 7;
    for (int i = 0; i < count; ++i) {
      state = state * 1103515245 + 12345;
      text += (i > 0 ? "  " : " ") + words[(state >> 16) % words.size()];
    }
    const PersonName name = SplitFullName(text);
    EXPECT_EQ(name.Display(), CollapseSpaces(text)) << text;
    EXPECT_FALSE(name.given_names.empty()) << text;
  }
}

TEST(SplitFamilyNames, KeepsParticlesWithTheirSurname) {
  EXPECT_THAT(SplitFamilyNames("Pérez de la Cruz"), ElementsAre("Pérez", "de la Cruz"));
  EXPECT_THAT(SplitFamilyNames("de la Cruz"), ElementsAre("de la Cruz"));
  EXPECT_THAT(SplitFamilyNames("  Pérez   Rodríguez "), ElementsAre("Pérez", "Rodríguez"));
  EXPECT_THAT(SplitFamilyNames("Ortega y Gasset"), ElementsAre("Ortega", "y Gasset"));
  EXPECT_THAT(SplitFamilyNames("Van der Berg"), ElementsAre("Van der Berg"));
  EXPECT_THAT(SplitFamilyNames("Pérez de"), ElementsAre("Pérez de"));
  EXPECT_THAT(SplitFamilyNames("Ortega y Gasset|Pérez"), ElementsAre("Ortega y Gasset", "Pérez"));
  EXPECT_THAT(SplitFamilyNames("de la Cruz|"), ElementsAre("de la Cruz"));
  EXPECT_THAT(SplitFamilyNames(""), IsEmpty());
}

TEST(SplitGivenNames, SplitsOnWhiteSpaceOrBars) {
  EXPECT_THAT(SplitGivenNames(" José\tLuis\xC2\xA0 Ángel "), ElementsAre("José", "Luis", "Ángel"));
  EXPECT_THAT(SplitGivenNames("María José|Luisa"), ElementsAre("María José", "Luisa"));
  EXPECT_THAT(SplitGivenNames("María José|"), ElementsAre("María José"));
}

TEST(IsNameParticle, IgnoresCase) {
  EXPECT_TRUE(IsNameParticle("DE"));
  EXPECT_TRUE(IsNameParticle("Los"));
  EXPECT_TRUE(IsNameParticle("santa"));
  EXPECT_FALSE(IsNameParticle("Dela"));
  EXPECT_FALSE(IsNameParticle("Pérez"));
}

TEST(CollapseSpaces, KeepsOneUnit) { EXPECT_EQ(CollapseSpaces("  de  la\nCruz "), "de la Cruz"); }

// Expects SplitFullName(full, order) to give `given` and `family`.
void ExpectSplitIn(NameOrder order, std::string_view full, const std::vector<std::string>& given,
                   const std::vector<std::string>& family) {
  const PersonName name = SplitFullName(full, order);
  EXPECT_EQ(name.given_names, given) << full;
  EXPECT_EQ(name.family_names, family) << full;
}

// Expects SplitFullName(full, kFamilyGivenPatronymic) to give `given`, `family` and `patronymic`.
void ExpectPatronymicSplit(std::string_view full, const std::vector<std::string>& given,
                           const std::vector<std::string>& family, std::string_view patronymic) {
  const PersonName name = SplitFullName(full, NameOrder::kFamilyGivenPatronymic);
  EXPECT_EQ(name.given_names, given) << full;
  EXPECT_EQ(name.family_names, family) << full;
  EXPECT_EQ(name.patronymic, patronymic) << full;
}

TEST(SplitFullName, ADeclaredFamilyGivenPatronymicOrderKeepsThePatronymicApart) {
  ExpectPatronymicSplit("Гуменюк Михайло Петрович", {"Михайло"}, {"Гуменюк"}, "Петрович");
  ExpectPatronymicSplit("ТЕСТЕНКО Остап Іванович", {"Остап"}, {"ТЕСТЕНКО"}, "Іванович");
  ExpectPatronymicSplit("Пробная Анна", {"Анна"}, {"Пробная"}, "");
  ExpectPatronymicSplit("Пробная", {}, {"Пробная"}, "");
  // Four words: a double family name before the given name and the patronymic.
  ExpectPatronymicSplit("Тестенко Пробенко Остап Іванович", {"Остап"}, {"Тестенко", "Пробенко"},
                        "Іванович");
  // A Turkic patronymic is two words.
  ExpectPatronymicSplit("Тестов Эльдар Камиль оглы", {"Эльдар"}, {"Тестов"}, "Камиль оглы");
  // The comma still comes first; the patronymic is the last word after it.
  ExpectPatronymicSplit("Гуменюк, Михайло Петрович", {"Михайло"}, {"Гуменюк"}, "Петрович");
  ExpectPatronymicSplit("Гуменюк, Михайло", {"Михайло"}, {"Гуменюк"}, "");
  // The display name keeps the words in their usual place.
  EXPECT_EQ(SplitFullName("Гуменюк Михайло Петрович", NameOrder::kFamilyGivenPatronymic)
                .Display(),
            "Михайло Петрович Гуменюк");
  // Without a declared order, the Hispanic default misreads the same name.
  ExpectSplit("Гуменюк Михайло Петрович", {"Гуменюк"}, {"Михайло", "Петрович"});
  EXPECT_EQ(SplitFullName("Гуменюк Михайло Петрович").patronymic, "");
}

TEST(SplitFullName, DeclaredGivenFamilyAndFamilyGivenOrders) {
  ExpectSplitIn(NameOrder::kFamilyGiven, "Гуменюк Михайло Петрович", {"Михайло", "Петрович"},
                {"Гуменюк"});
  ExpectSplitIn(NameOrder::kFamilyGiven, "de la Cruz Juan Carlos", {"Juan", "Carlos"},
                {"de la Cruz"});
  ExpectSplitIn(NameOrder::kGivenFamily, "Михайло Петрович Гуменюк", {"Михайло", "Петрович"},
                {"Гуменюк"});
  ExpectSplitIn(NameOrder::kGivenFamily, "Juan Carlos Pérez", {"Juan", "Carlos"}, {"Pérez"});
  ExpectSplitIn(NameOrder::kGivenFamily, "Ana Silva dos Santos", {"Ana", "Silva"}, {"dos Santos"});
  ExpectSplitIn(NameOrder::kGivenFamily, "Остап", {"Остап"}, {});
  // Capitals no longer decide once an order is declared.
  ExpectSplitIn(NameOrder::kGivenFamily, "ГУМЕНЮК Михайло", {"ГУМЕНЮК"}, {"Михайло"});
  EXPECT_EQ(SplitFullName("  ", NameOrder::kFamilyGiven), PersonName());
}

TEST(ParseNameOrder, ReadsTheThreeNamesAndRefusesOthers) {
  EXPECT_EQ(ParseNameOrder("given-family").value(), NameOrder::kGivenFamily);
  EXPECT_EQ(ParseNameOrder("family-given").value(), NameOrder::kFamilyGiven);
  EXPECT_EQ(ParseNameOrder("family-given-patronymic").value(), NameOrder::kFamilyGivenPatronymic);
  EXPECT_EQ(ParseNameOrder("fio").status().code(), StatusCode::kUsage);
  EXPECT_EQ(NameOrderNames().size(), 3u);
}

}  // namespace
}  // namespace canje::registry
