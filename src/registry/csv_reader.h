// A streaming RFC 4180 CSV reader for list files.
//
// Accepts: quoted fields with doubled quotes, delimiters and line breaks inside quotes; CRLF,
// LF or CR line ends; a UTF-8 byte order mark (skipped); comma or semicolon as the delimiter,
// detected from the header line (the one that occurs more often outside quotes; a tie or
// neither means comma) unless given. Completely empty lines are skipped.
//
// Memory is bounded by the longest row (at most CsvOptions::max_row_bytes), whatever the size
// of the file: the row's strings are reused from one row to the next.
//
// Problems confined to one row are reported in Row::errors and reading goes on:
//   - a quote inside an unquoted field, or text after a closing quote (the text is kept as
//     written, quotes included);
//   - a field that is not valid UTF-8 (line and column of the offending byte's field).
// Problems that make the rest of the file unreadable end reading with a non-ok Status:
//   - a quoted field still open at the end of the file;
//   - a row longer than max_row_bytes (usually the same open quote);
//   - UTF-16 input, an empty file, a header with errors, an I/O error.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "core/status.h"
#include "registry/input_buffer.h"
#include "registry/row.h"

namespace canje::registry {

struct CsvOptions {
  char delimiter = 0;                       // ',' or ';'; 0 detects it from the header line
  size_t max_row_bytes = size_t{1} << 20;   // a longer row ends reading with an error
};

class CsvReader {
 public:
  // Reads the header row from `in`, which must outlive the reader. The header values are kept as
  // written (HeaderMap trims and folds them).
  static Result<CsvReader> Open(std::istream& in, CsvOptions options = {});

  // The next data row into `*row` (its strings are reused): true when a row was read, false at
  // the end of the file. row->index counts data rows from 0; row->line is the physical line
  // where the row starts (lines inside quoted fields are counted).
  Result<bool> Next(Row* row);

  char delimiter() const { return delimiter_; }
  const std::vector<std::string>& header() const { return header_.values; }
  int64_t header_line() const { return header_.line; }
  uint64_t bytes_read() const { return input_.bytes_consumed(); }

 private:
  CsvReader(std::istream& in, CsvOptions options);
  Status DetectDelimiter();
  Result<bool> ReadRow(Row* row);
  Status ReadQuotedPart(std::string& field, int64_t field_line, int column, size_t& row_bytes);
  void ReadUnquotedPart(std::string& field, int column, size_t& row_bytes, Row* row);
  Status RowTooLong(int64_t row_line) const;

  InputBuffer input_;
  CsvOptions options_;
  char delimiter_ = ',';
  bool is_special_[256] = {};  // delimiter, quote, CR, LF
  int64_t line_ = 1;           // the physical line of the next unread byte
  int64_t next_index_ = 0;
  Row header_;
};

}  // namespace canje::registry
