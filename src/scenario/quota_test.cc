#include "scenario/quota.h"

#include <gtest/gtest.h>

#include <numeric>

namespace canje::scenario {
namespace {

TEST(Apportion, PartsAddUpAndStayWithinOneOfTheExactShare) {
  for (int64_t total : {0, 1, 7, 50, 252, 1001, 123457}) {
    const std::vector<int64_t> weights = {13, 10, 6, 4, 3, 3, 3, 3, 3, 2};
    const std::vector<int64_t> parts = Apportion(total, weights);
    EXPECT_EQ(std::accumulate(parts.begin(), parts.end(), int64_t{0}), total);
    for (size_t i = 0; i < parts.size(); ++i) {
      const double exact = static_cast<double>(total) * weights[i] / 50.0;
      EXPECT_LT(std::abs(parts[i] - exact), 1.0) << "total " << total << " part " << i;
    }
  }
}

TEST(Apportion, LargestRemaindersGetTheLeftovers) {
  // 252 * (0.75, 0.20, 0.05) = 189, 50.4, 12.6: the one left over goes to 12.6.
  EXPECT_EQ(Apportion(252, {75, 20, 5}), (std::vector<int64_t>{189, 50, 13}));
}

TEST(PartOfRank, WalksThePartsInOrder) {
  const std::vector<int64_t> parts = {2, 0, 3};
  EXPECT_EQ(PartOfRank(0, parts), 0u);
  EXPECT_EQ(PartOfRank(1, parts), 0u);
  EXPECT_EQ(PartOfRank(2, parts), 2u);
  EXPECT_EQ(PartOfRank(4, parts), 2u);
}

TEST(Scale, RoundsToNearest) {
  EXPECT_EQ(Scale(252, 850, 850), 252);
  EXPECT_EQ(Scale(252, 20000, 850), 5929);  // 5929.41
  EXPECT_EQ(Scale(3, 1, 2), 2);             // 1.5 rounds up
  EXPECT_EQ(Scale(238, 1'000'000, 850), 280000);
}

TEST(IndexRanges, OffsetsWalkTheRangesEndToEnd) {
  const IndexRanges ranges = {{10, 13}, {20, 20}, {40, 42}};
  EXPECT_EQ(RangesSize(ranges), 5);
  std::vector<int64_t> indices;
  for (int64_t offset = 0; offset < 5; ++offset) indices.push_back(IndexAtOffset(ranges, offset));
  EXPECT_EQ(indices, (std::vector<int64_t>{10, 11, 12, 40, 41}));
}

}  // namespace
}  // namespace canje::scenario
