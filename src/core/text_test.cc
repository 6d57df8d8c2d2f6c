#include "core/text.h"

#include <gtest/gtest.h>

namespace canje {
namespace {

TEST(TextTest, TrimRemovesAsciiSpaceAtBothEndsOnly) {
  EXPECT_EQ(Trim(" \t VE-01 \r\n"), "VE-01");
  EXPECT_EQ(Trim("a b"), "a b");
  EXPECT_EQ(Trim(" \n "), "");
  EXPECT_EQ(TrimView("\xc2\xa0x\xc2\xa0"), "\xc2\xa0x\xc2\xa0");  // no-break space is not ASCII
}

TEST(TextTest, AsciiLowerLeavesOtherBytesAlone) {
  EXPECT_EQ(AsciiLower("Refused-CONSENT"), "refused-consent");
  EXPECT_EQ(AsciiLower("\xc3\x89T\xc3\x89"), "\xc3\x89t\xc3\x89");  // ÉTÉ: only the T changes
}

TEST(TextTest, JoinPutsTheSeparatorBetweenItems) {
  EXPECT_EQ(Join({}), "");
  EXPECT_EQ(Join({"SLV"}), "SLV");
  EXPECT_EQ(Join({"SLV", "VEN", "USA"}), "SLV, VEN, USA");
  EXPECT_EQ(Join({"a", "b"}, " | "), "a | b");
}

}  // namespace
}  // namespace canje
