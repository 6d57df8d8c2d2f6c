#include "registry/record_parser.h"

#include <algorithm>
#include <array>

#include "registry/categories.h"
#include "registry/countries.h"
#include "registry/enumerated_fields.h"
#include "registry/person_fields.h"
#include "registry/person_name.h"
#include "registry/text_fold.h"
#include "core/utf8.h"

namespace canje::registry {
namespace {

std::string_view DocumentTypeOf(std::string_view text, std::string* storage) {
  *storage = FoldForMatching(text);
  if (*storage == "cedula" || *storage == "cedula_de_identidad" || *storage == "ci") {
    return "cedula";
  }
  if (*storage == "pasaporte" || *storage == "passport") return "passport";
  return *storage;
}

bool IsWellFormedPartyCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 32) return false;
  for (char c : code) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

// Whether `a` lies after `b` when compared at the coarser of their precisions.
bool LaterThan(const PartialDate& a, const PartialDate& b) {
  if (a.year != b.year) return a.year > b.year;
  if (a.precision == PartialDate::Precision::kYear ||
      b.precision == PartialDate::Precision::kYear) {
    return false;
  }
  if (a.month != b.month) return a.month > b.month;
  if (a.precision == PartialDate::Precision::kMonth ||
      b.precision == PartialDate::Precision::kMonth) {
    return false;
  }
  return a.day > b.day;
}

}  // namespace

size_t MaxLength(Column column) {
  if (IsNameColumn(column)) return 200;
  if (const PersonTextField* text = FindPersonTextField(column)) return text->max_chars;
  switch (column) {
    case Column::kAliases:
      return 1000;
    case Column::kCategories:
      return 500;
    case Column::kCharges:
      return 2000;
    default:
      return 100;
  }
}

std::string ListSeparatorsFor(char csv_delimiter) { return csv_delimiter == ';' ? "|" : "|;"; }

std::vector<std::string_view> SplitListField(std::string_view text, std::string_view separators) {
  if (text.find('|') == std::string_view::npos) return SplitList(text, separators);
  std::vector<std::string_view> items = SplitList(text, "|");
  if (TrimSpace(text).ends_with('|')) items.pop_back();
  return items;
}

struct RecordParser::Context {
  const Row& row;
  std::vector<FieldError>* errors;
  bool json;
  std::array<Cell, kColumnCount> cells{};
  std::vector<TypedDocumentCell> typed_documents;
  size_t errors_before;

  Cell& at(Column column) { return cells[static_cast<int>(column)]; }
  // The value of a column, empty when absent or already reported.
  std::string_view value(Column column) {
    const Cell& cell = at(column);
    return cell.present && !cell.bad ? cell.value : std::string_view();
  }
  void Error(const Cell& cell, std::string reason) {
    errors->push_back({row.line, cell.column, std::string(cell.name),
                       json ? JsonPath(row.index, cell.name) : std::string(), std::move(reason)});
  }
  void Error(Column column, std::string reason) { Error(at(column), std::move(reason)); }
  bool ok() const { return errors->size() == errors_before; }
};

RecordParser::RecordParser(RecordParserOptions options) : options_(std::move(options)) {}

bool RecordParser::ParseCsvRow(const HeaderMap& header, const Row& row, PersonRecord* record,
                               std::vector<FieldError>* errors) {
  Context context{row, errors, false, {}, {}, errors->size()};
  *record = PersonRecord();
  if (row.values.size() != header.size()) {
    const size_t count = row.values.size();
    const int column = static_cast<int>(std::min(count, header.size()) + 1);
    errors->push_back(
        {row.line, column, "", "",
         "the row has " + std::to_string(count) + (count == 1 ? " field" : " fields") +
             " but the header has " + std::to_string(header.size()) +
             "; check for a missing or extra delimiter, or a delimiter inside a field that is not "
             "quoted"});
    return false;
  }
  for (size_t i = 0; i < row.values.size(); ++i) {
    const HeaderMap::Entry& entry = header.entry(i);
    Cell cell{TrimSpace(row.values[i]), entry.name, static_cast<int>(i + 1), true, false};
    if (entry.match.column == Column::kDocument && !entry.match.document_type.empty()) {
      context.typed_documents.push_back({cell, entry.match.document_type});
    } else {
      context.at(entry.match.column) = cell;
    }
  }
  // Reader errors: name the column, and do not parse those cells further.
  for (const FieldError& error : row.errors) {
    FieldError named = error;
    if (error.column >= 1 && static_cast<size_t>(error.column) <= header.size()) {
      const HeaderMap::Entry& entry = header.entry(static_cast<size_t>(error.column - 1));
      named.column_name = entry.name;
      if (entry.match.column == Column::kDocument && !entry.match.document_type.empty()) {
        for (TypedDocumentCell& typed : context.typed_documents) {
          if (typed.cell.column == error.column) typed.cell.bad = true;
        }
      } else {
        context.at(entry.match.column).bad = true;
      }
    }
    errors->push_back(std::move(named));
  }
  ParseCells(context, record);
  return context.ok();
}

bool RecordParser::ParseJsonRow(const Row& row, PersonRecord* record,
                                std::vector<FieldError>* errors) {
  Context context{row, errors, true, {}, {}, errors->size()};
  *record = PersonRecord();
  for (const FieldError& error : row.errors) errors->push_back(error);
  if (!row.errors.empty()) return false;
  if (row.keys != last_keys_) {
    last_keys_ = row.keys;
    last_matches_.clear();
    for (const std::string& key : row.keys) last_matches_.push_back(MatchColumnName(key));
  }
  std::vector<ColumnMatch> matches;
  std::vector<std::string> names;
  for (size_t i = 0; i < row.keys.size(); ++i) {
    const std::string& key = row.keys[i];
    Cell cell{TrimSpace(row.values[i]), key, 0, true, false};
    if (!last_matches_[i]) {
      context.Error(cell, UnknownColumnReason(key));
      continue;
    }
    const ColumnMatch& match = *last_matches_[i];
    matches.push_back(match);
    names.push_back(key);
    if (match.column == Column::kDocument && !match.document_type.empty()) {
      context.typed_documents.push_back({cell, match.document_type});
    } else {
      context.at(match.column) = cell;
    }
  }
  for (const auto& [index, reason] : CheckColumnSet(matches, names)) {
    context.Error(Cell{{}, names[index], 0, true, false}, reason);
  }
  if (!context.ok()) return false;
  ParseCells(context, record);
  return context.ok();
}

void RecordParser::ParseCells(Context& context, PersonRecord* record) {
  *record = PersonRecord();
  // Lengths first: an over-long value is reported once and not parsed further.
  auto check_length = [&](Cell& cell, Column column) {
    if (!cell.present || cell.bad) return;
    const size_t length = CountCodePoints(cell.value);
    const size_t limit = MaxLength(column);
    if (length > limit) {
      context.Error(cell, "the value is " + std::to_string(length) +
                              " characters long; the limit for " +
                              std::string(CanonicalColumnName(column)) + " is " +
                              std::to_string(limit));
      cell.bad = true;
    }
  };
  for (Column column : AllColumns()) check_length(context.at(column), column);
  for (TypedDocumentCell& typed : context.typed_documents) {
    check_length(typed.cell, Column::kDocument);
  }

  for (const PersonTextField& text : PersonTextFields()) {
    text.of(*record) = std::string(context.value(text.column));
  }
  ParseNames(context, record);

  const std::string& separators = options_.list_separators;
  if (std::string_view aliases = context.value(Column::kAliases); !aliases.empty()) {
    for (std::string_view alias : SplitListField(aliases, separators)) {
      if (!alias.empty()) record->aliases.push_back(CollapseSpaces(alias));
    }
  }
  if (Result<Sex> sex = ParseSex(context.value(Column::kSex)); sex.ok()) {
    record->sex = *sex;
  } else {
    context.Error(Column::kSex, sex.status().message());
  }
  if (std::string_view text = context.value(Column::kDateOfBirth); !text.empty()) {
    Result<PartialDate> date = ParseDate(text, options_.date_order);
    Status status = date.ok() ? CheckDateOfBirth(*date, options_.today) : date.status();
    if (status.ok()) {
      record->date_of_birth = *date;
    } else {
      context.Error(Column::kDateOfBirth, status.message());
    }
  }
  if (std::string_view text = context.value(Column::kNationality); !text.empty()) {
    for (std::string_view item : SplitListField(text, separators)) {
      if (item.empty()) continue;
      Result<std::string> code = ParseCountryCode(item);
      if (!code.ok()) {
        context.Error(Column::kNationality, code.status().message());
      } else if (std::find(record->nationalities.begin(), record->nationalities.end(), *code) ==
                 record->nationalities.end()) {
        record->nationalities.push_back(*code);
      }
    }
  }
  ParseDocuments(context, record);
  ParseCustody(context, record);
  ParseCharges(context, record);
  if (Result<std::optional<bool>> evidence = ParseYesNo(context.value(Column::kEvidenceDisclosed));
      evidence.ok()) {
    record->evidence_disclosed = *evidence;
  } else {
    context.Error(Column::kEvidenceDisclosed, evidence.status().message());
  }
  if (Result<std::vector<std::string>> categories =
          ParseCategories(SplitListField(context.value(Column::kCategories), separators));
      categories.ok()) {
    record->categories = std::move(*categories);
  } else {
    context.Error(Column::kCategories, categories.status().message());
  }
  if (Result<ReportedStatus> status = ParseReportedStatus(context.value(Column::kStatus));
      status.ok()) {
    record->status = *status;
  } else {
    context.Error(Column::kStatus, status.status().message());
  }
  ParseCapture(context, record);
}

void RecordParser::ParseCapture(Context& context, PersonRecord* record) {
  if (Result<IhlStatus> status = ParseIhlStatus(context.value(Column::kIhlStatus)); status.ok()) {
    record->ihl_status = *status;
  } else {
    context.Error(Column::kIhlStatus, status.status().message());
  }
  record->date_of_capture =
      ParseDateInLife(context, Column::kDateOfCapture, "date of capture", *record);
}

std::optional<PartialDate> RecordParser::ParseDateInLife(Context& context, Column column,
                                                         std::string_view what,
                                                         const PersonRecord& record) {
  const std::string_view text = context.value(column);
  if (text.empty()) return std::nullopt;
  Result<PartialDate> date = ParseDate(text, options_.date_order);
  Status status = date.ok() ? CheckNotInFuture(*date, options_.today, what) : date.status();
  if (status.ok() && record.date_of_birth && LaterThan(*record.date_of_birth, *date)) {
    status = Status::Invalid(std::string(what) + " " + date->ToIso() +
                             " is before the date of birth " + record.date_of_birth->ToIso());
  }
  if (!status.ok()) {
    context.Error(column, status.message());
    return std::nullopt;
  }
  return *date;
}

void RecordParser::ParseNames(Context& context, PersonRecord* record) {
  PersonName& name = record->name;
  name.patronymic = CollapseSpaces(context.value(Column::kPatronymic));
  if (std::string_view given = context.value(Column::kGivenNames); !given.empty()) {
    name.given_names = SplitGivenNames(given);
  }
  for (Column part : {Column::kFirstGivenName, Column::kSecondGivenName}) {
    for (std::string& word : SplitGivenNames(context.value(part))) {
      name.given_names.push_back(std::move(word));
    }
  }
  if (std::string_view family = context.value(Column::kFamilyNames); !family.empty()) {
    name.family_names = SplitFamilyNames(family);
  }
  for (Column part : {Column::kFirstFamilyName, Column::kSecondFamilyName}) {
    std::string surname = CollapseSpaces(context.value(part));
    if (!surname.empty()) name.family_names.push_back(std::move(surname));
  }
  if (name.given_names.empty() && name.family_names.empty()) {
    PersonName full = SplitFullName(context.value(Column::kFullName), options_.name_order);
    // A patronymic column says it better than the full name's order.
    if (!name.patronymic.empty()) full.patronymic = std::move(name.patronymic);
    name = std::move(full);
  }
  if (!name.given_names.empty() || !name.family_names.empty()) return;
  // No name. Do not add to an error already reported on a name cell (too long, bad UTF-8).
  const Cell* first_name_cell = nullptr;
  for (Column column : AllColumns()) {
    const Cell& cell = context.at(column);
    if (!IsNameColumn(column) || !cell.present) continue;
    if (cell.bad) return;
    if (first_name_cell == nullptr) first_name_cell = &cell;
  }
  Cell where;
  if (first_name_cell != nullptr) where = *first_name_cell;
  context.Error(where, "missing name: the name columns are empty; every row needs given_names "
                       "and/or family_names, or full_name");
}

void RecordParser::ParseDocuments(Context& context, PersonRecord* record) {
  const std::string& separators = options_.list_separators;
  std::string storage;
  // Typed columns: "cedula", "pasaporte".
  for (const TypedDocumentCell& typed : context.typed_documents) {
    if (!typed.cell.present || typed.cell.bad) continue;
    for (std::string_view number : SplitListField(typed.cell.value, separators)) {
      if (!number.empty()) record->documents.push_back({std::string(typed.type), std::string(number), ""});
    }
  }
  // The document column with document_type and document_country as parallel lists.
  const std::vector<std::string_view> numbers =
      SplitListField(context.value(Column::kDocument), separators);
  const std::vector<std::string_view> types =
      SplitListField(context.value(Column::kDocumentType), separators);
  const std::vector<std::string_view> countries =
      SplitListField(context.value(Column::kDocumentCountry), separators);
  auto aligned = [&](const std::vector<std::string_view>& items, Column column) {
    if (items.size() <= 1 || items.size() == numbers.size()) return true;
    context.Error(column, std::to_string(items.size()) + " items for " +
                              std::to_string(numbers.size()) +
                              " documents; give one item for all, or one per document in "
                              "the same order");
    return false;
  };
  if (!aligned(types, Column::kDocumentType) || !aligned(countries, Column::kDocumentCountry)) {
    return;
  }
  auto item = [](const std::vector<std::string_view>& items, size_t index) {
    if (items.empty()) return std::string_view();
    return items.size() == 1 ? items[0] : items[index];
  };
  for (size_t i = 0; i < numbers.size(); ++i) {
    if (numbers[i].empty()) continue;
    IdentityDocument document;
    document.number = std::string(numbers[i]);
    document.type = std::string(DocumentTypeOf(item(types, i), &storage));
    if (std::string_view country = item(countries, i); !country.empty()) {
      Result<std::string> code = ParseCountryCode(country);
      if (!code.ok()) {
        context.Error(Column::kDocumentCountry, code.status().message());
        continue;
      }
      document.country = *code;
    }
    record->documents.push_back(std::move(document));
  }
}

void RecordParser::ParseCustody(Context& context, PersonRecord* record) {
  if (std::string_view text = context.value(Column::kHolder); !text.empty()) {
    const std::string code = ToUpperAscii(text);
    if (!IsWellFormedPartyCode(code)) {
      context.Error(Column::kHolder,
                    "holder '" + std::string(text) +
                        "' is not a party code; write the party's code, such as SLV or ICRC");
    } else if (options_.party_exists && !options_.party_exists(code)) {
      context.Error(Column::kHolder, "unknown party code '" + code +
                                         "'; add the party first (canje party add " + code +
                                         " --name ...) or correct the code");
    } else {
      record->holder = code;
    }
  }
  record->custody_since = ParseDateInLife(context, Column::kCustodySince, "custody date", *record);
}

void RecordParser::ParseCharges(Context& context, PersonRecord* record) {
  const std::vector<std::string_view> descriptions =
      SplitListField(context.value(Column::kCharges), options_.list_separators);
  std::vector<std::string> statuses;
  for (std::string_view text :
       SplitListField(context.value(Column::kChargeStatus), options_.list_separators)) {
    Result<std::string> status = ParseChargeStatus(text);
    if (!status.ok()) {
      context.Error(Column::kChargeStatus, status.status().message());
      return;
    }
    statuses.push_back(std::move(*status));
  }
  if (descriptions.empty()) {
    if (statuses.size() == 1 && !statuses[0].empty()) {
      record->charges.push_back({"", statuses[0]});  // e.g. "none": known to have no charges
    } else if (statuses.size() > 1) {
      context.Error(Column::kChargeStatus,
                    "several charge statuses but no charges; give the charges in the charges "
                    "column, in the same order");
    }
    return;
  }
  if (statuses.size() > 1 && statuses.size() != descriptions.size()) {
    context.Error(Column::kChargeStatus,
                  std::to_string(statuses.size()) + " charge statuses for " +
                      std::to_string(descriptions.size()) +
                      " charges; give one status for all, or one per charge in the same order");
    return;
  }
  for (size_t i = 0; i < descriptions.size(); ++i) {
    if (descriptions[i].empty()) continue;
    std::string status = statuses.empty() ? "" : statuses.size() == 1 ? statuses[0] : statuses[i];
    record->charges.push_back({std::string(descriptions[i]), std::move(status)});
  }
}

}  // namespace canje::registry
