// Golden-JSON checks for the wire mappings: a shape mapped from a value built by hand is
// compared, as the text `--json` prints (dump(2)), with testdata/<shape>.json.
//
// On a mismatch the failure shows a line diff ("-" expected, "+" mapped). To write the files
// after a deliberate change of a shape, run wire_test with CANJE_UPDATE_GOLDEN=1, then review
// the diff of testdata/ before committing: the files are the shapes' contract.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace canje::wire {

::testing::AssertionResult MatchesGolden(const nlohmann::json& mapped, const std::string& shape);

// The lines of `expected` and `actual` that differ, with two lines of context around each
// change: "  " same, "- " only in expected, "+ " only in actual.
std::string LineDiff(const std::string& expected, const std::string& actual);

}  // namespace canje::wire
