// A scenario script's variables (`let NAME = ...`) and their substitution into arguments, expected
// texts and file lines (tests/scenarios/README.md):
//   $NAME        its value; standing alone as an unquoted argument, every value it holds
//   $NAME[I]     its I-th value (0-based)
//   $NAME[I:J]   values I to J-1 ([I:] to the end): as an unquoted argument of its own, one
//                argument each; in a file line, the line once per value
//   $$           a literal $
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "script_parser.h"

namespace canje::scenario_script {

class ScriptVariables {
 public:
  void Set(const std::string& name, std::vector<std::string> values);
  // Every variable's values, by name.
  const std::map<std::string, std::vector<std::string>>& all() const { return values_; }

  // Text where every reference stands for one value (an expected text, a quoted argument).
  Result<std::string> Substitute(std::string_view text) const;
  // One command argument: several when it is an unquoted reference to several values.
  Result<std::vector<std::string>> ExpandArgument(const Word& word) const;
  // One line of a file: repeated once per value of its ranges (all of the same length), zero
  // times for empty ranges.
  Result<std::vector<std::string>> ExpandFileLine(std::string_view line) const;

 private:
  struct Reference {
    size_t begin = 0, end = 0;  // [begin, end) in the text
    bool dollar = false;        // `$$`
    std::string name;
    bool indexed = false, ranged = false;
    size_t first = 0, last = 0;  // indexed: first; ranged: [first, last)
    bool open_ended = false;     // [I:]
  };
  static Result<std::vector<Reference>> Find(std::string_view text);
  // The values a reference stands for.
  Result<std::vector<std::string>> Values(const Reference& reference) const;
  // `text` with its references replaced; those in `multi` by their index-th value.
  Result<std::string> Replace(std::string_view text, const std::vector<Reference>& references,
                              size_t index, bool allow_multi) const;

  std::map<std::string, std::vector<std::string>> values_;
};

}  // namespace canje::scenario_script
