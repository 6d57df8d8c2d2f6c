#include "server/witness_submitter.h"

#include <gtest/gtest.h>

namespace canje::server {
namespace {

using std::chrono::milliseconds;

TEST(RetryDelayTest, DoublesFromTheFirstRetryUpToTheMaximum) {
  const milliseconds first(1000), most(60000);
  EXPECT_EQ(RetryDelay(1, first, most, 1.0), milliseconds(1000));
  EXPECT_EQ(RetryDelay(2, first, most, 1.0), milliseconds(2000));
  EXPECT_EQ(RetryDelay(5, first, most, 1.0), milliseconds(16000));
  EXPECT_EQ(RetryDelay(7, first, most, 1.0), milliseconds(60000));
  EXPECT_EQ(RetryDelay(1000, first, most, 1.0), milliseconds(60000));  // no overflow
  EXPECT_EQ(RetryDelay(3, first, most, 0.8), milliseconds(3200));      // jitter scales it
}

}  // namespace
}  // namespace canje::server
