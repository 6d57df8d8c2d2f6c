// For tests only (not part of any library): a table of text cases checked by one loop, so that a
// test lists what goes in and what must come out instead of writing the same EXPECT_EQ again.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace canje::table_testing {

// One case: the text given to the function under test, and the text it must return.
struct TextCase {
  std::string input;
  std::string expected;
};

// A test's table of cases.
using TextCases = std::vector<TextCase>;

// Expects `function(input) == expected` for every case, in order; a failure names the input
// (and gtest prints both values), and the other cases are still checked.
template <typename Function>
void ExpectEachMapsTo(const Function& function, const TextCases& cases) {
  for (const TextCase& one : cases) {
    EXPECT_EQ(function(one.input), one.expected) << "for the input \"" << one.input << "\"";
  }
}

}  // namespace canje::table_testing
