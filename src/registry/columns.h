// The columns of a list file: canonical names, the synonyms people write in their headers
// (Spanish, English, Russian, Ukrainian, Arabic, French and Portuguese), and the mapping of a
// header row onto them.
//
// Matching folds the name first (see FoldForMatchingAnyScript): trimmed, case-insensitive in
// every script, accents of Latin letters removed, and spaces, hyphens, dots and apostrophes read
// as "_", so "Fecha de Nacimiento", "fecha-nacimiento" and "FECHA_NACIMIENTO" name the same
// column, and so do "ДАТА РОЖДЕНИЯ" and "дата рождения". Cyrillic and Arabic letters are compared
// as they are after normalization (NFC) and case folding: "е" and "ё", "ا" and "إ" differ, so the
// table lists both spellings where clerks write both. docs/formats.md lists every name.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace canje::registry {

enum class Column : uint8_t {
  kRecordId,
  kGivenNames,
  kFirstGivenName,   // primer_nombre: when given names come in two columns
  kSecondGivenName,  // segundo_nombre
  kFamilyNames,
  kFirstFamilyName,
  kSecondFamilyName,
  kFullName,
  kAliases,
  kSex,
  kDateOfBirth,
  kNationality,
  kDocument,
  kDocumentType,
  kDocumentCountry,
  kHolder,
  kFacility,
  kCustodySince,
  kLegalBasis,
  kCharges,
  kChargeStatus,
  kEvidenceDisclosed,
  kCategories,
  kStatus,
  kNotes,
  kPlaceOfBirth,
  kPatronymic,     // отчество, по батькові: its own part of the name (PersonName::patronymic)
  kIhlStatus,      // status under international humanitarian law: prisoner_of_war, ...
  kRank,
  kUnit,
  kServiceNumber,  // Geneva Convention III, Art. 17: compared in linkage like a document
  kDateOfCapture,
  kPlaceOfCapture,
  // A new column goes here, last, and kColumnCount names it.
};
inline constexpr int kColumnCount = static_cast<int>(Column::kPlaceOfCapture) + 1;

// "record_id", "given_names", ... (snake_case, English).
std::string_view CanonicalColumnName(Column column);
// Every column in enum order.
std::span<const Column> AllColumns();
// The accepted header names of a column, as they are listed in the documentation (canonical
// name first, then synonyms), e.g. {"date_of_birth", "dob", "fecha_nacimiento", ...}.
std::vector<std::string_view> ColumnSynonyms(Column column);

// What one header name means. Document columns named after a kind of document ("cedula",
// "pasaporte") also say that kind.
struct ColumnMatch {
  Column column;
  std::string_view document_type;  // "cedula", "passport", "dni", "national_id" or empty
  friend bool operator==(const ColumnMatch&, const ColumnMatch&) = default;
};

// The column a header name (as written) means, or nullopt when it is not an accepted name.
std::optional<ColumnMatch> MatchColumnName(std::string_view header_name);

// The reason to give for an unknown header name: the nearest accepted names (up to three columns,
// by EditDistance, those in the header's own script first), "did you mean 'fecha_nacimiento'
// (date_of_birth)?", and where the full list is (docs/formats.md); not the whole list, which is
// long. No location inside.
std::string UnknownColumnReason(std::string_view header_name);

// The meaning of each column of a CSV header row.
//
// Invariants (checked by FromHeader): every header name is known; no column appears twice
// (document columns may repeat with different document types: "cedula" and "pasaporte");
// at least one name column (given, family or full name) is present; the split name columns
// are not mixed with their combined form (family_names with first_family_name, given_names with
// first_given_name).
class HeaderMap {
 public:
  struct Entry {
    ColumnMatch match;
    std::string name;  // as written in the file, trimmed
  };

  // Maps a header row. `line` is only used in error messages. Every problem of the header is
  // reported in one Status (kInvalid), one per line: "line 1, column 4: unknown column
  // 'fecha_nacimento'; did you mean 'fecha_nacimiento' (date_of_birth)? ...".
  static Result<HeaderMap> FromHeader(const std::vector<std::string>& names, int64_t line = 1);

  size_t size() const { return entries_.size(); }
  const Entry& entry(size_t index) const { return entries_[index]; }
  // Index of the column (the first one for documents), if the header has it.
  std::optional<size_t> IndexOf(Column column) const;

 private:
  std::vector<Entry> entries_;
  std::array<int, kColumnCount> first_index_{};  // -1 when absent
};

// Checks that a set of mapped columns (a header, or the keys of one JSON record) has no
// duplicates and no mixed name forms, as in HeaderMap. `matches[i]` is the match of `names[i]`.
// Returns the problems as (index into names, reason) pairs.
std::vector<std::pair<size_t, std::string>> CheckColumnSet(std::span<const ColumnMatch> matches,
                                                           std::span<const std::string> names);

// True for the columns that give a person's name.
bool IsNameColumn(Column column);

}  // namespace canje::registry
