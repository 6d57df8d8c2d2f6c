#include "scenario/random.h"

#include <gtest/gtest.h>

#include <set>
#include <vector>

namespace canje::scenario {
namespace {

TEST(SplitMix64, MatchesTheReferenceImplementation) {
  // First output of Vigna's splitmix64.c from state 0.
  uint64_t state = 0;
  EXPECT_EQ(SplitMix64(state), 0xe220a8397b1dcdafULL);
}

TEST(Random, MatchesAnIndependentXoshiro256StarStarImplementation) {
  // Computed with a separate Python implementation of SplitMix64 seeding and xoshiro256**:
  // files must be identical on every platform, so the stream must never change.
  Random random(42);
  EXPECT_EQ(random.Next(), 0x15780b2e0c2ec716ULL);
  EXPECT_EQ(random.Next(), 0x6104d9866d113a7eULL);
  EXPECT_EQ(random.Next(), 0xae17533239e499a1ULL);
}

TEST(Random, SameSeedSameStreamDifferentSeedDifferentStream) {
  Random a(7), b(7), c(8);
  bool differs = false;
  for (int i = 0; i < 10; ++i) {
    const uint64_t x = a.Next();
    EXPECT_EQ(x, b.Next());
    differs |= x != c.Next();
  }
  EXPECT_TRUE(differs);
}

TEST(Random, BelowStaysInRangeAndCoversItEvenly) {
  Random random(1);
  std::vector<int> counts(6);
  for (int i = 0; i < 60000; ++i) {
    const uint64_t x = random.Below(6);
    ASSERT_LT(x, 6u);
    ++counts[x];
  }
  for (int count : counts) EXPECT_NEAR(count, 10000, 500);
}

TEST(Random, BetweenIncludesBothEnds) {
  Random random(2);
  std::set<int64_t> seen;
  for (int i = 0; i < 1000; ++i) {
    const int64_t x = random.Between(-2, 2);
    ASSERT_GE(x, -2);
    ASSERT_LE(x, 2);
    seen.insert(x);
  }
  EXPECT_EQ(seen.size(), 5u);
}

TEST(Random, ChanceFollowsItsProbability) {
  Random random(3);
  int hits = 0;
  for (int i = 0; i < 20000; ++i) hits += random.Chance(0.25);
  EXPECT_NEAR(hits, 5000, 300);
  EXPECT_FALSE(random.Chance(0));
  EXPECT_TRUE(random.Chance(1));
}

TEST(StreamSeed, DistinctStreamsAndIndicesGiveDistinctSeeds) {
  std::set<uint64_t> seeds;
  for (uint64_t stream = 0; stream < 10; ++stream) {
    for (uint64_t index = 0; index < 100; ++index) seeds.insert(StreamSeed(5, stream, index));
  }
  EXPECT_EQ(seeds.size(), 1000u);
  EXPECT_NE(StreamSeed(5, 1, 1), StreamSeed(6, 1, 1));
}

TEST(WeightedChoice, PicksInProportionAndNeverAZeroWeight) {
  const WeightedChoice choice({1, 0, 3});
  EXPECT_DOUBLE_EQ(choice.Probability(0), 0.25);
  Random random(4);
  std::vector<int> counts(3);
  for (int i = 0; i < 40000; ++i) ++counts[choice.Pick(random)];
  EXPECT_EQ(counts[1], 0);
  EXPECT_NEAR(counts[0], 10000, 500);
  EXPECT_NEAR(counts[2], 30000, 500);
}

TEST(ZipfWeights, FewCommonRanksAndALongTail) {
  const std::vector<uint64_t> weights = ZipfWeights(360, 5);
  const WeightedChoice choice(weights);
  EXPECT_GT(choice.Probability(0), 0.03);
  EXPECT_LT(choice.Probability(0), 0.06);
  EXPECT_LT(choice.Probability(359), 0.001);
  for (size_t i = 1; i < weights.size(); ++i) EXPECT_LE(weights[i], weights[i - 1]);
}

}  // namespace
}  // namespace canje::scenario
