#include "linkage/code_points.h"

#include <gtest/gtest.h>

namespace canje::linkage {
namespace {

TEST(CodePointsTest, CountsCodePointsNotBytes) {
  EXPECT_EQ(ToCodePoints("José"), U"José");
  EXPECT_EQ(ToCodePoints("Шевченко").size(), 8u);
  EXPECT_EQ(ToCodePoints("محمد").size(), 4u);
  EXPECT_EQ(ToCodePoints("𝔸b"), U"𝔸b");  // outside the BMP
}

TEST(CodePointsTest, RoundTripsThroughUtf8) {
  for (std::string text : {"", "abc", "Ñandú", "Шевченко", "محمد", "𝔸"}) {
    EXPECT_EQ(ToUtf8(ToCodePoints(text)), text);
  }
}

TEST(CodePointsTest, IllFormedBytesBecomeReplacementCharacters) {
  EXPECT_EQ(ToCodePoints("a\xFF"
                         "b"),
            U"a\uFFFDb");
  EXPECT_EQ(ToCodePoints("a\xC3"), U"a\uFFFD");  // truncated sequence
  EXPECT_EQ(ToUtf8(std::u32string(1, char32_t{0xD800})), "\xEF\xBF\xBD");
}

}  // namespace
}  // namespace canje::linkage
