// A small subset of jq's paths, enough for a scenario script to read a command's --json output:
//   .                 the whole document
//   .name .a.b        an object member (names of letters, digits, _ and -)
//   .[3] .name[0]     an array element (0-based)
//   .[] .name[]       every element of an array (or value of an object), in order
//   PATH | length     the number of elements, members or characters of each value
// Evaluating gives the sequence of values the path reaches: several after an `[]`.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace canje::scenario_script {

struct JsonPathSegment {
  enum class Kind { kMember, kIndex, kEvery };
  Kind kind = Kind::kMember;
  std::string member;
  size_t index = 0;
};

struct JsonPath {
  std::vector<JsonPathSegment> segments;
  bool length = false;  // `| length` at the end
};

// kInvalid with the column of the first character that does not fit, and what is allowed.
Result<JsonPath> ParseJsonPath(std::string_view text);

// The values `path` reaches in `document`. kInvalid when a member is missing, an index is out of
// range or a value is of the wrong kind, naming the path so far.
Result<std::vector<nlohmann::json>> EvaluateJsonPath(const JsonPath& path,
                                                     const nlohmann::json& document);

// Whether `actual` OP `expected` holds, for OP one of == != < <= > >= contains. Numbers compare
// by value (3 == 3.0); < <= > >= need two numbers or two strings; `contains` is an element of an
// array, a member name of an object, or a substring of a string. kInvalid for an unknown OP or
// values that cannot be compared.
Result<bool> CompareJson(const nlohmann::json& actual, std::string_view op,
                         const nlohmann::json& expected);

// A value as a script variable holds it: a string as is, anything else as compact JSON.
std::string JsonValueText(const nlohmann::json& value);

}  // namespace canje::scenario_script
