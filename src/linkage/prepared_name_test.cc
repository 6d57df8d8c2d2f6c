#include "linkage/prepared_name.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "linkage/code_points.h"
#include "linkage/linkage_test_util.h"

namespace canje::linkage {
namespace {

PreparedName Prepare(std::vector<std::string> units) {
  return PreparedName::FromComparisonForms(units);
}

TEST(PreparedNameTest, HoldsUnitsKeysJoinedFormsAndSkeleton) {
  const PreparedName name = Prepare({"vasquez", "de la cruz"});
  ASSERT_EQ(name.size(), 2u);
  EXPECT_EQ(name.unit(0), U"vasquez");
  EXPECT_EQ(name.unit(1), U"de la cruz");
  EXPECT_EQ(name.phonetic(0), U"BASKES");
  EXPECT_EQ(name.phonetic(1), U"DE LA KRUS");
  EXPECT_EQ(name.joined(), U"vasquez de la cruz");
  EXPECT_EQ(name.joined_phonetic(), U"BASKES DE LA KRUS");
  EXPECT_EQ(name.skeleton(), U"vskzdlcrz");
  EXPECT_EQ(name.script(), Script::kLatin);
}

TEST(PreparedNameTest, EmptyUnitsAreDroppedAndEmptyNamesAreMissing) {
  EXPECT_TRUE(PreparedName().empty());
  EXPECT_TRUE(Prepare({}).empty());
  EXPECT_TRUE(Prepare({"", "  "}).empty());
  const PreparedName name = Prepare({"", " perez ", ""});
  ASSERT_EQ(name.size(), 1u);
  EXPECT_EQ(name.joined(), U"perez");
}

TEST(PreparedNameTest, ExtraUnitsJoinTheLastOne) {
  std::vector<std::string> units;
  for (int i = 0; i < 10; ++i) units.push_back(std::string(1, static_cast<char>('a' + i)));
  const PreparedName name = Prepare(units);
  ASSERT_EQ(name.size(), PreparedName::kMaxUnits);
  EXPECT_EQ(name.unit(PreparedName::kMaxUnits - 1), U"h i j");
  EXPECT_EQ(name.joined(), U"a b c d e f g h i j");
}

TEST(PreparedNameTest, VeryLongNamesAreCut) {
  const PreparedName name = Prepare({std::string(10000, 'b')});
  EXPECT_EQ(name.joined().size(), PreparedName::kMaxCodePoints);
  EXPECT_EQ(name.phonetic(0), U"B");
}

TEST(PreparedNameTest, FromWrittenNormalisesEachUnit) {
  Normalizer& normalizer = testing::TestNormalizer();
  const std::vector<std::string> written = {"PÉREZ", "de la Cruz"};
  const PreparedName name = PreparedName::FromWritten(normalizer, written);
  EXPECT_EQ(name.joined(), U"perez de la cruz");
  EXPECT_EQ(name.script(), Script::kLatin);
  const std::vector<std::string> cyrillic = {"Шевченко"};
  const PreparedName from_cyrillic = PreparedName::FromWritten(normalizer, cyrillic);
  EXPECT_EQ(from_cyrillic.joined(), U"shevchenko");
  EXPECT_EQ(from_cyrillic.script(), Script::kCyrillic);
}

}  // namespace
}  // namespace canje::linkage
