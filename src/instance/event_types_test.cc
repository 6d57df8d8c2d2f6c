// The catalogue of event types and the table of docs/formats.md ("Event types") list the same
// types, each once.
#include "instance/event_types.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <string>

namespace canje::events {
namespace {

// The first column of the table under "### Event types" in docs/formats.md.
std::multiset<std::string> DocumentedTypes() {
  std::ifstream in(std::string(CANJE_SOURCE_DIR) + "/docs/formats.md");
  EXPECT_TRUE(in) << "docs/formats.md not found";
  std::multiset<std::string> types;
  const std::regex row("^\\| `([^`]+)` \\|");
  bool in_section = false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("#", 0) == 0) in_section = line == "### Event types";
    std::smatch match;
    if (in_section && std::regex_search(line, match, row)) types.insert(match[1]);
  }
  return types;
}

TEST(EventTypesTest, TheDocumentedTableListsEveryTypeOnceAndNoOther) {
  const std::multiset<std::string> documented = DocumentedTypes();
  ASSERT_FALSE(documented.empty()) << "no table under '### Event types' in docs/formats.md";
  std::multiset<std::string> catalogue;
  for (std::string_view type : kAllEventTypes) catalogue.insert(std::string(type));
  for (const std::string& type : catalogue) {
    EXPECT_EQ(catalogue.count(type), 1u) << type << " twice in kAllEventTypes";
    EXPECT_EQ(documented.count(type), 1u)
        << type << " in docs/formats.md: once, not " << documented.count(type);
  }
  for (const std::string& type : documented) {
    EXPECT_EQ(catalogue.count(type), 1u) << type << " is documented but not in kAllEventTypes";
  }
}

TEST(EventTypesTest, EachTypeIsADomainAndAVerb) {
  const std::regex form("[a-z_]+\\.[a-z_]+");
  for (std::string_view type : kAllEventTypes) {
    EXPECT_TRUE(std::regex_match(std::string(type), form)) << type;
  }
}

}  // namespace
}  // namespace canje::events
