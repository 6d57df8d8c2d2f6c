#include "registry/duplicate_id_tracker.h"

#include <gtest/gtest.h>

#include <string>

namespace canje::registry {
namespace {

TEST(DuplicateIdTracker, ReportsTheLineOfTheFirstUse) {
  DuplicateIdTracker tracker;
  EXPECT_EQ(tracker.Add("A-1", 2), std::nullopt);
  EXPECT_EQ(tracker.Add("A-2", 3), std::nullopt);
  EXPECT_EQ(tracker.Add("A-1", 9), 2);
  EXPECT_EQ(tracker.Add("A-1", 12), 2);  // the first use stays the reference
  EXPECT_EQ(tracker.Add("a-1", 13), std::nullopt);  // ids are compared exactly
  EXPECT_EQ(tracker.size(), 3u);
  EXPECT_EQ(DuplicateIdTracker::DuplicateReason("A-1", 9, 2),
            "record id 'A-1' on line 9 is already used on line 2; every row needs its own id "
            "(or leave record_id empty)");
}

// A million ids, as in a large roster: every repeat is found and memory stays small.
TEST(DuplicateIdTracker, AMillionIdsFitWellUnderOneHundredMegabytes) {
  DuplicateIdTracker tracker;
  constexpr int kIds = 1'000'000;
  for (int i = 0; i < kIds; ++i) {
    ASSERT_EQ(tracker.Add("V-" + std::to_string(10'000'000 + i), i + 2), std::nullopt) << i;
  }
  EXPECT_EQ(tracker.size(), static_cast<size_t>(kIds));
  EXPECT_LT(tracker.MemoryUsageBytes(), size_t{60} << 20);
  for (int i = 0; i < kIds; i += 9973) {
    EXPECT_EQ(tracker.Add("V-" + std::to_string(10'000'000 + i), kIds + 5), i + 2);
  }
}

}  // namespace
}  // namespace canje::registry
