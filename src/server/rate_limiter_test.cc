#include "server/rate_limiter.h"

#include <gtest/gtest.h>

namespace canje::server {
namespace {

using std::chrono::milliseconds;

TEST(RateLimiterTest, AllowsABurstThenTheRate) {
  RateLimiter limiter(/*rate=*/2, /*burst=*/3);
  const auto start = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Allow(start)) << i;
  int retry_after = 0;
  EXPECT_FALSE(limiter.Allow(start, &retry_after));
  EXPECT_EQ(retry_after, 1);
  // Two tokens per second: one more after half a second, not before.
  EXPECT_FALSE(limiter.Allow(start + milliseconds(400)));
  EXPECT_TRUE(limiter.Allow(start + milliseconds(520)));
  EXPECT_FALSE(limiter.Allow(start + milliseconds(530)));
  // A long pause refills the bucket to the burst, no further.
  const auto later = start + std::chrono::seconds(60);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Allow(later)) << i;
  EXPECT_FALSE(limiter.Allow(later));
}

TEST(RateLimiterTest, ASlowRateSaysHowLongToWait) {
  RateLimiter limiter(/*rate=*/0.1, /*burst=*/1);
  const auto start = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  EXPECT_TRUE(limiter.Allow(start));
  int retry_after = 0;
  EXPECT_FALSE(limiter.Allow(start + std::chrono::seconds(2), &retry_after));
  EXPECT_EQ(retry_after, 8);
}

TEST(RateLimiterTest, LookingForATokenLeavesItInTheBucket) {
  RateLimiter limiter(/*rate=*/1, /*burst=*/1);
  const auto start = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.HasToken(start)) << i;
  EXPECT_TRUE(limiter.Allow(start));
  int retry_after = 0;
  EXPECT_FALSE(limiter.HasToken(start + milliseconds(100), &retry_after));
  EXPECT_EQ(retry_after, 1);
  EXPECT_FALSE(limiter.Allow(start + milliseconds(100)));
  EXPECT_TRUE(limiter.HasToken(start + milliseconds(1001)));
  EXPECT_TRUE(limiter.Allow(start + milliseconds(1001)));
}

}  // namespace
}  // namespace canje::server
