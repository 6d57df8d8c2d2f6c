// The entry point for importers: a list file in, validated PersonRecords out, one at a time.
//
//   ListFileReaderOptions options;
//   options.parser.today = ...; options.parser.party_exists = ...;
//   CANJE_ASSIGN_OR_RETURN(auto reader, ListFileReader::Open(in, ListFormat::kCsv, options));
//   ParsedRecord parsed;
//   while (true) {
//     CANJE_ASSIGN_OR_RETURN(bool more, reader->Next(&parsed));
//     if (!more) break;
//     if (parsed.errors.empty()) { /* use parsed.record */ }
//     else { /* report parsed.errors; reader->row() has the raw values */ }
//   }
//
// It combines CsvReader or JsonRecordsReader, HeaderMap (CSV), RecordParser and
// DuplicateIdTracker: a record id already used earlier in the file is an error of the later row.
// Memory stays bounded by the longest row plus the duplicate-id table.
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "registry/columns.h"
#include "registry/csv_reader.h"
#include "registry/duplicate_id_tracker.h"
#include "registry/json_records_reader.h"
#include "registry/person.h"
#include "registry/record_parser.h"
#include "registry/row.h"

namespace canje::registry {

enum class ListFormat { kCsv, kJson };

// "csv" or "json" (case-insensitive); a usage error otherwise.
Result<ListFormat> ParseListFormat(std::string_view name);
// The format a file name suggests: ".json" → kJson, anything else → kCsv.
ListFormat ListFormatForPath(std::string_view path);

struct ListFileReaderOptions {
  // list_separators is set by the reader from the format and the CSV delimiter.
  RecordParserOptions parser;
  CsvOptions csv;
  JsonReaderOptions json;
};

// One row's outcome. `errors` empty means `record` is valid.
struct ParsedRecord {
  int64_t line = 0;   // where the row starts
  int64_t index = 0;  // 0-based data row / array element index
  PersonRecord record;
  std::vector<FieldError> errors;
};

class ListFileReader {
 public:
  // Opens the file: for CSV reads and maps the header (an unknown, repeated or missing name
  // column is an error here, for the whole file).
  static Result<std::unique_ptr<ListFileReader>> Open(std::istream& in, ListFormat format,
                                                      ListFileReaderOptions options);

  // The next row: true when one was read (valid or not), false at the end. A non-ok Status means
  // the rest of the file cannot be read (see CsvReader and JsonRecordsReader).
  Result<bool> Next(ParsedRecord* parsed);

  // The raw row last read (values as written), e.g. for a file of rejected rows.
  const Row& row() const { return row_; }
  // CSV: the header as written (empty for JSON) and the delimiter in use.
  const std::vector<std::string>& csv_header() const;
  char csv_delimiter() const { return csv_ ? csv_->delimiter() : 0; }
  uint64_t bytes_read() const;

 private:
  ListFileReader() = default;

  std::optional<CsvReader> csv_;
  std::optional<JsonRecordsReader> json_;
  std::optional<HeaderMap> header_;
  std::optional<RecordParser> parser_;
  DuplicateIdTracker ids_;
  Row row_;
};

}  // namespace canje::registry
