#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace canje {
namespace {

constexpr size_t kValid = std::string_view::npos;

TEST(FindInvalidUtf8, AcceptsAsciiAndMultiByteText) {
  EXPECT_EQ(FindInvalidUtf8(""), kValid);
  EXPECT_EQ(FindInvalidUtf8("Pérez Rodríguez, José Luis"), kValid);
  EXPECT_EQ(FindInvalidUtf8("Ñandú € 𝄞 中文"), kValid);
}

TEST(FindInvalidUtf8, FindsTheFirstBadByte) {
  EXPECT_EQ(FindInvalidUtf8("abc\xE9z"), 3u);                 // Latin-1 é
  EXPECT_EQ(FindInvalidUtf8("\x80"), 0u);                     // lone continuation byte
  EXPECT_EQ(FindInvalidUtf8("a\xC0\x80"), 1u);                // overlong NUL
  EXPECT_EQ(FindInvalidUtf8("\xE0\x80\xAF"), 0u);             // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), 0u);             // UTF-16 surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);         // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(FindInvalidUtf8("ok\xC3"), 2u);                   // truncated at the end
  EXPECT_EQ(FindInvalidUtf8("ok\xE2\x82z"), 2u);              // truncated in the middle
  // Past the eight-byte fast path.
  EXPECT_EQ(FindInvalidUtf8(std::string(37, 'a') + "\xFF" + std::string(20, 'b')), 37u);
}

TEST(CountCodePoints, CountsCharactersNotBytes) {
  EXPECT_EQ(CountCodePoints("Ñandú"), 5u);
  EXPECT_EQ(CountCodePoints("𝄞"), 1u);
  EXPECT_EQ(CountCodePoints(""), 0u);
}

TEST(Utf8Prefix, NeverCutsACharacter) {
  EXPECT_EQ(Utf8Prefix("abc", 10), "abc");
  EXPECT_EQ(Utf8Prefix("abc", 2), "ab");
  EXPECT_EQ(Utf8Prefix("a\xC3\xB1" "b", 2), "a");  // "añb": byte 2 is inside ñ
  EXPECT_EQ(Utf8Prefix("a\xC3\xB1" "b", 3), "a\xC3\xB1");
  EXPECT_EQ(Utf8Prefix("\xF0\x9D\x84\x9E", 3), "");  // a four-byte character
  EXPECT_TRUE(IsValidUtf8(Utf8Prefix("Ñandú € 𝄞 中文", 13)));
}

TEST(QuoteUntrusted, ShowsBadBytesAndControlsAsEscapes) {
  EXPECT_EQ(QuoteUntrusted("Pérez"), "Pérez");
  EXPECT_EQ(QuoteUntrusted("VE\xFF"), "VE\\xff");
  EXPECT_EQ(QuoteUntrusted("\xC0\xAF"), "\\xc0\\xaf");  // overlong '/'
  EXPECT_EQ(QuoteUntrusted("a\nb\x01"), "a\\nb\\x01");
  EXPECT_EQ(QuoteUntrusted("ok\xE2\x82"), "ok\\xe2\\x82");  // truncated euro sign
  EXPECT_EQ(QuoteUntrusted("abcdef", 3), "abc\u2026");
  // Whatever comes in, what comes out is valid UTF-8.
  std::string all;
  for (int byte = 0; byte < 256; ++byte) all += static_cast<char>(byte);
  EXPECT_TRUE(IsValidUtf8(QuoteUntrusted(all, 1000)));
}

}  // namespace
}  // namespace canje
