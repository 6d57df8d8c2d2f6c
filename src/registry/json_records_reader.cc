#include "registry/json_records_reader.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/utf8.h"

namespace canje::registry {
namespace {

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Receives the SAX events of one element and fills a Row, or records the first problem.
class RecordHandler : public nlohmann::json_sax<nlohmann::json> {
 public:
  RecordHandler(Row* row, int64_t index) : row_(row), index_(index) {}

  bool null() override { return Scalar("", "null"); }
  bool boolean(bool value) override { return Scalar(value ? "true" : "false", "a boolean"); }
  bool number_integer(number_integer_t value) override {
    return Scalar(std::to_string(value), "a number");
  }
  bool number_unsigned(number_unsigned_t value) override {
    return Scalar(std::to_string(value), "a number");
  }
  bool number_float(number_float_t, const string_t& text) override {
    return Scalar(text, "a number");
  }
  bool string(string_t& value) override { return Scalar(value, "a string"); }
  bool binary(binary_t&) override { return Fail(Path(), "binary values are not accepted"); }

  bool start_object(std::size_t) override {
    if (depth_ == 0) {
      depth_ = 1;
      return true;
    }
    return Fail(Path(), "is an object; each record must be a flat object whose values are text, "
                        "numbers, true/false, null or arrays of text");
  }
  bool end_object() override {
    depth_ = 0;
    return true;
  }
  bool key(string_t& key) override {
    for (const std::string& existing : row_->keys) {
      if (existing == key) {
        return Fail(JsonPath(index_, key), "the key appears twice in the same record");
      }
    }
    row_->keys.push_back(key);
    row_->values.emplace_back();
    return true;
  }
  bool start_array(std::size_t) override {
    if (depth_ == 0) return Fail(JsonPath(index_), "is an array; each record must be an object");
    if (in_array_) {
      return Fail(Path(), "is an array inside an array; only arrays of text are accepted");
    }
    in_array_ = true;
    array_items_ = 0;
    return true;
  }
  bool end_array() override {
    in_array_ = false;
    // A final empty item needs one more "|" to survive SplitListField (record_parser.h).
    std::string& value = row_->values.back();
    if (array_items_ > 1 && value.ends_with('|')) value += '|';
    if (array_items_ == 1 && value.empty()) value = "|";
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& error) override {
    error_position_ = position;
    std::string_view what = error.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ..." →
    // keep what follows the position, which is relative to the element and would mislead.
    const size_t column = what.find("column ");
    const size_t colon = column == std::string_view::npos ? what.find("] ") : what.find(": ", column);
    if (colon != std::string_view::npos) what.remove_prefix(colon + 2);
    // The parser's text quotes the bytes it last read, which may be cut inside a character or
    // not be UTF-8 at all: quoted so the message stays printable (and writable as JSON).
    return Fail(JsonPath(index_), "is not valid JSON: " + QuoteUntrusted(what, 400));
  }

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  const std::string& error_path() const { return error_path_; }
  // Byte offset (1-based, within the element) of a syntax error, 0 otherwise.
  size_t error_position() const { return error_position_; }

 private:
  std::string Path() const {
    std::string path = JsonPath(index_, row_->keys.empty() ? "" : row_->keys.back());
    if (in_array_) path += "[" + std::to_string(array_items_) + "]";
    return path;
  }
  bool Scalar(std::string_view text, std::string_view kind) {
    if (depth_ == 0) {
      return Fail(JsonPath(index_),
                  "is " + std::string(kind) + "; each element of the array must be an object");
    }
    if (in_array_) {
      if (kind != "a string" && kind != "a number") {
        return Fail(Path(), "is " + std::string(kind) + "; arrays may hold only text or numbers");
      }
      std::string& value = row_->values.back();
      if (array_items_ > 0) value += '|';
      value += text;
      ++array_items_;
      return true;
    }
    row_->values.back().assign(text);
    return true;
  }
  bool Fail(std::string path, std::string reason) {
    if (error_.empty()) {
      error_path_ = std::move(path);
      // Avoid "$[3] is ..." → "$[3]: is ...": the path is printed before the reason.
      error_ = std::move(reason);
    }
    return false;
  }

  Row* row_;
  int64_t index_;
  int depth_ = 0;
  bool in_array_ = false;
  size_t array_items_ = 0;
  size_t error_position_ = 0;
  std::string error_;
  std::string error_path_;
};

}  // namespace

JsonRecordsReader::JsonRecordsReader(std::istream& in, JsonReaderOptions options)
    : input_(in), options_(options) {}

bool JsonRecordsReader::SkipWhiteSpace() {
  while (input_.Fill()) {
    const char* p = input_.begin();
    const char* end = input_.end();
    while (p < end && IsJsonSpace(*p)) {
      if (*p == '\n') ++line_;
      ++p;
    }
    input_.ConsumeTo(p);
    if (p < end) return true;
  }
  return false;
}

Result<JsonRecordsReader> JsonRecordsReader::Open(std::istream& in, JsonReaderOptions options) {
  JsonRecordsReader reader(in, options);
  if (reader.input_.Fill()) {
    // FillMore may move the buffer: look at it only afterwards.
    while (reader.input_.end() - reader.input_.begin() < 3 && reader.input_.FillMore()) {
    }
    const std::string_view start(reader.input_.begin(),
                                 size_t(reader.input_.end() - reader.input_.begin()));
    if (start.starts_with("\xEF\xBB\xBF")) reader.input_.Consume(3);
    if (start.starts_with("\xFF\xFE") || start.starts_with("\xFE\xFF")) {
      return Status::Invalid("the file is UTF-16; save it as UTF-8");
    }
  }
  if (!reader.SkipWhiteSpace()) {
    if (reader.input_.read_failed()) return Status::Unavailable("cannot read the JSON file");
    return Status::Invalid("the file is empty; a JSON list file is an array of objects: "
                           "[{\"given_names\": \"...\", \"family_names\": \"...\"}, ...]");
  }
  const char first = *reader.input_.begin();
  if (first == '{') {
    return Status::Invalid("line " + std::to_string(reader.line_) +
                           ": the file holds one JSON object; a list file is an array of "
                           "objects, one per person: [{...}, {...}]");
  }
  if (first != '[') {
    return Status::Invalid("line " + std::to_string(reader.line_) +
                           ": the file does not start with '['; a JSON list file is an array "
                           "of objects, one per person: [{...}, {...}]");
  }
  reader.input_.Consume(1);
  return reader;
}

Status JsonRecordsReader::ScanElement(int64_t start_line) {
  element_text_.clear();
  const char first = *input_.begin();
  const bool is_container = first == '{' || first == '[';
  const bool is_string = first == '"';
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  while (true) {
    if (!input_.Fill()) {
      if (input_.read_failed()) return Status::Unavailable("cannot read the JSON file");
      if (!is_container && !is_string) return Status::Ok();  // a scalar at the end: parse says
      return Status::Invalid(JsonPath(next_index_) + " (record " +
                             std::to_string(next_index_ + 1) + ", line " +
                             std::to_string(start_line) +
                             "): the element is never closed (end of file reached)");
    }
    const char* p = input_.begin();
    const char* end = input_.end();
    const char* s = p;
    bool done = false;
    for (; s < end; ++s) {
      const char c = *s;
      if (c == '\n') ++line_;
      if (in_string) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          in_string = false;
          if (is_string) {
            ++s;
            done = true;
            break;
          }
        }
        continue;
      }
      if (c == '"') {
        in_string = true;
        continue;
      }
      if (is_container) {
        if (c == '{' || c == '[') {
          ++depth;
        } else if (c == '}' || c == ']') {
          if (--depth == 0) {
            ++s;
            done = true;
            break;
          }
        }
      } else if (!is_string && (c == ',' || c == ']' || IsJsonSpace(c))) {
        if (c == '\n') --line_;  // counted again when the white space is skipped
        done = true;
        break;
      }
    }
    element_text_.append(p, s);
    input_.ConsumeTo(s);
    if (element_text_.size() > options_.max_record_bytes) {
      return Status::Invalid(JsonPath(next_index_) + " (line " + std::to_string(start_line) +
                             "): the record is longer than " +
                             std::to_string(options_.max_record_bytes) +
                             " bytes; is a string or a bracket left open?");
    }
    if (done) return Status::Ok();
  }
}

void JsonRecordsReader::ParseElement(Row* row) {
  const size_t bad = FindInvalidUtf8(element_text_);
  if (bad != std::string_view::npos) {
    const int64_t bad_line =
        row->line + std::count(element_text_.begin(),
                               element_text_.begin() + static_cast<ptrdiff_t>(bad), '\n');
    row->errors.push_back({bad_line, 0, "", JsonPath(row->index),
                           "invalid UTF-8; save the file as UTF-8"});
    return;
  }
  RecordHandler handler(row, row->index);
  nlohmann::json::sax_parse(element_text_, &handler);
  if (!handler.failed()) return;
  int64_t error_line = row->line;
  if (handler.error_position() > 0) {
    const size_t end = std::min(handler.error_position(), element_text_.size());
    error_line += std::count(element_text_.begin(),
                             element_text_.begin() + static_cast<ptrdiff_t>(end), '\n');
  }
  row->errors.push_back({error_line, 0, "", handler.error_path(), handler.error()});
}

Status JsonRecordsReader::ExpectEndOfInput() {
  if (SkipWhiteSpace()) {
    return Status::Invalid("line " + std::to_string(line_) +
                           ": text after the closing ']' of the array; a list file holds one "
                           "array");
  }
  return Status::Ok();
}

Result<bool> JsonRecordsReader::Next(Row* row) {
  if (state_ == State::kDone) return false;
  if (!SkipWhiteSpace()) {
    if (input_.read_failed()) return Status::Unavailable("cannot read the JSON file");
    return Status::Invalid("line " + std::to_string(line_) +
                           ": the file ends before the closing ']' of the array");
  }
  char c = *input_.begin();
  if (state_ == State::kAfterElement) {
    if (c == ',') {
      input_.Consume(1);
      if (!SkipWhiteSpace()) {
        return Status::Invalid("line " + std::to_string(line_) +
                               ": the file ends before the closing ']' of the array");
      }
      c = *input_.begin();
      if (c == ']') {
        return Status::Invalid("line " + std::to_string(line_) +
                               ": a comma before the closing ']'; remove it");
      }
    } else if (c != ']') {
      return Status::Invalid("line " + std::to_string(line_) + ": after " +
                             JsonPath(next_index_ - 1) + " expected ',' or ']', found '" +
                             QuoteUntrusted(std::string_view(&c, 1)) + "'");
    }
  }
  if (c == ']') {
    input_.Consume(1);
    state_ = State::kDone;
    CANJE_RETURN_IF_ERROR(ExpectEndOfInput());
    return false;
  }
  row->line = line_;
  row->index = next_index_;
  row->keys.clear();
  row->values.clear();
  row->errors.clear();
  CANJE_RETURN_IF_ERROR(ScanElement(row->line));
  ++next_index_;
  state_ = State::kAfterElement;
  ParseElement(row);
  if (!row->errors.empty()) {
    row->keys.clear();
    row->values.clear();
  }
  return true;
}

}  // namespace canje::registry
