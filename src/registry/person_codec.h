// The binary form in which a PersonRecord, or a raw list row, is sealed in the store.
//
// Format: a version byte, then the fields of version 1 in a fixed order, then each plain text
// field added since (person_fields.h), version by version: a version's plain text fields in
// their table's order, then its other fields. A string is a varint length and its bytes, a list
// a varint count and its items, an optional a presence byte. Version 2 added the place of birth;
// version 3 the patronymic, rank, unit, service number and place of capture (texts), then the
// status under humanitarian law (a byte: IhlStatus) and the date of capture. Compact and
// fast, because a million rows are sealed during one import. Decoding checks every length and
// fails with kInvalid on anything malformed, never reading past the end.
//
// Records are sealed once and read for years, so every version ever written stays readable. A
// plain text field is added by its entry in person_fields.h, which raises the version and
// appends the field; any other field: write and read it after the text fields of its version
// (see version 3 in person_codec.cc), and decode it only from records whose version byte says
// it is there (older records get the
// field's empty value); never reorder or drop a field. Before changing the encoding, add a store written by today's
// canje to tests/stores/ (its README says how): src/cli/store_compatibility_test.cc then proves
// that the new canje still reads the old records.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "registry/person.h"

namespace canje::registry {

std::string EncodePersonRecord(const PersonRecord& record);
// The record as version `version` (1 to the latest) wrote it: the fields added later are left
// out. For hashes that must not change when the encoding grows (record_fingerprint.h).
std::string EncodePersonRecordAtVersion(const PersonRecord& record, int version);
Result<PersonRecord> DecodePersonRecord(std::string_view bytes);

// A raw row as it came: its keys (empty for CSV, whose header is kept with the list) and values.
struct RawRow {
  std::vector<std::string> keys;
  std::vector<std::string> values;
  friend bool operator==(const RawRow&, const RawRow&) = default;
};
std::string EncodeRawRow(const std::vector<std::string>& keys,
                         const std::vector<std::string>& values);
Result<RawRow> DecodeRawRow(std::string_view bytes);

}  // namespace canje::registry
