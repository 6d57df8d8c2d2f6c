// A streaming reader for list files in JSON: one array of flat objects.
//
//   [ {"nombres": "José Luis", "apellidos": "Pérez Rodríguez", "cedula": "V-12345678"}, ... ]
//
// Each element becomes a Row whose keys are the object's keys and whose values are text:
// strings as they are, numbers as written in the file (integers in decimal), true/false as
// "true"/"false", null as "". An array of strings (or numbers) becomes its items joined by "|"
// (plus one more "|" when the last item is empty, so that SplitListField in record_parser.h
// gives the items back).
// Anything else (a nested object, an array inside an array, null or true inside an array) is
// an error naming its JSON path, such as `$[12].nombres`.
//
// Memory is bounded by the largest element (at most JsonReaderOptions::max_record_bytes): the
// reader finds where each element ends with a light scan of the bytes, then parses that element
// alone with nlohmann::json's SAX interface. So a malformed element is reported in its Row's
// errors and reading goes on with the next one. Errors that leave the rest unreadable (the file
// is not an array, an element never closed, text after the array) end reading with a non-ok
// Status. Row::index is the element's 0-based index; Row::line the line where it starts.
#pragma once

#include <cstdint>
#include <istream>
#include <string>

#include "core/status.h"
#include "registry/input_buffer.h"
#include "registry/row.h"

namespace canje::registry {

struct JsonReaderOptions {
  size_t max_record_bytes = size_t{1} << 20;
};

class JsonRecordsReader {
 public:
  // Reads up to the opening '[' of the array; `in` must outlive the reader.
  static Result<JsonRecordsReader> Open(std::istream& in, JsonReaderOptions options = {});

  // The next element into `*row`: true when one was read, false after the closing ']'.
  Result<bool> Next(Row* row);

  uint64_t bytes_read() const { return input_.bytes_consumed(); }

 private:
  enum class State { kFirst, kAfterElement, kDone };
  JsonRecordsReader(std::istream& in, JsonReaderOptions options);
  // Skips JSON white space, counting lines; false at the end of input.
  bool SkipWhiteSpace();
  // Copies the next element's bytes into element_text_.
  Status ScanElement(int64_t start_line);
  Status ExpectEndOfInput();
  void ParseElement(Row* row);

  InputBuffer input_;
  JsonReaderOptions options_;
  State state_ = State::kFirst;
  int64_t line_ = 1;
  int64_t next_index_ = 0;
  std::string element_text_;
};

}  // namespace canje::registry
