#include "registry/record_writer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/csv_writer.h"
#include "core/text.h"
#include "registry/enumerated_fields.h"
#include "registry/person_fields.h"
#include "registry/person_name.h"

namespace canje::registry {
namespace {

// The columns of the first export, in their order; the plain text fields added since
// (person_fields.h) follow, in their table's order, then the other columns added since.
constexpr Column kFirstExportColumns[] = {
    Column::kRecordId,     Column::kGivenNames,       Column::kFamilyNames,
    Column::kAliases,      Column::kSex,              Column::kDateOfBirth,
    Column::kNationality,  Column::kDocument,         Column::kDocumentType,
    Column::kDocumentCountry, Column::kHolder,        Column::kFacility,
    Column::kCustodySince, Column::kLegalBasis,       Column::kCharges,
    Column::kChargeStatus, Column::kEvidenceDisclosed, Column::kCategories,
    Column::kStatus,       Column::kNotes,
};

const std::vector<Column>& AllExportColumns() {
  static const std::vector<Column>* columns = [] {
    auto* all = new std::vector<Column>(std::begin(kFirstExportColumns),
                                        std::end(kFirstExportColumns));
    for (const PersonTextField& text : PersonTextFields()) {
      if (text.since_version > 1) all->push_back(text.column);
    }
    all->push_back(Column::kIhlStatus);
    all->push_back(Column::kDateOfCapture);
    return all;
  }();
  return *columns;
}

// One exported value: a text, or a list (a JSON array; joined for CSV).
struct Value {
  bool is_list = false;
  std::string text;
  std::vector<std::string> items;
};

Value Text(std::string text) { return {false, std::move(text), {}}; }
Value List(std::vector<std::string> items) { return {true, "", std::move(items)}; }

bool HasSpace(std::string_view text) {
  return text.find_first_of(" \t\r\n") != std::string_view::npos ||
         text.find("\xC2\xA0") != std::string_view::npos;
}

// Items joined by "|" so that SplitListField gives them back.
std::string JoinListField(const std::vector<std::string>& items) {
  std::string text;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += '|';
    text += items[i];
  }
  const bool one_item_with_semicolon =
      items.size() == 1 && items[0].find(';') != std::string::npos;
  if (!items.empty() && (items.back().empty() || one_item_with_semicolon)) text += '|';
  return text;
}

// Names: words joined by spaces when that reads back the same, else "|" (with a final "|"
// for a single item).
std::string JoinNames(const std::vector<std::string>& names, bool family) {
  const std::string spaced = JoinWords(names);
  const bool reads_back = family ? SplitFamilyNames(spaced) == names
                                 : std::none_of(names.begin(), names.end(), HasSpace);
  if (reads_back) return spaced;
  std::string text;
  for (const std::string& name : names) text += name + "|";
  if (names.size() > 1) text.pop_back();
  return text;
}

// A parallel list written as one item when every item is the same.
std::vector<std::string> Parallel(std::vector<std::string> items) {
  if (!items.empty() &&
      std::all_of(items.begin(), items.end(), [&](const std::string& i) { return i == items[0]; })) {
    if (items[0].empty()) return {};
    return {items[0]};
  }
  return items;
}

Status CheckItems(const std::vector<std::string>& items, std::string_view what,
                  bool allow_empty) {
  for (const std::string& item : items) {
    if (item.find('|') != std::string::npos) {
      return Status::Invalid(std::string(what) + " '" + item +
                             "' contains '|', which separates list items; it cannot be exported");
    }
    if (!allow_empty && item.empty()) {
      return Status::Invalid("an empty item in " + std::string(what) + " cannot be exported");
    }
  }
  return Status::Ok();
}

std::string DateText(const std::optional<PartialDate>& date) {
  return date ? date->ToIso() : std::string();
}

// The record's values in AllExportColumns() order.
Result<std::vector<Value>> ExportValues(const PersonRecord& record) {
  const std::string who = record.record_id.empty() ? record.name.Display() : record.record_id;
  auto in = [&](Status status) { return status.WithContext("record '" + who + "'"); };
  for (const auto* names : {&record.name.given_names, &record.name.family_names}) {
    if (Status s = CheckItems(*names, "name", false); !s.ok()) return in(s);
  }
  if (Status s = CheckItems(record.aliases, "alias", false); !s.ok()) return in(s);
  if (Status s = CheckItems(record.nationalities, "nationality", false); !s.ok()) return in(s);
  if (Status s = CheckItems(record.categories, "category", false); !s.ok()) return in(s);

  std::vector<std::string> numbers, types, countries;
  for (const IdentityDocument& document : record.documents) {
    numbers.push_back(document.number);
    types.push_back(document.type);
    countries.push_back(document.country);
  }
  if (Status s = CheckItems(numbers, "document number", false); !s.ok()) return in(s);
  if (Status s = CheckItems(types, "document type", true); !s.ok()) return in(s);

  std::vector<std::string> descriptions, statuses;
  const bool only_status = record.charges.size() == 1 && record.charges[0].description.empty();
  if (only_status) {
    statuses.push_back(record.charges[0].status);
  } else {
    for (const Charge& charge : record.charges) {
      descriptions.push_back(charge.description);
      statuses.push_back(charge.status);
    }
    if (Status s = CheckItems(descriptions, "charge", false); !s.ok()) return in(s);
  }

  std::vector<Value> values;
  for (Column column : AllExportColumns()) {
    if (const PersonTextField* text = FindPersonTextField(column)) {
      values.push_back(Text(text->of(record)));
      continue;
    }
    switch (column) {
      case Column::kGivenNames:
        values.push_back(Text(JoinNames(record.name.given_names, false)));
        break;
      case Column::kFamilyNames:
        values.push_back(Text(JoinNames(record.name.family_names, true)));
        break;
      case Column::kAliases:
        values.push_back(List(record.aliases));
        break;
      case Column::kSex:
        values.push_back(Text(std::string(SexName(record.sex))));
        break;
      case Column::kDateOfBirth:
        values.push_back(Text(DateText(record.date_of_birth)));
        break;
      case Column::kNationality:
        values.push_back(List(record.nationalities));
        break;
      case Column::kDocument:
        values.push_back(List(numbers));
        break;
      case Column::kDocumentType:
        values.push_back(List(Parallel(types)));
        break;
      case Column::kDocumentCountry:
        values.push_back(List(Parallel(countries)));
        break;
      case Column::kHolder:
        values.push_back(Text(record.holder));
        break;
      case Column::kCustodySince:
        values.push_back(Text(DateText(record.custody_since)));
        break;
      case Column::kCharges:
        values.push_back(List(descriptions));
        break;
      case Column::kChargeStatus:
        values.push_back(List(Parallel(statuses)));
        break;
      case Column::kEvidenceDisclosed:
        values.push_back(Text(std::string(YesNoName(record.evidence_disclosed))));
        break;
      case Column::kCategories:
        values.push_back(List(record.categories));
        break;
      case Column::kStatus:
        values.push_back(Text(std::string(ReportedStatusName(record.status))));
        break;
      case Column::kIhlStatus:
        values.push_back(Text(std::string(IhlStatusName(record.ihl_status))));
        break;
      case Column::kDateOfCapture:
        values.push_back(Text(DateText(record.date_of_capture)));
        break;
      default:  // not exported: the split name columns and full_name read into the two above
        values.push_back(Text(""));
        break;
    }
  }
  return values;
}

Status StreamStatus(const std::ostream& out) {
  if (!out) return Status::CannotWrite("cannot write the exported list (disk full or closed?)");
  return Status::Ok();
}

}  // namespace

std::span<const Column> ExportColumns() { return AllExportColumns(); }

Status CsvRecordWriter::WriteHeaderOnce() {
  if (header_written_) return Status::Ok();
  header_written_ = true;
  std::vector<std::string> names;
  for (Column column : AllExportColumns()) names.emplace_back(CanonicalColumnName(column));
  WriteCsvRow(names, *out_);
  return StreamStatus(*out_);
}

Status CsvRecordWriter::Write(const PersonRecord& record) {
  CANJE_ASSIGN_OR_RETURN(std::vector<Value> values, ExportValues(record));
  CANJE_RETURN_IF_ERROR(WriteHeaderOnce());
  line_.clear();
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) line_ += ',';
    const Value& value = values[i];
    AppendCsvField(value.is_list ? JoinListField(value.items) : value.text, line_);
  }
  line_ += '\n';
  out_->write(line_.data(), static_cast<std::streamsize>(line_.size()));
  return StreamStatus(*out_);
}

Status CsvRecordWriter::Finish() {
  CANJE_RETURN_IF_ERROR(WriteHeaderOnce());
  out_->flush();
  return StreamStatus(*out_);
}

Status JsonRecordWriter::Write(const PersonRecord& record) {
  CANJE_ASSIGN_OR_RETURN(std::vector<Value> values, ExportValues(record));
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (size_t i = 0; i < values.size(); ++i) {
    const std::string key(CanonicalColumnName(AllExportColumns()[i]));
    if (values[i].is_list) {
      object[key] = values[i].items;
    } else {
      object[key] = values[i].text;
    }
  }
  std::string text;
  try {
    text = object.dump();
  } catch (const nlohmann::json::exception&) {
    return Status::Invalid("a record holds text that is not valid UTF-8; it cannot be exported");
  }
  *out_ << (written_ == 0 ? "[\n" : ",\n") << text;
  ++written_;
  return StreamStatus(*out_);
}

Status JsonRecordWriter::Finish() {
  *out_ << (written_ == 0 ? "[" : "\n") << "]\n";
  out_->flush();
  return StreamStatus(*out_);
}

}  // namespace canje::registry
