#include "registry/person_fields.h"

#include <algorithm>

namespace canje::registry {
namespace {

// See the contract in the header: append new fields at the end, with the next encoding version.
constexpr PersonTextField kTextFields[] = {
    {Column::kRecordId, "record id", 100, 1, false,
     [](PersonRecord& r) -> std::string& { return r.record_id; }},
    {Column::kFacility, "facility", 300, 1, false,
     [](PersonRecord& r) -> std::string& { return r.facility; }},
    {Column::kLegalBasis, "legal basis", 1000, 1, false,
     [](PersonRecord& r) -> std::string& { return r.legal_basis; }},
    {Column::kNotes, "notes", 2000, 1, true,
     [](PersonRecord& r) -> std::string& { return r.notes; }},
    {Column::kPlaceOfBirth, "place of birth", 300, 2, true,
     [](PersonRecord& r) -> std::string& { return r.place_of_birth; }},
    // Version 3: the patronymic (shown with the name, not by this table) and the prisoner of
    // war's texts; the same version adds ihl_status and date_of_capture (person_codec.cc).
    {Column::kPatronymic, "patronymic", 200, 3, false,
     [](PersonRecord& r) -> std::string& { return r.name.patronymic; }},
    {Column::kRank, "rank", 100, 3, true,
     [](PersonRecord& r) -> std::string& { return r.rank; }},
    {Column::kUnit, "unit", 300, 3, true,
     [](PersonRecord& r) -> std::string& { return r.unit; }},
    {Column::kServiceNumber, "service number", 100, 3, true,
     [](PersonRecord& r) -> std::string& { return r.service_number; }},
    {Column::kPlaceOfCapture, "place of capture", 300, 3, true,
     [](PersonRecord& r) -> std::string& { return r.place_of_capture; }},
};

constexpr bool VersionsNeverDecrease() {
  int last = 1;
  for (const PersonTextField& field : kTextFields) {
    if (field.since_version < last) return false;
    last = field.since_version;
  }
  return true;
}
static_assert(VersionsNeverDecrease(),
              "a new person text field goes at the end of the table, with the next version");

}  // namespace

std::span<const PersonTextField> PersonTextFields() { return kTextFields; }

const PersonTextField* FindPersonTextField(Column column) {
  for (const PersonTextField& field : kTextFields) {
    if (field.column == column) return &field;
  }
  return nullptr;
}

int LatestPersonEncodingVersion() {
  int latest = 1;
  for (const PersonTextField& field : kTextFields) latest = std::max(latest, field.since_version);
  return latest;
}

}  // namespace canje::registry
