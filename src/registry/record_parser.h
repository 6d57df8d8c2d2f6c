// Turning one row of a list file into a validated PersonRecord, or into the list of what is
// wrong with it.
//
// What each column accepts is in docs/formats.md ("List files (import)"). In short:
//   - Text is trimmed; name fields also have runs of white space collapsed to one space.
//   - Names: given_names / first_given_name + second_given_name, family_names /
//     first_family_name + second_family_name (each of these one surname, kept whole), and
//     full_name, which is used only when the separate name columns are all empty (split by
//     SplitFullName, person_name.h). A row with no name at all is an error.
//   - List columns (aliases, nationality, document, document_type, document_country, charges,
//     charge_status, categories) hold several items separated by "|" (and also ";" when the
//     CSV delimiter is a comma: see ListSeparatorsFor). document_type, document_country and
//     charge_status hold either one item, which applies to every document or charge, or one
//     item per document or charge, in the same order. A charge_status with no charges records
//     one charge without a description carrying that status ("none": known to have no charges).
//   - patronymic: its own part of the name (spaces collapsed); a full_name read in the order
//     family-given-patronymic fills it too, unless the row has a patronymic column.
//   - ihl_status: ParseIhlStatus (enumerated_fields.h); date_of_capture: a date like
//     custody_since, not in the future nor before the date of birth.
//   - Length limits, in characters (code points): MaxLength(column).
//
// Every problem found is reported, not only the first, each with its line, column (CSV), JSON
// path (JSON) and a reason that says how to fix it.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "registry/columns.h"
#include "registry/dates.h"
#include "registry/person.h"
#include "registry/person_name.h"
#include "registry/row.h"

namespace canje::registry {

// The longest value accepted in a column, in code points: 200 for each name column and
// aliases item, the plain text fields' own limits (person_fields.h: 100 for record_id, rank and
// service_number, 200 for patronymic, 300 for facility, unit, place_of_birth and
// place_of_capture, 1,000 for legal_basis, 2,000 for notes), 100 for coded fields
// (sex, dates, codes, status, yes/no) and a document number, 1,000 for aliases, 500 for
// categories, 2,000 for charges.
size_t MaxLength(Column column);

// "|;" for a comma-delimited CSV file, "|" for a semicolon-delimited one or for JSON (where
// arrays are joined with "|").
std::string ListSeparatorsFor(char csv_delimiter);

// The items of a list field, trimmed. A field that contains "|" is split at "|" only (so ";"
// may appear inside its items), and one final "|" ends the list without adding an empty item:
// "robo; hurto|" is the one item "robo; hurto", "cedula||" the two items "cedula" and "".
// Any other field is split at every character of `separators`. Empty items are kept, so that
// parallel lists stay aligned; blank text gives no items.
std::vector<std::string_view> SplitListField(std::string_view text, std::string_view separators);

struct RecordParserOptions {
  // Dates of birth and custody dates may not be after this day (precision kDay).
  PartialDate today;
  DateOrder date_order = DateOrder::kUnambiguousOnly;
  // How a full_name is split when the other name columns of its row are empty (person_name.h).
  NameOrder name_order = NameOrder::kGuessed;
  // Whether a holder party code exists (it gets the code upper-cased). Empty: every code that
  // is well formed (2 to 32 of A-Z, 0-9, '-', '_') is accepted.
  std::function<bool(std::string_view)> party_exists;
  // Characters that separate the items of list columns; see ListSeparatorsFor.
  std::string list_separators = "|;";
};

class RecordParser {
 public:
  explicit RecordParser(RecordParserOptions options);

  // Parses a CSV row read under `header`. Returns true and sets *record when the row is valid;
  // otherwise appends at least one error to *errors and *record holds what could be read (at
  // least record_id, unless the field count is wrong). The row's
  // own reader errors (Row::errors) are reported too, with the column's header name.
  bool ParseCsvRow(const HeaderMap& header, const Row& row, PersonRecord* record,
                   std::vector<FieldError>* errors);

  // Parses a JSON record (Row::keys name the values). Keys are matched like CSV header names;
  // an unknown or repeated key is an error of that record. A record without any name key is a
  // "missing name" error.
  bool ParseJsonRow(const Row& row, PersonRecord* record, std::vector<FieldError>* errors);

  const RecordParserOptions& options() const { return options_; }

 private:
  struct Cell {
    std::string_view value;  // trimmed
    std::string_view name;   // the header or key as written
    int column = 0;          // CSV: 1-based field index; JSON: 0
    bool present = false;
    bool bad = false;  // already reported (reader error, too long): not parsed further
  };
  struct TypedDocumentCell {
    Cell cell;
    std::string_view type;
  };
  struct Context;

  void ParseCells(Context& context, PersonRecord* record);
  void ParseNames(Context& context, PersonRecord* record);
  void ParseDocuments(Context& context, PersonRecord* record);
  void ParseCustody(Context& context, PersonRecord* record);
  void ParseCharges(Context& context, PersonRecord* record);
  void ParseCapture(Context& context, PersonRecord* record);
  // A date of `column` that is neither in the future nor before the record's date of birth
  // (`what` names it in errors); none, with an error, otherwise, and none when empty.
  std::optional<PartialDate> ParseDateInLife(Context& context, Column column,
                                             std::string_view what, const PersonRecord& record);

  RecordParserOptions options_;
  // JSON: the keys of the previous record and their matches, reused while the keys repeat.
  std::vector<std::string> last_keys_;
  std::vector<std::optional<ColumnMatch>> last_matches_;
};

}  // namespace canje::registry
