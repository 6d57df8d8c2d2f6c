// For tests only (not part of any library): a table of text cases checked by one loop, so that a
// test lists what goes in and what must come out instead of writing the same EXPECT_EQ again.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/status.h"

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

// Expects `function(input)`, a Result, to fail as kInvalid with a message containing `expected`,
// for every case; a failure names the input or prints the message, and the other cases are still
// checked.
template <typename Function>
void ExpectEachRefusedAsInvalid(const Function& function, const TextCases& cases) {
  for (const TextCase& one : cases) {
    const auto result = function(one.input);
    const Status& status = result.status();
    if (result.ok()) {
      ADD_FAILURE() << "accepted the input \"" << one.input << "\"";
      continue;
    }
    EXPECT_EQ(status.code(), StatusCode::kInvalid) << status.message();
    EXPECT_NE(status.message().find(one.expected), std::string::npos) << status.message();
  }
}

}  // namespace canje::table_testing
