#include "registry/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace canje::registry {
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

}  // namespace
}  // namespace canje::registry
