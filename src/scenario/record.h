// One row of a generated list, and the canonical columns it is written with.
//
// A Record holds every field a list may carry; each list writes only the columns it names
// (real lists carry subsets). The generator builds one "true" Record per person and derives
// each list's row from it through the error model (error_model.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/columns.h"

namespace canje::scenario {

// A calendar date, possibly known only to the year (month == day == 0).
struct Date {
  int year = 0;
  int month = 0;  // 1-12, or 0 when only the year is known
  int day = 0;    // 1-31, or 0 when only the year is known

  // "1990-04-03", or "1990" when only the year is known.
  std::string ToIso() const;
  friend bool operator==(const Date&, const Date&) = default;
};

// The number of days in `month` of `year` (Gregorian).
int DaysInMonth(int year, int month);

// The columns a list is written with are the registry's canonical columns (registry/columns.h:
// their names with registry::CanonicalColumnName, in the order a list's spec gives them).
using registry::Column;

// Separates the values of a multi-valued field (aliases, nationality, charges, categories).
inline constexpr std::string_view kMultiValueSeparator = "|";

struct Record {
  std::string record_id;
  std::vector<std::string> given_names;   // "José", "Luis"; a particle stays: "del Valle"
  std::vector<std::string> family_names;  // "Pérez", "de la Cruz"
  std::vector<std::string> aliases;       // whole names or nicknames
  char sex = 'M';                         // 'M' or 'F'
  std::optional<Date> date_of_birth;
  std::vector<std::string> nationalities;  // ISO 3166-1 alpha-3
  std::string document;                    // "V-12.345.678"; empty when unknown
  std::string document_type;               // "cedula", "passport"; empty with no document
  std::string holder;                      // party code
  std::string facility;
  std::optional<Date> custody_since;
  std::string legal_basis;
  std::vector<std::string> charges;
  std::string charge_status;  // none, pending, convicted, dropped; or empty
  std::optional<bool> evidence_disclosed;
  std::vector<std::string> categories;
  std::string status;  // held, released, dead, unknown; or empty
  std::string notes;
  // Prisoner-of-war and civilian exchanges.
  std::string patronymic;      // written in its own column; empty when the list has none
  std::string ihl_status;      // prisoner_of_war, civilian_internee, detained_civilian, other
  std::string rank;            // military rank, as the list writes it
  std::string unit;            // military unit
  std::string service_number;  // military id: "АА 123456" (Cyrillic series) or "AA 123456"
  std::optional<Date> date_of_capture;
  std::string place_of_capture;

  friend bool operator==(const Record&, const Record&) = default;
};

// How a list writes its values: ISO dates and M/F by default; day-first dates (03.04.1990) and
// other letters for sex (М/Ж in Russian, Ч/Ж in Ukrainian) for lists written that way.
struct FieldStyle {
  bool day_first_dates = false;
  std::string_view male = "M";
  std::string_view female = "F";
};

// The full name in roster form, as removal manifests print it: "PÉREZ DE LA CRUZ, JOSÉ LUIS".
// With no given names: "PÉREZ"; with no family names: "JOSÉ LUIS".
std::string RosterFullName(const Record& record);

// The text written in `column` for `record` ("" for an absent value), in `style`.
std::string FieldText(const Record& record, Column column, const FieldStyle& style = {});

}  // namespace canje::scenario
