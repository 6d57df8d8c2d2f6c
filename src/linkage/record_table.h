// The records of one list file, read once and prepared for comparison.
//
// LoadRecordTable reads a CSV file (registry/csv_reader.h) with the columns a SideSettings names,
// and prepares every record once: names split (registry/person_name.h) and normalised into
// PreparedName values, dates parsed into ComparableDate (an unparseable date counts as missing and
// is counted in unparsed_dates), document numbers normalised, exact and text values in their
// comparison form. Storage is by column (one vector per field), so a million records stay
// compact. A patronymic is one unit however many words it has; a service number is normalised
// as document numbers are. Preparation runs on `threads` threads, each with its own ICU Normalizer.
//
// Errors (kInvalid, nothing loaded): a column the settings name is not in the header (message
// names the settings file, line and column, and the data file's header line); an empty file;
// invalid UTF-8, a stray quote or a row with a wrong number of fields (file:line:column); an
// empty record id.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "linkage/date_comparison.h"
#include "linkage/link_settings.h"
#include "linkage/prepared_name.h"

namespace canje::linkage {

struct RecordTable {
  std::string file_name;
  std::vector<std::string> ids;  // in file order; a record's index is its position here
  bool has_names = false;
  std::vector<PreparedName> given;                    // size() records when has_names
  std::vector<PreparedName> family;                   // size() records when has_names
  bool has_patronymics = false;
  std::vector<PreparedName> patronymic;  // one unit or none; size() records when has_patronymics
  bool has_service_numbers = false;
  std::vector<std::string> service_numbers;  // normalised; size() when has_service_numbers
  std::vector<std::vector<ComparableDate>> dates;     // [date field][record]
  std::vector<std::vector<std::string>> identifiers;  // [identifier field][record], normalised
  std::vector<std::vector<std::string>> exact;        // [exact field][record], comparison form
  std::vector<std::vector<std::u32string>> text;      // [text field][record], comparison form
  int64_t unparsed_dates = 0;  // non-empty dates that could not be read (counted as missing)
  // The list each record comes from, when the caller reconciles several lists in one table (the
  // store's lists, link_rules.h "undated_same_list"); empty when unknown (one file, as loaded).
  std::vector<int64_t> lists;

  std::size_t size() const { return ids.size(); }
};

// Reads `path` as described above.
Result<RecordTable> LoadRecordTable(const std::string& path, const SideSettings& side,
                                    const std::string& settings_file_name, int threads = 2);

// Same, from a stream; `file_name` is used in messages.
Result<RecordTable> LoadRecordTableFromStream(std::istream& in, const std::string& file_name,
                                              const SideSettings& side,
                                              const std::string& settings_file_name,
                                              int threads = 2);

}  // namespace canje::linkage
