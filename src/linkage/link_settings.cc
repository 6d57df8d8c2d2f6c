#include "linkage/link_settings.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/utf8.h"
#include "registry/dates.h"

namespace canje::linkage {
namespace {

using Json = nlohmann::ordered_json;

struct Position {
  int line = 1;
  int column = 1;
};

Position PositionOfOffset(std::string_view text, std::size_t offset) {
  Position position;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++position.column;
    }
  }
  return position;
}

// Positions of values in the settings text, found by their key and its occurrence in document
// order (nlohmann::json keeps no positions).
class Locator {
 public:
  explicit Locator(std::string_view text) : text_(text) {}

  // The position of the value of the `occurrence`-th (0-based) `"key":` in the text; the first
  // one if there are fewer; line 1, column 1 if none. `value_json` is unused but documents what
  // is looked for.
  Position Find(std::string_view key, std::string_view /*value_json*/, int occurrence) const {
    const std::string quoted_key = "\"" + std::string(key) + "\"";
    std::size_t from = 0;
    Position first;
    bool have_first = false;
    while (true) {
      const std::size_t at = text_.find(quoted_key, from);
      if (at == std::string_view::npos) break;
      from = at + 1;
      std::size_t i = at + quoted_key.size();
      while (i < text_.size() && std::isspace(static_cast<unsigned char>(text_[i]))) ++i;
      if (i >= text_.size() || text_[i] != ':') continue;
      ++i;
      while (i < text_.size() && std::isspace(static_cast<unsigned char>(text_[i]))) ++i;
      const Position position = PositionOfOffset(text_, i);
      if (!have_first) {
        first = position;
        have_first = true;
      }
      if (occurrence-- == 0) return position;
    }
    return first;
  }

 private:
  std::string_view text_;
};

struct Context {
  std::string_view file_name;
  const Locator* locator;

  Status Error(Position position, const std::string& message) const {
    return Status::Invalid(std::string(file_name) + ":" + std::to_string(position.line) + ":" +
                           std::to_string(position.column) + ": " + message);
  }
};

constexpr std::string_view kKindList =
    "given_name, family_name, full_name, patronymic, date, identifier, service_number, exact, "
    "text";

std::optional<FieldKind> FieldKindFromName(std::string_view name) {
  for (FieldKind kind :
       {FieldKind::kGivenName, FieldKind::kFamilyName, FieldKind::kFullName, FieldKind::kDate,
        FieldKind::kIdentifier, FieldKind::kExact, FieldKind::kText, FieldKind::kPatronymic,
        FieldKind::kServiceNumber}) {
    if (FieldKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

Result<SideSettings> ParseSide(const Json& object, std::string_view path, const Context& context,
                               std::vector<int>* occurrences) {
  SideSettings side;
  if (!object.is_object()) {
    return context.Error({}, std::string(path) + " must be an object with \"id\" and \"fields\"");
  }
  for (const auto& [key, value] : object.items()) {
    if (key != "id" && key != "fields" && key != "threshold" && key != "left" && key != "right") {
      return context.Error(context.locator->Find(key, "", 0),
                           "unknown key '" + key + "' in " + std::string(path) +
                               "; keys are id, threshold, fields (or left and right)");
    }
  }
  if (!object.contains("id") || !object["id"].is_string() ||
      object["id"].get<std::string>().empty()) {
    return context.Error(context.locator->Find("id", "", (*occurrences)[0]),
                         std::string(path) + ".id must name the column of record ids");
  }
  side.id_column = object["id"].get<std::string>();
  {
    const Position p = context.locator->Find("id", Json(side.id_column).dump(), (*occurrences)[0]);
    side.id_line = p.line;
    side.id_column_in_settings = p.column;
    ++(*occurrences)[0];
  }
  if (!object.contains("fields") || !object["fields"].is_array() || object["fields"].empty()) {
    return context.Error(context.locator->Find("fields", "", 0),
                         std::string(path) + ".fields must be a non-empty array");
  }
  int index = 0;
  for (const Json& field : object["fields"]) {
    const std::string field_path = std::string(path) + ".fields[" + std::to_string(index) + "]";
    ++index;
    if (!field.is_object() || !field.contains("column") || !field["column"].is_string()) {
      return context.Error(context.locator->Find("fields", "", 0),
                           field_path + " must be an object with \"column\" and \"kind\"");
    }
    FieldSettings settings;
    settings.column = field["column"].get<std::string>();
    const Position column_position =
        context.locator->Find("column", Json(settings.column).dump(), (*occurrences)[1]++);
    settings.line = column_position.line;
    settings.column_in_settings = column_position.column;
    if (!field.contains("kind") || !field["kind"].is_string()) {
      return context.Error(column_position,
                           field_path + " has no \"kind\"; kinds are " + std::string(kKindList));
    }
    const std::string kind_name = field["kind"].get<std::string>();
    const Position kind_position =
        context.locator->Find("kind", Json(kind_name).dump(), (*occurrences)[2]++);
    const std::optional<FieldKind> kind = FieldKindFromName(kind_name);
    if (!kind) {
      return context.Error(kind_position, field_path + ": unknown kind '" + kind_name +
                                              "'; kinds are " + std::string(kKindList));
    }
    settings.kind = *kind;
    for (const auto& [key, value] : field.items()) {
      if (key != "column" && key != "kind" && key != "format") {
        return context.Error(context.locator->Find(key, "", 0),
                             field_path + ": unknown key '" + key +
                                 "'; a field has column, kind and (for dates) format");
      }
    }
    if (field.contains("format")) {
      const Position format_position = context.locator->Find("format", "", (*occurrences)[3]++);
      if (!field["format"].is_string() || *kind != FieldKind::kDate) {
        return context.Error(format_position,
                             field_path + ": \"format\" is a string, for date fields only");
      }
      Result<DateFormat> format = DateFormat::Parse(field["format"].get<std::string>());
      if (!format.ok())
        return context.Error(format_position, field_path + ": " + format.status().message());
      settings.format = std::move(format).value();
    }
    side.fields.push_back(std::move(settings));
  }
  return side;
}

struct KindCounts {
  int names = 0, dates = 0, identifiers = 0, exact = 0, text = 0, patronymics = 0,
      service_numbers = 0;
};

KindCounts CountKinds(const SideSettings& side) {
  KindCounts counts;
  for (const FieldSettings& field : side.fields) {
    switch (field.kind) {
      case FieldKind::kGivenName:
      case FieldKind::kFamilyName:
      case FieldKind::kFullName:
        ++counts.names;
        break;
      case FieldKind::kDate:
        ++counts.dates;
        break;
      case FieldKind::kIdentifier:
        ++counts.identifiers;
        break;
      case FieldKind::kExact:
        ++counts.exact;
        break;
      case FieldKind::kText:
        ++counts.text;
        break;
      case FieldKind::kPatronymic:
        ++counts.patronymics;
        break;
      case FieldKind::kServiceNumber:
        ++counts.service_numbers;
        break;
    }
  }
  return counts;
}

}  // namespace

std::string_view FieldKindName(FieldKind kind) {
  switch (kind) {
    case FieldKind::kGivenName:
      return "given_name";
    case FieldKind::kFamilyName:
      return "family_name";
    case FieldKind::kFullName:
      return "full_name";
    case FieldKind::kDate:
      return "date";
    case FieldKind::kIdentifier:
      return "identifier";
    case FieldKind::kExact:
      return "exact";
    case FieldKind::kText:
      return "text";
    case FieldKind::kPatronymic:
      return "patronymic";
    case FieldKind::kServiceNumber:
      return "service_number";
  }
  return "exact";
}

Result<DateFormat> DateFormat::Parse(std::string_view pattern) {
  int years = 0, months = 0, days = 0;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern.substr(i, 4) == "YYYY") {
      ++years;
      i += 4;
    } else if (pattern.substr(i, 2) == "MM") {
      ++months;
      i += 2;
    } else if (pattern.substr(i, 2) == "DD") {
      ++days;
      i += 2;
    } else if (pattern[i] == '/' || pattern[i] == '-' || pattern[i] == '.' || pattern[i] == ' ') {
      ++i;
    } else {
      return Status::Invalid("date format '" + std::string(pattern) +
                             "' is not made of YYYY, MM, DD and separators / - . (e.g. "
                             "\"YYYYMMDD\", \"DD/MM/YYYY\")");
    }
  }
  if (years != 1 || months != 1 || days != 1) {
    return Status::Invalid("date format '" + std::string(pattern) +
                           "' must contain YYYY, MM and DD once each");
  }
  DateFormat format;
  if (pattern != "YYYY-MM-DD") format.pattern_ = std::string(pattern);
  return format;
}

ComparableDate DateFormat::Read(std::string_view text) const {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  if (text.empty()) return ComparableDate::Missing();
  if (pattern_.empty()) {
    Result<registry::PartialDate> parsed = registry::ParseDate(text);
    if (!parsed.ok()) return ComparableDate::Missing();
    const registry::PartialDate& date = *parsed;
    switch (date.precision) {
      case registry::PartialDate::Precision::kYear:
        return ComparableDate::Year(date.year);
      case registry::PartialDate::Precision::kMonth:
        return ComparableDate::Month(date.year, date.month);
      case registry::PartialDate::Precision::kDay:
        return ComparableDate::Day(date.year, date.month, date.day);
    }
    return ComparableDate::Missing();
  }
  int year = 0, month = 0, day = 0;
  std::size_t at = 0;
  const std::string_view pattern = pattern_;
  auto read_number = [&](int max_digits, bool flexible, int* out) {
    int digits = 0;
    int value = 0;
    while (at < text.size() && digits < max_digits && text[at] >= '0' && text[at] <= '9') {
      value = value * 10 + (text[at] - '0');
      ++at;
      ++digits;
    }
    *out = value;
    return flexible ? digits >= 1 : digits == max_digits;
  };
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern.substr(i, 4) == "YYYY") {
      if (!read_number(4, false, &year)) return ComparableDate::Missing();
      i += 4;
    } else if (pattern.substr(i, 2) == "MM" || pattern.substr(i, 2) == "DD") {
      const bool next_is_token =
          i + 2 < pattern.size() &&
          (pattern[i + 2] == 'Y' || pattern[i + 2] == 'M' || pattern[i + 2] == 'D');
      const bool previous_is_token =
          i > 0 && (pattern[i - 1] == 'Y' || pattern[i - 1] == 'M' || pattern[i - 1] == 'D');
      const bool flexible = !next_is_token && !previous_is_token;
      int* target = pattern[i] == 'M' ? &month : &day;
      if (!read_number(2, flexible, target)) return ComparableDate::Missing();
      i += 2;
    } else {
      if (at >= text.size() || text[at] != pattern[i]) return ComparableDate::Missing();
      ++at;
      ++i;
    }
  }
  if (at != text.size()) return ComparableDate::Missing();
  const ComparableDate date = ComparableDate::Day(year, month, day);
  return date.IsValid() ? date : ComparableDate::Missing();
}

Result<LinkSettings> ParseLinkSettings(std::string_view json_text, std::string_view file_name) {
  const Locator locator(json_text);
  const Context context{file_name, &locator};
  Json root;
  try {
    root = Json::parse(json_text);
  } catch (const Json::parse_error& error) {
    const Position position = PositionOfOffset(json_text, error.byte > 0 ? error.byte - 1 : 0);
    std::string what = error.what();
    const std::size_t colon = what.find("syntax error");
    // The parser's text quotes the bytes it read, which may not be UTF-8.
    return context.Error(position, "not valid JSON (" +
                                       QuoteUntrusted(colon == std::string::npos
                                                          ? std::string_view(what)
                                                          : std::string_view(what).substr(colon),
                                                      300) +
                                       ")");
  } catch (const Json::exception& error) {
    // Well-formed JSON the parser cannot hold, such as a number beyond a double.
    return context.Error({}, "not readable JSON (" + QuoteUntrusted(error.what(), 300) + ")");
  }
  if (!root.is_object()) return context.Error({}, "settings must be a JSON object");
  LinkSettings settings;
  settings.file_name = std::string(file_name);
  if (root.contains("threshold")) {
    const Json& threshold = root["threshold"];
    if (!threshold.is_number() || threshold.get<double>() < 0 || threshold.get<double>() > 1) {
      return context.Error(locator.Find("threshold", "", 0),
                           "threshold must be a number from 0 to 1");
    }
    settings.threshold = threshold.get<double>();
  }
  std::vector<int> occurrences(4, 0);  // id, column, kind, format
  if (root.contains("left") || root.contains("right")) {
    if (!root.contains("left") || !root.contains("right")) {
      return context.Error(locator.Find(root.contains("left") ? "left" : "right", "", 0),
                           "give both \"left\" and \"right\", or neither");
    }
    for (const auto& [key, value] : root.items()) {
      if (key != "left" && key != "right" && key != "threshold") {
        return context.Error(locator.Find(key, "", 0),
                             "unknown key '" + key +
                                 "'; with left and right, the top level has "
                                 "only left, right and threshold");
      }
    }
    CANJE_ASSIGN_OR_RETURN(settings.left, ParseSide(root["left"], "left", context, &occurrences));
    CANJE_ASSIGN_OR_RETURN(settings.right,
                           ParseSide(root["right"], "right", context, &occurrences));
    settings.two_shapes = true;
    const KindCounts left = CountKinds(settings.left);
    const KindCounts right = CountKinds(settings.right);
    auto mismatch = [&](std::string_view what) {
      return context.Error(locator.Find("right", "", 0),
                           "left and right have different numbers of " + std::string(what) +
                               " fields; such fields are paired by position");
    };
    if ((left.names > 0) != (right.names > 0)) return mismatch("name");
    if ((left.identifiers > 0) != (right.identifiers > 0)) return mismatch("identifier");
    if (left.dates != right.dates) return mismatch("date");
    if (left.exact != right.exact) return mismatch("exact");
    if (left.text != right.text) return mismatch("text");
    if (left.patronymics != right.patronymics) return mismatch("patronymic");
    if (left.service_numbers != right.service_numbers) return mismatch("service_number");
  } else {
    CANJE_ASSIGN_OR_RETURN(settings.left, ParseSide(root, "settings", context, &occurrences));
    settings.right = settings.left;
  }
  for (const SideSettings* side : {&settings.left, &settings.right}) {
    int given = 0, family = 0, full = 0;
    for (const FieldSettings& field : side->fields) {
      given += field.kind == FieldKind::kGivenName;
      family += field.kind == FieldKind::kFamilyName;
      full += field.kind == FieldKind::kFullName;
    }
    const KindCounts counts = CountKinds(*side);
    if (counts.patronymics > 1 || counts.service_numbers > 1) {
      return context.Error({}, "a side has at most one patronymic and one service_number field");
    }
    if (counts.patronymics > 0 && given + family + full == 0) {
      return context.Error({}, "a patronymic field needs the name fields it belongs to "
                               "(given_name and family_name, or full_name)");
    }
    if (given > 1 || family > 1 || full > 1 || (full > 0 && given + family > 0)) {
      return context.Error({},
                           "a side has at most one given_name and one family_name field, "
                           "or one full_name field");
    }
  }
  return settings;
}

Result<LinkSettings> ReadLinkSettingsFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Invalid(path + ": cannot read the settings file");
  std::ostringstream text;
  text << in.rdbuf();
  return ParseLinkSettings(text.str(), path);
}

}  // namespace canje::linkage
