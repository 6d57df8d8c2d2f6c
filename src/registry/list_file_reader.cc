#include "registry/list_file_reader.h"

#include "registry/text_fold.h"

namespace canje::registry {

Result<ListFormat> ParseListFormat(std::string_view name) {
  const std::string folded = FoldForMatching(name);
  if (folded == "csv") return ListFormat::kCsv;
  if (folded == "json") return ListFormat::kJson;
  return Status::Usage("unknown list format '" + std::string(name) + "'; use csv or json");
}

ListFormat ListFormatForPath(std::string_view path) {
  const size_t dot = path.rfind('.');
  if (dot != std::string_view::npos && FoldForMatching(path.substr(dot + 1)) == "json") {
    return ListFormat::kJson;
  }
  return ListFormat::kCsv;
}

Result<std::unique_ptr<ListFileReader>> ListFileReader::Open(std::istream& in, ListFormat format,
                                                             ListFileReaderOptions options) {
  std::unique_ptr<ListFileReader> reader(new ListFileReader());
  if (format == ListFormat::kCsv) {
    CANJE_ASSIGN_OR_RETURN(CsvReader csv, CsvReader::Open(in, options.csv));
    CANJE_ASSIGN_OR_RETURN(HeaderMap header,
                           HeaderMap::FromHeader(csv.header(), csv.header_line()));
    options.parser.list_separators = ListSeparatorsFor(csv.delimiter());
    reader->csv_.emplace(std::move(csv));
    reader->header_.emplace(std::move(header));
  } else {
    CANJE_ASSIGN_OR_RETURN(JsonRecordsReader json, JsonRecordsReader::Open(in, options.json));
    options.parser.list_separators = "|";
    reader->json_.emplace(std::move(json));
  }
  reader->parser_.emplace(std::move(options.parser));
  return reader;
}

Result<bool> ListFileReader::Next(ParsedRecord* parsed) {
  Result<bool> read = csv_ ? csv_->Next(&row_) : json_->Next(&row_);
  if (!read.ok() || !*read) return read;
  parsed->line = row_.line;
  parsed->index = row_.index;
  parsed->errors.clear();
  if (csv_) {
    parser_->ParseCsvRow(*header_, row_, &parsed->record, &parsed->errors);
  } else {
    parser_->ParseJsonRow(row_, &parsed->record, &parsed->errors);
  }
  const std::string& id = parsed->record.record_id;
  // Ids of invalid rows count too: a later row with the same id is a duplicate either way.
  if (!id.empty()) {
    if (std::optional<int64_t> first = ids_.Add(id, row_.line)) {
      FieldError error;
      error.line = row_.line;
      if (header_) {
        if (std::optional<size_t> index = header_->IndexOf(Column::kRecordId)) {
          error.column = static_cast<int>(*index + 1);
          error.column_name = header_->entry(*index).name;
        }
      } else {
        for (const std::string& key : row_.keys) {
          if (auto match = MatchColumnName(key); match && match->column == Column::kRecordId) {
            error.column_name = key;
            error.json_path = JsonPath(row_.index, key);
          }
        }
      }
      error.reason = DuplicateIdTracker::DuplicateReason(id, row_.line, *first);
      parsed->errors.push_back(std::move(error));
    }
  }
  return true;
}

const std::vector<std::string>& ListFileReader::csv_header() const {
  static const std::vector<std::string> kNone;
  return csv_ ? csv_->header() : kNone;
}

uint64_t ListFileReader::bytes_read() const {
  return csv_ ? csv_->bytes_read() : json_->bytes_read();
}

}  // namespace canje::registry
