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
  // Expects `compare` (Family or Given) to give each case's level for its two names.
  struct LevelCase {
    const char* a;
    const char* b;
    L level;
  };
  template <typename Compare>
  static void ExpectLevels(Compare compare, const std::vector<LevelCase>& cases) {
    for (const LevelCase& one : cases) {
      EXPECT_EQ(compare(one.a, one.b), one.level) << one.a << " / " << one.b;
    }
  }
};

TEST_F(NameComparisonTest, FamilyNameLevels) {
  ExpectLevels(Family, {
      {"Pérez|Rodríguez", "PEREZ|RODRIGUEZ", L::kExact},
      {"Pérez|Rodríguez", "Rodríguez|Pérez", L::kExact},  // compared as sets
      {"Pérez", "Pérez|Rodríguez", L::kTokenSubset},
      {"Rodríguez", "Pérez|Rodríguez", L::kTokenSubset},
      {"Pérez|Rodríguez", "Pérez|Gómez", L::kFirstSurname},
      {"Peres|Rodrigues", "Pérez|Rodríguez", L::kJaroWinklerHigh},
      {"Rodrigez", "Pérez|Rodríguez", L::kJaroWinklerHigh},
      {"Gonzales|Mora", "González|Rivas", L::kJaroWinklerHigh},  // first, fuzzy
      {"Basquez", "Vásquez", L::kPhonetic},
      {"Llepes", "Yépez", L::kPhonetic},
      {"Ximénez|Silva", "Jiménez|Silba", L::kPhonetic},
      {"حسين", "Hussein", L::kConsonantSkeleton},
      {"Pérez", "Páez", L::kDifferent},
      {"Rojas", "Rosas", L::kDifferent},
      {"García|López", "Gómez|López", L::kDifferent},  // shared second surname only
      {"", "Pérez", L::kMissing},
      {"-", "Pérez", L::kMissing},  // nothing left after normalisation
  });
}

TEST_F(NameComparisonTest, ParticlesStayWithTheirSurname) {
  ExpectLevels(Family, {
      {"de la Cruz|Pérez", "Pérez|De La Cruz", L::kExact},
      {"de la Cruz", "de la Cruz|Pérez", L::kTokenSubset},
  });
}

TEST_F(NameComparisonTest, GivenNameLevels) {
  ExpectLevels(Given, {
      {"José|Luis", "JOSE|LUIS", L::kExact},
      {"José", "José|Luis", L::kTokenSubset},
      {"Luis", "José|Luis", L::kTokenSubset},
      {"J.", "José", L::kInitial},
      {"José|L.", "José|Luis", L::kInitial},
      {"J.|L.", "José|Luis", L::kInitial},
      {"J.", "José|Luis", L::kInitial},
      {"L.|J.", "José|Luis", L::kDifferent},  // initials keep their order
      {"Jose Luis", "Jose Luiz", L::kJaroWinklerHigh},
      {"Yorwin", "Yorwi", L::kJaroWinklerHigh},
      {"Wilmer", "Wuilmer", L::kJaroWinklerHigh},
      {"Alejandro", "Alexandro", L::kJaroWinklerHigh},
      {"Gerardo", "Jerardo", L::kJaroWinklerMedium},
      {"Ivan", "Yvan", L::kPhonetic},
      {"محمد", "Mohammed", L::kConsonantSkeleton},
      {"María", "Rosa", L::kDifferent},
      {"José", "", L::kMissing},
  });
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
