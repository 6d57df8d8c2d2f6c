// Helpers shared by the registry tests: parsing a list given as text, and the gmock matchers
// the tests use. A test takes them all with `using namespace testing;`.
#pragma once

#include <gmock/gmock.h>

#include <sstream>
#include <string>
#include <vector>

#include "registry/list_file_reader.h"

namespace canje::registry::testing {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// A record with every field set, each text holding what is hard to write: commas, quotes, line
// breaks, accents, separators inside items, names that the particle rule would split differently.
inline PersonRecord FullRecord() {
  PersonRecord record;
  record.record_id = "V-001, \"a\"";
  record.name = {{"José", "Luis"}, {"Pérez", "de la Cruz"}};
  record.aliases = {"El \"Flaco\"", "Pepe, el de Maracay", "uno; dos"};
  record.sex = Sex::kMale;
  record.date_of_birth = PartialDate{1985, 3, 25, PartialDate::Precision::kDay};
  record.nationalities = {"VEN", "COL"};
  record.documents = {
      {"cedula", "V-12.345.678", "VEN"}, {"passport", "X;1", ""}, {"", "77", "COL"}};
  record.holder = "SLV";
  record.facility = "CECOT, Tecoluca\nmódulo 3";
  record.custody_since = PartialDate{2025, 3, 0, PartialDate::Precision::kMonth};
  record.legal_basis = "Alien Enemies Act (1798)";
  record.charges = {{"robo; hurto", "pending"}, {"asociación", ""}};
  record.evidence_disclosed = false;
  record.categories = {"deportee", "political_prisoner"};
  record.status = ReportedStatus::kHeld;
  record.notes = "visto el 3/4 \"en la tarde\"\r\nsegunda línea, con coma";
  record.place_of_birth = "San Cristóbal, \"Táchira\"";
  record.name.patronymic = "Алирза оглы";
  record.ihl_status = IhlStatus::kPrisonerOfWar;
  record.rank = "sargento";
  record.unit = "Batallón sintético, 2.ª compañía";
  record.service_number = "0-123456";
  record.date_of_capture = PartialDate{2025, 2, 14, PartialDate::Precision::kDay};
  record.place_of_capture = "Sector \"norte\"";
  return record;
}

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
