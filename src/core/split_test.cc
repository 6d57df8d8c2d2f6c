#include "core/split.h"

#include <gtest/gtest.h>

namespace canje {
namespace {

using Pieces = std::vector<std::string_view>;

TEST(SplitAtTest, KeepsEveryPieceEmptyOnesIncluded) {
  EXPECT_EQ(SplitAt("x001/x234/067", '/'), (Pieces{"x001", "x234", "067"}));
  EXPECT_EQ(SplitAt("a//b/", '/'), (Pieces{"a", "", "b", ""}));
  EXPECT_EQ(SplitAt("", '/'), (Pieces{""}));
  EXPECT_EQ(SplitAt("plain", '/'), (Pieces{"plain"}));
}

}  // namespace
}  // namespace canje
