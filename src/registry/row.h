// Rows as the list readers deliver them, and the errors found in them.
//
// Both CsvReader and JsonRecordsReader fill a Row; RecordParser turns a Row into a PersonRecord.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace canje::registry {

// One problem in one place of a list file. Lines and columns are 1-based; 0 means "not
// applicable" (a JSON record has no column; a whole-row problem has no column).
struct FieldError {
  int64_t line = 0;
  int column = 0;           // CSV: 1-based field index in the row
  std::string column_name;  // the header or JSON key as written in the file; may be empty
  std::string json_path;    // JSON: "$[12].nombres" (0-based element index); empty for CSV
  std::string reason;       // what is wrong and how to fix it; no location inside

  // "roster.csv:12:3: fecha_nacimiento: <reason>" or
  // "roster.json:40: $[12].fecha_nacimiento (record 13): <reason>".
  std::string ToString(std::string_view file_name) const;
  friend bool operator==(const FieldError&, const FieldError&) = default;
};

// One data row of a list file.
//
// CSV: `values` are the fields in file order (the header gives their names), `keys` is empty.
// JSON: `keys[i]` is the key of `values[i]`, in the order of the object.
// `errors` holds what the reader itself found wrong in the row (invalid UTF-8, a stray quote,
// JSON that does not parse); the values are still given as far as they could be read, and the
// reader can go on with the next row.
struct Row {
  int64_t line = 0;   // physical line (1-based) where the row starts
  int64_t index = 0;  // 0-based index of the data row (CSV, header excluded) or array element
  std::vector<std::string> keys;
  std::vector<std::string> values;
  std::vector<FieldError> errors;
};

// "$[12]" for an element index, "$[12].key" with a key.
std::string JsonPath(int64_t index, std::string_view key = {});

}  // namespace canje::registry
