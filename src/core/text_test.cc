#include "core/text.h"

#include <gtest/gtest.h>

#include <cstdlib>

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

TEST(TextTest, JoinWordsPutsASpaceBetweenWordsButNoneBeforeTheFirstText) {
  EXPECT_EQ(JoinWords({}), "");
  EXPECT_EQ(JoinWords({"José", "Luis"}), "José Luis");
  EXPECT_EQ(JoinWords({"", "Luis"}), "Luis");
  EXPECT_EQ(JoinWords({"José", "", "Luis"}), "José  Luis");
}

TEST(TextTest, ByteEscapesReplaceTheirBytesAndCopyTheOthers) {
  static const ByteEscapes kEscapes{{'<', "&lt;"}, {'\n', "\\n"}, {'\xff', "[ff]"}};
  std::string out = "kept:";
  kEscapes.AppendTo(out, std::string_view("a<b\nc\0d\xff", 8));
  EXPECT_EQ(out, std::string("kept:a&lt;b\\nc\0d[ff]", 20));
  std::string none;
  kEscapes.AppendTo(none, "");
  EXPECT_EQ(none, "");
}

TEST(TextTest, NumbersAsTextForPeopleAndExactly) {
  EXPECT_EQ(NumberText(1.5), "1.5");
  EXPECT_EQ(NumberText(2), "2");
  EXPECT_EQ(NumberText(1.0 / 3), "0.333333");
  EXPECT_EQ(NumberText(1e6), "1e+06");
  EXPECT_EQ(ExactNumberText(2), "2");
  EXPECT_EQ(ExactNumberText(0.1), "0.10000000000000001");
  for (double value : {1.0 / 3, 0.1, -2.5e-300, 123456789.125}) {
    EXPECT_EQ(std::strtod(ExactNumberText(value).c_str(), nullptr), value) << value;
  }
}

}  // namespace
}  // namespace canje
