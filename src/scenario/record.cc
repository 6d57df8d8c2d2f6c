#include "scenario/record.h"

#include <cstdio>

#include "scenario/latin_text.h"

namespace canje::scenario {
namespace {

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out.append(separator);
    out.append(parts[i]);
  }
  return out;
}

std::string DateText(const std::optional<Date>& date, const FieldStyle& style) {
  if (!date) return "";
  if (!style.day_first_dates || date->month == 0) return date->ToIso();
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d.%02d.%04d", date->day, date->month, date->year);
  return buffer;
}

}  // namespace

std::string Date::ToIso() const {
  char buffer[16];
  if (month == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d", year);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  }
  return buffer;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string RosterFullName(const Record& record) {
  const std::string family = Join(record.family_names, " ");
  const std::string given = Join(record.given_names, " ");
  if (given.empty()) return UpperCase(family);
  if (family.empty()) return UpperCase(given);
  return UpperCase(family + ", " + given);
}

std::string FieldText(const Record& record, Column column, const FieldStyle& style) {
  const std::string separator(kMultiValueSeparator);
  switch (column) {
    case Column::kRecordId:
      return record.record_id;
    case Column::kGivenNames:
      return Join(record.given_names, " ");
    case Column::kFamilyNames:
      return Join(record.family_names, " ");
    case Column::kFullName:
      return RosterFullName(record);
    case Column::kAliases:
      return Join(record.aliases, separator);
    case Column::kSex:
      return std::string(record.sex == 'F' ? style.female : style.male);
    case Column::kDateOfBirth:
      return DateText(record.date_of_birth, style);
    case Column::kNationality:
      return Join(record.nationalities, separator);
    case Column::kDocument:
      return record.document;
    case Column::kDocumentType:
      return record.document.empty() ? "" : record.document_type;
    case Column::kHolder:
      return record.holder;
    case Column::kFacility:
      return record.facility;
    case Column::kCustodySince:
      return DateText(record.custody_since, style);
    case Column::kLegalBasis:
      return record.legal_basis;
    case Column::kCharges:
      return Join(record.charges, separator);
    case Column::kChargeStatus:
      return record.charge_status;
    case Column::kEvidenceDisclosed:
      return record.evidence_disclosed ? (*record.evidence_disclosed ? "yes" : "no") : "";
    case Column::kCategories:
      return Join(record.categories, separator);
    case Column::kStatus:
      return record.status;
    case Column::kNotes:
      return record.notes;
    case Column::kPatronymic:
      return record.patronymic;
    case Column::kIhlStatus:
      return record.ihl_status;
    case Column::kRank:
      return record.rank;
    case Column::kUnit:
      return record.unit;
    case Column::kServiceNumber:
      return record.service_number;
    case Column::kDateOfCapture:
      return DateText(record.date_of_capture, style);
    case Column::kPlaceOfCapture:
      return record.place_of_capture;
    // Columns of the registry that generated lists do not carry.
    case Column::kFirstGivenName:
    case Column::kSecondGivenName:
    case Column::kFirstFamilyName:
    case Column::kSecondFamilyName:
    case Column::kDocumentCountry:
    case Column::kPlaceOfBirth:
      return "";
  }
  return "";
}

}  // namespace canje::scenario
