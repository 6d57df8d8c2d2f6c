// Domain types for people in custody and the records of imported lists.
//
// These are plain values: no I/O, no SQL. The store persists them (personal fields encrypted,
// see docs/security.md); the importer builds them from CSV or JSON rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace canje::registry {

// A calendar date known to a precision: 1990, 1990-04 or 1990-04-03.
struct PartialDate {
  enum class Precision { kYear, kMonth, kDay };
  int year = 0;
  int month = 0;  // 1-12 when precision >= kMonth, else 0
  int day = 0;    // 1-31 when precision == kDay, else 0
  Precision precision = Precision::kDay;

  // ISO 8601 at its precision: "1990", "1990-04", "1990-04-03".
  std::string ToIso() const;
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

enum class Sex { kUnknown, kMale, kFemale, kOther };

// Where the list says a person is.
enum class ReportedStatus { kUnspecified, kHeld, kReleased, kDead, kUnknown };

// The status of a person under international humanitarian law, as the list states it: a
// prisoner of war (Geneva Convention III, Art. 4), a civilian internee (Geneva Convention IV,
// Art. 41-43, 78), a civilian detained otherwise, or another status.
enum class IhlStatus { kUnspecified, kPrisonerOfWar, kCivilianInternee, kDetainedCivilian, kOther };

// What a list record is about: its kind decides what the importer creates from it.
enum class ListKind { kCustodyRoster, kClaimList, kDocumentationList, kTransferManifest };

struct IdentityDocument {
  std::string type;     // "cedula", "passport", ... ; may be empty
  std::string number;   // as written, e.g. "V-12.345.678"
  std::string country;  // ISO 3166-1 alpha-3 of the issuer; may be empty
  friend bool operator==(const IdentityDocument&, const IdentityDocument&) = default;
};

struct Charge {
  std::string description;
  std::string status;  // "none", "pending", "convicted", "dropped", or empty when not given
  friend bool operator==(const Charge&, const Charge&) = default;
};

// A person's name as lists of tokens. Family names keep their particles: "de la Cruz" is one
// family name, so {"Pérez", "de la Cruz"} is a double surname. Accents are kept as written.
// The patronymic of Russian, Ukrainian and Belarusian names ("Петрович", "Алирза оглы") is its
// own part, empty when the list does not give one; records sealed before it existed (person
// encoding version 2 and older) keep a patronymic they had among their given names.
struct PersonName {
  std::vector<std::string> given_names;
  std::vector<std::string> family_names;
  std::string patronymic;
  // "José Luis Pérez Rodríguez"; "Михайло Петрович Гуменюк" (given names, patronymic, family
  // names).
  std::string Display() const;
  friend bool operator==(const PersonName&, const PersonName&) = default;
};

// Everything one list row says about one person. Personal fields (name, aliases, birth date and
// place, documents, notes, charges, and the prisoner-of-war fields) are encrypted at rest; the rest is kept in the clear for counts.
struct PersonRecord {
  std::string record_id;                    // the list's own id for the row; may be empty
  PersonName name;
  std::vector<std::string> aliases;
  Sex sex = Sex::kUnknown;
  std::optional<PartialDate> date_of_birth;
  std::string place_of_birth;               // as written: "Maracaibo, Zulia"
  std::vector<std::string> nationalities;   // ISO 3166-1 alpha-3
  std::vector<IdentityDocument> documents;
  // Custody as the list reports it.
  std::string holder;                       // party code; empty when the list does not say
  std::string facility;
  std::optional<PartialDate> custody_since;
  std::string legal_basis;
  std::vector<Charge> charges;
  std::optional<bool> evidence_disclosed;
  std::vector<std::string> categories;      // canonical category names, see categories.h
  ReportedStatus status = ReportedStatus::kUnspecified;
  std::string notes;
  // Prisoners of war and civilians (Geneva Convention III, Art. 17: name, rank, date of birth and
  // service number identify a prisoner of war). Sealed like the name.
  IhlStatus ihl_status = IhlStatus::kUnspecified;
  std::string rank;
  std::string unit;
  std::string service_number;                // as written; compared in linkage like a document
  std::optional<PartialDate> date_of_capture;
  std::string place_of_capture;
  friend bool operator==(const PersonRecord&, const PersonRecord&) = default;
};

}  // namespace canje::registry
