// Settings of a linkage run (`canje link --settings S.json`): which columns hold what.
//
// Form (docs/formats.md):
//   {"id": COLUMN, "threshold": P,
//    "fields": [{"column": C, "kind": K, "format": F}, ...]}
// or, when the two lists differ in shape,
//   {"threshold": P, "left": {"id": ..., "fields": [...]}, "right": {"id": ..., "fields": [...]}}
// Kinds: given_name, family_name, full_name (split as a person would read it, see
// registry/person_name.h), patronymic, date (with an optional format), identifier,
// service_number, exact, text.
//
// How fields of the two sides are compared: the name fields of a side (given_name, family_name
// or full_name) make one person name, compared as given and family names; date, exact and text
// fields are paired by their position among the fields of that kind (the first date of the left
// with the first date of the right, ...); all identifier fields of a record are one set of
// document numbers (the best agreement of any two counts). A patronymic field (at most one, with
// the name fields) is compared on its own, as given names are, "missing" when either record has
// none; a service_number field (at most one) is compared on its own like a document number, so
// that it is never confused with a passport number. Both sides must therefore have the same
// number of date, exact, text, patronymic and service_number fields, and both or neither some
// name and identifier.
//
// Errors name the settings file, and the line and column of the offending value.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "linkage/date_comparison.h"

namespace canje::linkage {

enum class FieldKind {
  kGivenName,
  kFamilyName,
  kFullName,
  kDate,
  kIdentifier,
  kExact,
  kText,
  kPatronymic,
  kServiceNumber,
};

std::string_view FieldKindName(FieldKind kind);

// A date layout built from YYYY, MM and DD and separators: "YYYYMMDD", "DD/MM/YYYY",
// "MM/DD/YYYY", "DD.MM.YYYY", "YYYY-MM-DD". Empty (the default) means ISO 8601 as read by
// registry::ParseDate ("1990", "1990-04", "1990-04-03"). Next to a separator, MM and DD may be
// written with one digit ("3/4/1990").
class DateFormat {
 public:
  DateFormat() = default;
  // kInvalid with the reason when `pattern` is not made of YYYY, MM, DD and separators, each of
  // YYYY, MM and DD exactly once.
  static Result<DateFormat> Parse(std::string_view pattern);
  // The date, or Missing() when the text is empty, does not fit the format or names no real day.
  ComparableDate Read(std::string_view text) const;
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
};

struct FieldSettings {
  std::string column;  // as in the header (compared trimmed)
  FieldKind kind = FieldKind::kExact;
  DateFormat format;  // dates only
  int line = 0;       // where the field's "column" value is in the settings file (1-based)
  int column_in_settings = 0;
};

struct SideSettings {
  std::string id_column;
  int id_line = 0;
  int id_column_in_settings = 0;
  std::vector<FieldSettings> fields;
};

struct LinkSettings {
  std::string file_name;  // the settings file, for messages
  std::optional<double> threshold;
  SideSettings left;
  SideSettings right;  // equal to `left` unless the settings have "left" and "right"
  bool two_shapes = false;
};

// Parses settings JSON. `file_name` is used in messages ("S.json:4:17: unknown kind 'nmae';
// kinds are ...").
Result<LinkSettings> ParseLinkSettings(std::string_view json_text, std::string_view file_name);

// Reads and parses a settings file.
Result<LinkSettings> ReadLinkSettingsFile(const std::string& path);

}  // namespace canje::linkage
