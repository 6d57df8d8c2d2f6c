#include "linkage/name_comparison.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "linkage/linkage_test_util.h"

namespace canje::linkage {
namespace {

using L = ComparisonLevel;

class NameComparisonTest : public ::testing::Test {
 protected:
  // Units as written, separated by "|": "Pérez|Rodríguez".
  static PreparedName Name(std::string_view written) {
    return PreparedName::FromWritten(testing::TestNormalizer(), testing::SplitUnits(written));
  }
  static L Family(std::string_view a, std::string_view b) {
    const L forward = CompareFamilyNames(Name(a), Name(b));
    EXPECT_EQ(forward, CompareFamilyNames(Name(b), Name(a)))
        << "not symmetric: " << a << " / " << b;
    return forward;
  }
  static L Given(std::string_view a, std::string_view b) {
    const L forward = CompareGivenNames(Name(a), Name(b));
    EXPECT_EQ(forward, CompareGivenNames(Name(b), Name(a))) << "not symmetric: " << a << " / " << b;
    return forward;
  }
};

TEST_F(NameComparisonTest, FamilyNameLevels) {
  EXPECT_EQ(Family("Pérez|Rodríguez", "PEREZ|RODRIGUEZ"), L::kExact);
  EXPECT_EQ(Family("Pérez|Rodríguez", "Rodríguez|Pérez"), L::kExact);  // compared as sets
  EXPECT_EQ(Family("Pérez", "Pérez|Rodríguez"), L::kTokenSubset);
  EXPECT_EQ(Family("Rodríguez", "Pérez|Rodríguez"), L::kTokenSubset);
  EXPECT_EQ(Family("Pérez|Rodríguez", "Pérez|Gómez"), L::kFirstSurname);
  EXPECT_EQ(Family("Peres|Rodrigues", "Pérez|Rodríguez"), L::kJaroWinklerHigh);
  EXPECT_EQ(Family("Rodrigez", "Pérez|Rodríguez"), L::kJaroWinklerHigh);
  EXPECT_EQ(Family("Gonzales|Mora", "González|Rivas"), L::kJaroWinklerHigh);  // first, fuzzy
  EXPECT_EQ(Family("Basquez", "Vásquez"), L::kPhonetic);
  EXPECT_EQ(Family("Llepes", "Yépez"), L::kPhonetic);
  EXPECT_EQ(Family("Ximénez|Silva", "Jiménez|Silba"), L::kPhonetic);
  EXPECT_EQ(Family("حسين", "Hussein"), L::kConsonantSkeleton);
  EXPECT_EQ(Family("Pérez", "Páez"), L::kDifferent);
  EXPECT_EQ(Family("Rojas", "Rosas"), L::kDifferent);
  EXPECT_EQ(Family("García|López", "Gómez|López"), L::kDifferent);  // shared second surname only
  EXPECT_EQ(Family("", "Pérez"), L::kMissing);
  EXPECT_EQ(Family("-", "Pérez"), L::kMissing);  // nothing left after normalisation
}

TEST_F(NameComparisonTest, ParticlesStayWithTheirSurname) {
  EXPECT_EQ(Family("de la Cruz|Pérez", "Pérez|De La Cruz"), L::kExact);
  EXPECT_EQ(Family("de la Cruz", "de la Cruz|Pérez"), L::kTokenSubset);
}

TEST_F(NameComparisonTest, GivenNameLevels) {
  EXPECT_EQ(Given("José|Luis", "JOSE|LUIS"), L::kExact);
  EXPECT_EQ(Given("José", "José|Luis"), L::kTokenSubset);
  EXPECT_EQ(Given("Luis", "José|Luis"), L::kTokenSubset);
  EXPECT_EQ(Given("J.", "José"), L::kInitial);
  EXPECT_EQ(Given("José|L.", "José|Luis"), L::kInitial);
  EXPECT_EQ(Given("J.|L.", "José|Luis"), L::kInitial);
  EXPECT_EQ(Given("J.", "José|Luis"), L::kInitial);
  EXPECT_EQ(Given("L.|J.", "José|Luis"), L::kDifferent);  // initials keep their order
  EXPECT_EQ(Given("Jose Luis", "Jose Luiz"), L::kJaroWinklerHigh);
  EXPECT_EQ(Given("Yorwin", "Yorwi"), L::kJaroWinklerHigh);
  EXPECT_EQ(Given("Wilmer", "Wuilmer"), L::kJaroWinklerHigh);
  EXPECT_EQ(Given("Alejandro", "Alexandro"), L::kJaroWinklerHigh);
  EXPECT_EQ(Given("Gerardo", "Jerardo"), L::kJaroWinklerMedium);
  EXPECT_EQ(Given("Ivan", "Yvan"), L::kPhonetic);
  EXPECT_EQ(Given("محمد", "Mohammed"), L::kConsonantSkeleton);
  EXPECT_EQ(Given("María", "Rosa"), L::kDifferent);
  EXPECT_EQ(Given("José", ""), L::kMissing);
}

TEST_F(NameComparisonTest, DetectsGivenAndFamilyNamesSwapped) {
  const PersonNameLevels swapped =
      ComparePersonNames(Name("Pérez"), Name("José"), Name("José"), Name("Pérez"));
  EXPECT_EQ(swapped.given, L::kSwapped);
  EXPECT_EQ(swapped.family, L::kSwapped);

  const PersonNameLevels swapped_with_second_surname = ComparePersonNames(
      Name("Rodríguez"), Name("José|Luis"), Name("José"), Name("Rodríguez|Pérez"));
  EXPECT_EQ(swapped_with_second_surname.given, L::kSwapped);

  const PersonNameLevels direct =
      ComparePersonNames(Name("José"), Name("Pérez"), Name("José"), Name("Peres"));
  EXPECT_EQ(direct, (PersonNameLevels{L::kExact, L::kJaroWinklerHigh}));

  // Different people whose names do not cross-match stay "different".
  const PersonNameLevels different =
      ComparePersonNames(Name("Ana"), Name("Mora"), Name("Luis"), Name("Castro"));
  EXPECT_EQ(different, (PersonNameLevels{L::kDifferent, L::kDifferent}));

  // Only one direction matching crosswise is not a swap.
  const PersonNameLevels one_way =
      ComparePersonNames(Name("Pérez"), Name("Ana"), Name("Luis"), Name("Pérez"));
  EXPECT_EQ(one_way, (PersonNameLevels{L::kDifferent, L::kDifferent}));
}

TEST_F(NameComparisonTest, ThresholdsAreOptions) {
  NameComparisonOptions strict;
  strict.jaro_winkler_high = 0.99;
  strict.jaro_winkler_medium = 0.99;
  EXPECT_EQ(CompareGivenNames(Name("Alejandro"), Name("Alexandro"), strict), L::kDifferent);
}

TEST_F(NameComparisonTest, EveryReturnedLevelBelongsToItsSet) {
  const char* names[] = {"Pérez", "Pérez|Rodríguez", "J.", "José|Luis", "محمد", "Mohammed", ""};
  for (const char* a : names) {
    for (const char* b : names) {
      EXPECT_TRUE(LevelSetFor(ComparisonKind::kFamilyName).Contains(Family(a, b)));
      EXPECT_TRUE(LevelSetFor(ComparisonKind::kGivenName).Contains(Given(a, b)));
    }
  }
}

}  // namespace
}  // namespace canje::linkage
