#include "registry/person_name.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace canje::registry {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(SplitFullName, TheRosterFormPutsFamilyNamesBeforeTheComma) {
  PersonName name = SplitFullName("PÉREZ RODRÍGUEZ, JOSÉ LUIS");
  EXPECT_THAT(name.family_names, ElementsAre("PÉREZ", "RODRÍGUEZ"));
  EXPECT_THAT(name.given_names, ElementsAre("JOSÉ", "LUIS"));
  name = SplitFullName("Pérez de la Cruz,  María de los Ángeles ");
  EXPECT_THAT(name.family_names, ElementsAre("Pérez", "de la Cruz"));
  EXPECT_THAT(name.given_names, ElementsAre("María", "de", "los", "Ángeles"));
  name = SplitFullName("Pérez,");
  EXPECT_THAT(name.family_names, ElementsAre("Pérez"));
  EXPECT_THAT(name.given_names, IsEmpty());
}

TEST(SplitFullName, FourOrMoreUnitsEndWithTwoFamilyNames) {
  PersonName name = SplitFullName("José Luis Pérez Rodríguez");
  EXPECT_THAT(name.given_names, ElementsAre("José", "Luis"));
  EXPECT_THAT(name.family_names, ElementsAre("Pérez", "Rodríguez"));
  name = SplitFullName("Ana María Luisa Gómez Díaz");
  EXPECT_THAT(name.given_names, ElementsAre("Ana", "María", "Luisa"));
  EXPECT_THAT(name.family_names, ElementsAre("Gómez", "Díaz"));
}

TEST(SplitFullName, ThreeUnitsAreOneGivenAndTwoFamilyNames) {
  PersonName name = SplitFullName("José Pérez Rodríguez");
  EXPECT_THAT(name.given_names, ElementsAre("José"));
  EXPECT_THAT(name.family_names, ElementsAre("Pérez", "Rodríguez"));
  // The documented cost of the default: a compound given name with one surname is misread.
  name = SplitFullName("Juan Carlos Pérez");
  EXPECT_THAT(name.given_names, ElementsAre("Juan"));
  EXPECT_THAT(name.family_names, ElementsAre("Carlos", "Pérez"));
}

TEST(SplitFullName, TwoUnitsAreOneAndOneAndOneIsAGivenName) {
  PersonName name = SplitFullName("José Pérez");
  EXPECT_THAT(name.given_names, ElementsAre("José"));
  EXPECT_THAT(name.family_names, ElementsAre("Pérez"));
  name = SplitFullName("  Yusuf ");
  EXPECT_THAT(name.given_names, ElementsAre("Yusuf"));
  EXPECT_THAT(name.family_names, IsEmpty());
  EXPECT_EQ(SplitFullName("   "), PersonName());
}

TEST(SplitFullName, ParticlesStayWithTheFollowingSurname) {
  PersonName name = SplitFullName("Juan de la Cruz Pérez");
  EXPECT_THAT(name.given_names, ElementsAre("Juan"));
  EXPECT_THAT(name.family_names, ElementsAre("de la Cruz", "Pérez"));
  name = SplitFullName("Luis Alberto Pérez de la Cruz");
  EXPECT_THAT(name.given_names, ElementsAre("Luis", "Alberto"));
  EXPECT_THAT(name.family_names, ElementsAre("Pérez", "de la Cruz"));
  name = SplitFullName("Pedro San Martín del Valle");
  EXPECT_THAT(name.given_names, ElementsAre("Pedro"));
  EXPECT_THAT(name.family_names, ElementsAre("San Martín", "del Valle"));
  name = SplitFullName("Marco Di Stefano Rossi");
  EXPECT_THAT(name.family_names, ElementsAre("Di Stefano", "Rossi"));
  name = SplitFullName("Ana Silva dos Santos");
  EXPECT_THAT(name.given_names, ElementsAre("Ana"));
  EXPECT_THAT(name.family_names, ElementsAre("Silva", "dos Santos"));
}

TEST(SplitFullName, DevotionalGivenNamesKeepTheirParticles) {
  PersonName name = SplitFullName("María de los Ángeles Pérez de la Cruz");
  EXPECT_THAT(name.given_names, ElementsAre("María", "de", "los", "Ángeles"));
  EXPECT_THAT(name.family_names, ElementsAre("Pérez", "de la Cruz"));
  name = SplitFullName("María del Carmen Pérez");
  EXPECT_THAT(name.given_names, ElementsAre("María", "del", "Carmen"));
  EXPECT_THAT(name.family_names, ElementsAre("Pérez"));
  name = SplitFullName("José de Jesús Rodríguez Gómez");
  EXPECT_THAT(name.given_names, ElementsAre("José", "de", "Jesús"));
  EXPECT_THAT(name.family_names, ElementsAre("Rodríguez", "Gómez"));
  name = SplitFullName("MARIA DEL VALLE GONZALEZ");
  EXPECT_THAT(name.given_names, ElementsAre("MARIA", "DEL", "VALLE"));
  EXPECT_THAT(name.family_names, ElementsAre("GONZALEZ"));
  // With nothing left for a family name, the particle unit is the family name.
  name = SplitFullName("Jesús del Valle");
  EXPECT_THAT(name.given_names, ElementsAre("Jesús"));
  EXPECT_THAT(name.family_names, ElementsAre("del Valle"));
}

TEST(SplitFullName, CapitalsAtOneEndMarkTheFamilyNames) {
  PersonName name = SplitFullName("PÉREZ RODRÍGUEZ José Luis");
  EXPECT_THAT(name.family_names, ElementsAre("PÉREZ", "RODRÍGUEZ"));
  EXPECT_THAT(name.given_names, ElementsAre("José", "Luis"));
  name = SplitFullName("José Luis PÉREZ");
  EXPECT_THAT(name.given_names, ElementsAre("José", "Luis"));
  EXPECT_THAT(name.family_names, ElementsAre("PÉREZ"));
  name = SplitFullName("Ana María de la CRUZ");
  EXPECT_THAT(name.given_names, ElementsAre("Ana", "María"));
  EXPECT_THAT(name.family_names, ElementsAre("de la CRUZ"));
  name = SplitFullName("ÑÁÑEZ Óscar");
  EXPECT_THAT(name.family_names, ElementsAre("ÑÁÑEZ"));
  EXPECT_THAT(name.given_names, ElementsAre("Óscar"));
}

// Without a comma or capitals, splitting only decides where given names end: every word is
// kept, in order, so Display() gives the name back.
TEST(SplitFullName, KeepsEveryWordInOrder) {
  const std::vector<std::string> words = {"José", "de", "la", "Cruz", "María", "del", "Carmen",
                                          "Pérez", "y", "Gasset", "San", "Martín", "los"};
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

}  // namespace
}  // namespace canje::registry
