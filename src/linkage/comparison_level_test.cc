#include "linkage/comparison_level.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace canje::linkage {
namespace {

constexpr ComparisonKind kAllKinds[] = {ComparisonKind::kFamilyName, ComparisonKind::kGivenName,
                                        ComparisonKind::kDate, ComparisonKind::kDocumentNumber,
                                        ComparisonKind::kExactValue};

TEST(ComparisonLevelTest, NamesAreUniqueAndRoundTrip) {
  std::set<std::string_view> names;
  for (int i = 0; i < kComparisonLevelCount; ++i) {
    const auto level = static_cast<ComparisonLevel>(i);
    const std::string_view name = ComparisonLevelName(level);
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(names.insert(name).second) << name;
    EXPECT_EQ(ComparisonLevelFromName(name), level);
  }
  EXPECT_EQ(ComparisonLevelFromName("nearly"), std::nullopt);
}

TEST(ComparisonLevelTest, NamesUsedInExplanationsAreStable) {
  EXPECT_EQ(ComparisonLevelName(ComparisonLevel::kExact), "exact");
  EXPECT_EQ(ComparisonLevelName(ComparisonLevel::kTokenSubset), "token_subset");
  EXPECT_EQ(ComparisonLevelName(ComparisonLevel::kFirstSurname), "first_surname");
  EXPECT_EQ(ComparisonLevelName(ComparisonLevel::kJaroWinklerHigh), "jaro_winkler_high");
  EXPECT_EQ(ComparisonLevelName(ComparisonLevel::kPhonetic), "phonetic");
  EXPECT_EQ(ComparisonLevelName(ComparisonLevel::kInitial), "initial");
  EXPECT_EQ(ComparisonLevelName(ComparisonLevel::kSwapped), "swapped");
  EXPECT_EQ(ComparisonLevelName(ComparisonLevel::kDifferent), "different");
  EXPECT_EQ(ComparisonLevelName(ComparisonLevel::kMissing), "missing");
}

TEST(ComparisonLevelTest, EveryKindStartsExactAndEndsDifferentThenMissing) {
  for (ComparisonKind kind : kAllKinds) {
    const LevelSet& set = LevelSetFor(kind);
    EXPECT_EQ(set.kind(), kind);
    ASSERT_GE(set.size(), 3);
    EXPECT_EQ(set.at(0), ComparisonLevel::kExact);
    EXPECT_EQ(set.at(set.size() - 2), ComparisonLevel::kDifferent);
    EXPECT_EQ(set.at(set.size() - 1), ComparisonLevel::kMissing);
    for (int i = 0; i < set.size(); ++i) EXPECT_EQ(set.IndexOf(set.at(i)), i);
  }
}

TEST(ComparisonLevelTest, KindsOnlyHoldTheirOwnLevels) {
  EXPECT_FALSE(LevelSetFor(ComparisonKind::kDate).Contains(ComparisonLevel::kPhonetic));
  EXPECT_FALSE(LevelSetFor(ComparisonKind::kFamilyName).Contains(ComparisonLevel::kInitial));
  EXPECT_TRUE(LevelSetFor(ComparisonKind::kGivenName).Contains(ComparisonLevel::kInitial));
  EXPECT_TRUE(LevelSetFor(ComparisonKind::kFamilyName).Contains(ComparisonLevel::kSwapped));
  EXPECT_EQ(LevelSetFor(ComparisonKind::kExactValue).size(), 3);
  EXPECT_EQ(ComparisonKindName(ComparisonKind::kDocumentNumber), "identifier");
}

TEST(ComparisonLevelTest, BetterLevelFollowsTheSetOrder) {
  EXPECT_EQ(BetterLevel(ComparisonKind::kDocumentNumber, ComparisonLevel::kDifferent,
                        ComparisonLevel::kOneDigitOff),
            ComparisonLevel::kOneDigitOff);
  EXPECT_EQ(BetterLevel(ComparisonKind::kDocumentNumber, ComparisonLevel::kMissing,
                        ComparisonLevel::kDifferent),
            ComparisonLevel::kDifferent);
}

TEST(ComparisonLevelTest, ExactValues) {
  EXPECT_EQ(CompareExactValues("VEN", "VEN"), ComparisonLevel::kExact);
  EXPECT_EQ(CompareExactValues("VEN", "COL"), ComparisonLevel::kDifferent);
  EXPECT_EQ(CompareExactValues("", "COL"), ComparisonLevel::kMissing);
}

}  // namespace
}  // namespace canje::linkage
