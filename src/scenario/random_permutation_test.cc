#include "scenario/random_permutation.h"

#include <gtest/gtest.h>

#include <vector>

namespace canje::scenario {
namespace {

class RandomPermutationSizes : public testing::TestWithParam<uint64_t> {};

TEST_P(RandomPermutationSizes, IsABijectionOfTheRange) {
  const uint64_t n = GetParam();
  const RandomPermutation permutation(n, 99);
  std::vector<bool> hit(n);
  for (uint64_t i = 0; i < n; ++i) {
    const uint64_t image = permutation(i);
    ASSERT_LT(image, n);
    ASSERT_FALSE(hit[image]) << "two elements map to " << image;
    hit[image] = true;
  }
}

INSTANTIATE_TEST_SUITE_P(Sizes, RandomPermutationSizes,
                         testing::Values(1, 2, 3, 7, 16, 100, 1000, 4097, 65537));

TEST(RandomPermutation, ShufflesAndDependsOnTheSeed) {
  const RandomPermutation a(1000, 1), b(1000, 2);
  int fixed_points = 0, same = 0;
  for (uint64_t i = 0; i < 1000; ++i) {
    fixed_points += a(i) == i;
    same += a(i) == b(i);
  }
  // A uniform permutation has about one fixed point; allow a generous margin.
  EXPECT_LT(fixed_points, 10);
  EXPECT_LT(same, 10);
}

TEST(ForEachInPermutedOrder, VisitsEveryValueOnce) {
  std::vector<int> visits(50);
  ForEachInPermutedOrder(50, 3, [&](uint64_t v) { ++visits[v]; });
  for (int count : visits) EXPECT_EQ(count, 1);
}

}  // namespace
}  // namespace canje::scenario
