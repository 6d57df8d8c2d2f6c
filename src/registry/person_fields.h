// The fields of a person record that are one text as a list writes it, described once.
//
// The record's own id, the facility, the legal basis, the notes, and every text field added
// since (the place of birth; the patronymic, rank, unit, service number and place of capture)
// are plain texts: read from their column as written, limited in
// length, exported to the same column, sealed with the record, shown on the person's page. The
// parser (record_parser.h), the export (record_writer.h), the sealed encoding (person_codec.h),
// the JSON (wire/registry_json.h) and the text view of `canje person show` all read this table,
// so that adding such a field takes: its member (person.h), its column and the names people
// write in headers (columns.{h,cc}), its entry here, the API's schema (server/openapi.json) and
// docs/formats.md.
//
// Contract of the table: entries with since_version 1 are the fields of the first sealed
// encoding, which the codec writes in its fixed order; every later entry is appended to the
// encoding in table order, so later entries have non-decreasing since_version and the newest
// encoding's version is the largest since_version (LatestPersonEncodingVersion). Never reorder,
// remove or renumber an entry: records sealed years ago are read through it.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "registry/columns.h"
#include "registry/person.h"

namespace canje::registry {

struct PersonTextField {
  Column column;             // the column it is read from and exported to
  std::string_view label;    // as `canje person show` names it: "place of birth"
  size_t max_chars;          // the longest value a list may give, in code points
  int since_version;         // the sealed encoding's version that added the field
  bool on_person_page;       // shown with the person (JSON and text view) when not empty;
                             // false for the patronymic, which the page shows with the name
  std::string& (*member)(PersonRecord& record);

  std::string& of(PersonRecord& record) const { return member(record); }
  const std::string& of(const PersonRecord& record) const {
    return member(const_cast<PersonRecord&>(record));
  }
};

// Every text field, in table order.
std::span<const PersonTextField> PersonTextFields();
// The text field read from `column`, or nullptr when the column is not a plain text.
const PersonTextField* FindPersonTextField(Column column);
// The version byte of a person record sealed today.
int LatestPersonEncodingVersion();

}  // namespace canje::registry
