// Helpers shared by the registry tests: parsing a list given as text.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "registry/list_file_reader.h"

namespace canje::registry::testing {

// The "today" of the tests, so that they do not depend on the clock.
inline PartialDate TestToday() { return {2025, 6, 1, PartialDate::Precision::kDay}; }

// Options with TestToday() and the parties SLV, VEN, USA, ICRC.
inline ListFileReaderOptions TestOptions() {
  ListFileReaderOptions options;
  options.parser.today = TestToday();
  options.parser.party_exists = [](std::string_view code) {
    return code == "SLV" || code == "VEN" || code == "USA" || code == "ICRC";
  };
  return options;
}

// Every row of `text` read as `format`, or the Status that stopped reading.
inline Result<std::vector<ParsedRecord>> ReadAll(const std::string& text, ListFormat format,
                                                 ListFileReaderOptions options = TestOptions()) {
  std::istringstream in(text);
  CANJE_ASSIGN_OR_RETURN(auto reader, ListFileReader::Open(in, format, std::move(options)));
  std::vector<ParsedRecord> records;
  while (true) {
    ParsedRecord parsed;
    CANJE_ASSIGN_OR_RETURN(bool more, reader->Next(&parsed));
    if (!more) break;
    records.push_back(std::move(parsed));
  }
  return records;
}

// All the reasons of all the errors of one parsed row, joined by "\n" (for EXPECT_THAT).
inline std::string Reasons(const ParsedRecord& parsed) {
  std::string text;
  for (const FieldError& error : parsed.errors) text += error.reason + "\n";
  return text;
}

}  // namespace canje::registry::testing
