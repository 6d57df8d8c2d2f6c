#include "registry/csv_reader.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "core/csv_writer.h"
#include "core/utf8.h"

namespace canje::registry {
namespace {

std::string Where(int64_t line, int column) {
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace

CsvReader::CsvReader(std::istream& in, CsvOptions options) : input_(in), options_(options) {}

Result<CsvReader> CsvReader::Open(std::istream& in, CsvOptions options) {
  if (options.delimiter != 0 && options.delimiter != ',' && options.delimiter != ';') {
    return Status::Usage("the CSV delimiter must be ',' or ';'");
  }
  CsvReader reader(in, options);
  if (reader.input_.Fill()) {
    // FillMore may move the buffer: look at it only afterwards.
    while (reader.input_.end() - reader.input_.begin() < 3 && reader.input_.FillMore()) {
    }
    const std::string_view start(reader.input_.begin(),
                                 size_t(reader.input_.end() - reader.input_.begin()));
    if (start.starts_with("\xEF\xBB\xBF")) {
      reader.input_.Consume(3);
    } else if (start.starts_with("\xFF\xFE") || start.starts_with("\xFE\xFF")) {
      return Status::Invalid(
          "the file is UTF-16; save it as CSV UTF-8 (in a spreadsheet: \"CSV UTF-8\")");
    }
  }
  if (options.delimiter != 0) {
    reader.delimiter_ = options.delimiter;
  } else {
    CANJE_RETURN_IF_ERROR(reader.DetectDelimiter());
  }
  reader.is_special_[static_cast<unsigned char>(reader.delimiter_)] = true;
  reader.is_special_[static_cast<unsigned char>('"')] = true;
  reader.is_special_[static_cast<unsigned char>('\r')] = true;
  reader.is_special_[static_cast<unsigned char>('\n')] = true;

  CANJE_ASSIGN_OR_RETURN(bool has_header, reader.ReadRow(&reader.header_));
  if (!has_header) {
    if (reader.input_.read_failed()) return Status::Unavailable("cannot read the CSV file");
    return Status::Invalid("the file is empty; its first line must be the header with the "
                           "column names");
  }
  if (!reader.header_.errors.empty()) {
    const FieldError& error = reader.header_.errors.front();
    return Status::Invalid(Where(error.line, error.column) + " (header): " + error.reason);
  }
  return reader;
}

Status CsvReader::DetectDelimiter() {
  // Look at the first line, outside quotes, reading more input until it is complete.
  size_t scanned = 0;
  bool in_quotes = false;
  size_t commas = 0, semicolons = 0;
  while (true) {
    if (!input_.Fill()) break;
    const char* p = input_.begin() + scanned;
    const char* end = input_.end();
    bool line_complete = false;
    for (; p < end; ++p) {
      const char c = *p;
      if (c == '"') {
        in_quotes = !in_quotes;
      } else if (!in_quotes) {
        if (c == ',') ++commas;
        if (c == ';') ++semicolons;
        if (c == '\n' || c == '\r') {
          line_complete = true;
          break;
        }
      }
    }
    if (line_complete) break;
    scanned = static_cast<size_t>(end - input_.begin());
    if (scanned > options_.max_row_bytes) {
      return Status::Invalid("line 1: the header line is longer than " +
                             std::to_string(options_.max_row_bytes) +
                             " bytes; is a quote left open?");
    }
    if (!input_.FillMore()) break;
  }
  delimiter_ = semicolons > commas ? ';' : ',';
  return Status::Ok();
}

Status CsvReader::RowTooLong(int64_t row_line) const {
  return Status::Invalid("line " + std::to_string(row_line) + ": the row is longer than " +
                         std::to_string(options_.max_row_bytes) +
                         " bytes; is a quoted field left open on that line?");
}

Result<bool> CsvReader::Next(Row* row) {
  CANJE_ASSIGN_OR_RETURN(bool read, ReadRow(row));
  if (read) row->index = next_index_++;
  return read;
}

Status CsvReader::ReadQuotedPart(std::string& field, int64_t field_line, int column,
                                 size_t& row_bytes) {
  input_.Consume(1);  // the opening quote
  while (true) {
    if (!input_.Fill()) {
      if (input_.read_failed()) return Status::Unavailable("cannot read the CSV file");
      return Status::Invalid(Where(field_line, column) +
                             ": the quoted field that starts here is never closed (end of file "
                             "reached); add the closing double quote");
    }
    const char* p = input_.begin();
    const char* end = input_.end();
    const char* quote = static_cast<const char*>(std::memchr(p, '"', end - p));
    const char* stop = quote != nullptr ? quote : end;
    line_ += std::count(p, stop, '\n');
    field.append(p, stop);
    row_bytes += static_cast<size_t>(stop - p);
    if (row_bytes > options_.max_row_bytes) return RowTooLong(field_line);
    input_.ConsumeTo(stop);
    if (quote == nullptr) continue;
    input_.Consume(1);
    if (input_.Fill() && *input_.begin() == '"') {  // a doubled quote stands for one
      field.push_back('"');
      input_.Consume(1);
      continue;
    }
    return Status::Ok();
  }
}

void CsvReader::ReadUnquotedPart(std::string& field, int column, size_t& row_bytes, Row* row) {
  bool reported_quote = false;
  while (input_.Fill()) {
    const char* p = input_.begin();
    const char* end = input_.end();
    const char* s = p;
    while (s < end && !is_special_[static_cast<unsigned char>(*s)]) ++s;
    field.append(p, s);
    row_bytes += static_cast<size_t>(s - p);
    input_.ConsumeTo(s);
    if (row_bytes > options_.max_row_bytes) return;  // the caller reports it
    if (s == end) continue;
    if (*s != '"') return;
    if (!reported_quote) {
      reported_quote = true;
      row->errors.push_back(
          {line_, column, "", "",
           "a double quote in the middle of an unquoted field; enclose the whole field in double "
           "quotes and write each quote inside it twice (\"\")"});
    }
    field.push_back('"');
    ++row_bytes;
    input_.Consume(1);
  }
}

Result<bool> CsvReader::ReadRow(Row* row) {
  // Skip empty lines.
  while (true) {
    if (!input_.Fill()) {
      if (input_.read_failed()) return Status::Unavailable("cannot read the CSV file");
      return false;
    }
    const char c = *input_.begin();
    if (c == '\n') {
      input_.Consume(1);
      ++line_;
    } else if (c == '\r') {
      input_.Consume(1);
      if (input_.Fill() && *input_.begin() == '\n') input_.Consume(1);
      ++line_;
    } else {
      break;
    }
  }
  row->line = line_;
  row->keys.clear();
  row->errors.clear();
  size_t count = 0;
  size_t row_bytes = 0;
  while (true) {
    if (count == row->values.size()) row->values.emplace_back();
    std::string& field = row->values[count];
    field.clear();
    ++count;
    const int column = static_cast<int>(count);
    const int64_t field_line = line_;
    if (input_.Fill() && *input_.begin() == '"') {
      CANJE_RETURN_IF_ERROR(ReadQuotedPart(field, field_line, column, row_bytes));
      if (input_.Fill()) {
        const char c = *input_.begin();
        if (c != delimiter_ && c != '\r' && c != '\n') {
          row->errors.push_back({line_, column, "", "",
                                 "text after the closing quote of a quoted field; a quote inside "
                                 "a quoted field must be written twice (\"\")"});
          ReadUnquotedPart(field, column, row_bytes, row);
        }
      }
    } else {
      ReadUnquotedPart(field, column, row_bytes, row);
    }
    if (row_bytes > options_.max_row_bytes) return RowTooLong(row->line);
    // canje's CSV writer neutralises formulas with a leading apostrophe (core/csv_writer.h):
    // undone here, so that an export imports as the values it was written from.
    if (std::string_view value = UnguardCsvField(field); value.size() != field.size()) {
      field.erase(0, 1);
    }
    const size_t bad = FindInvalidUtf8(field);
    if (bad != std::string_view::npos) {
      const int64_t bad_line =
          field_line + std::count(field.begin(), field.begin() + static_cast<ptrdiff_t>(bad), '\n');
      row->errors.push_back(
          {bad_line, column, "", "",
           "invalid UTF-8 (byte " + std::to_string(bad + 1) +
               " of the field); save the file as UTF-8 (in a spreadsheet: \"CSV UTF-8\")"});
    }
    if (!input_.Fill()) break;  // end of file ends the row
    const char c = *input_.begin();
    input_.Consume(1);
    if (c == delimiter_) continue;
    if (c == '\r' && input_.Fill() && *input_.begin() == '\n') input_.Consume(1);
    ++line_;
    break;
  }
  row->values.resize(count);
  return true;
}

}  // namespace canje::registry
