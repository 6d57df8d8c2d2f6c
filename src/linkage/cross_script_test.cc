// Checks the synthetic cross-script test set in testdata/cross_script_names.csv: names written
// in Cyrillic or Arabic script against Latin spellings (see testdata/README.md).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "linkage/linkage_test_util.h"
#include "linkage/name_comparison.h"

namespace canje::linkage {
namespace {

TEST(CrossScriptTest, WrittenNamesMeetTheirLatinSpellings) {
  Normalizer& normalizer = testing::TestNormalizer();
  const auto rows = testing::ReadCsvRows(std::string(CANJE_SOURCE_DIR) +
                                         "/src/linkage/testdata/cross_script_names.csv");
  ASSERT_GT(rows.size(), 1u);
  ASSERT_EQ(rows[0], (std::vector<std::string>{"kind", "written", "latin", "expected"}));
  int checked = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    ASSERT_EQ(row.size(), 4u) << "line " << i + 1;
    const PreparedName written = PreparedName::FromWritten(normalizer, testing::SplitUnits(row[1]));
    const PreparedName latin = PreparedName::FromWritten(normalizer, testing::SplitUnits(row[2]));
    ASSERT_NE(written.script(), Script::kLatin) << "line " << i + 1;
    const ComparisonLevel level =
        row[0] == "family" ? CompareFamilyNames(written, latin) : CompareGivenNames(written, latin);
    const std::string context = "line " + std::to_string(i + 1) + ": " + row[1] + " vs " + row[2] +
                                " gave " + std::string(ComparisonLevelName(level));
    if (row[3] == "exact") {
      EXPECT_EQ(level, ComparisonLevel::kExact) << context;
    } else if (row[3] == "agree") {
      EXPECT_NE(level, ComparisonLevel::kDifferent) << context;
      EXPECT_NE(level, ComparisonLevel::kMissing) << context;
    } else if (row[3] == "differ") {
      EXPECT_EQ(level, ComparisonLevel::kDifferent) << context;
    } else {
      ADD_FAILURE() << "line " << i + 1 << ": unknown expectation '" << row[3] << "'";
    }
    ++checked;
  }
  EXPECT_GE(checked, 50);
}

}  // namespace
}  // namespace canje::linkage
