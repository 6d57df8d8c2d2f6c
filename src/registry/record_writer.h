// Writing PersonRecords as list files that canje reads back: CSV (RFC 4180, comma, LF, with the
// canonical English header) or a JSON array of objects.
//
// Round trip: a record produced by RecordParser, written here and read back through
// CsvReader/JsonRecordsReader and RecordParser, compares equal to the original. To get there:
//   - list columns are joined with "|" (JSON: arrays), with a final "|" when needed (see
//     SplitListField in record_parser.h); parallel lists (document_type, document_country,
//     charge_status) are written as one item when all items agree;
//   - given names are joined with spaces, or with "|" when a given name contains a space;
//     family names with spaces, or with "|" when the particle rule would split them otherwise;
//   - a single charge without description ("none" charges) is written as an empty charges
//     field with its charge_status.
// A record that cannot be written so that it reads back the same is refused with kInvalid
// (an item containing "|", an empty alias or nationality, a charge without description next to
// other charges); a failing stream gives kCannotWrite.
#pragma once

#include <ostream>
#include <span>

#include "core/status.h"
#include "registry/columns.h"
#include "registry/person.h"

namespace canje::registry {

// The columns written, in order.
std::span<const Column> ExportColumns();

class CsvRecordWriter {
 public:
  // `out` must outlive the writer.
  explicit CsvRecordWriter(std::ostream& out) : out_(&out) {}
  // Writes the header first, then the record as one row.
  Status Write(const PersonRecord& record);
  // Writes the header if no record was written; flushes and checks the stream.
  Status Finish();

 private:
  Status WriteHeaderOnce();
  std::ostream* out_;
  bool header_written_ = false;
  std::string line_;
};

class JsonRecordWriter {
 public:
  explicit JsonRecordWriter(std::ostream& out) : out_(&out) {}
  // Writes the record as one object on its own line.
  Status Write(const PersonRecord& record);
  // Closes the array (writing "[]" if no record was written); flushes and checks the stream.
  Status Finish();

 private:
  std::ostream* out_;
  size_t written_ = 0;
};

}  // namespace canje::registry
