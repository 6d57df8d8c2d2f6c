// A synthetic pair of lists across scripts, with ground truth: the holder's custody roster in
// Cyrillic and the other side's list of the same people in Latin letters, as in an exchange
// between Russia and Ukraine.
//
// The roster writes "Family, Given Patronymic" in Cyrillic, dates as dd.mm.yyyy. The counterpart
// list writes "Given [Patronymic], Family" in Latin letters, each entry under one of the
// standards of transliteration_standards.h (Russian names: BGN/PCGN, ISO 9, GOST 7.79 B,
// passport; Ukrainian names: the national 2010 system, ISO 9, GOST 7.79 B, passport), dates as
// yyyy-mm-dd, with the mistakes lists have: one-letter typos, given and family names in each
// other's column, missing dates, day and month swapped, names in upper case, the patronymic
// left out. Some roster people are namesakes of another (same full name, another person); some
// people are listed twice (the counterpart list under two standards, the roster with a typo);
// some roster people are on no counterpart entry and some counterpart entries on no roster.
//
// Everything is a deterministic function of the options (the seed included): the same options
// give the same lists byte for byte.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"

namespace canje::scenario {

struct CyrillicScenarioOptions {
  uint64_t seed = 1;
  int64_t roster_people = 1000;       // people held (on the roster)
  double on_counterpart = 0.85;       // share of held people the counterpart list names
  double counterpart_only = 0.10;     // people only the counterpart list names, per held person
  double ukrainian = 0.6;             // share of people with Ukrainian names (others Russian)
  double namesakes = 0.03;            // held people given the full name of another held person
  double roster_duplicates = 0.01;    // held people listed twice, the second time with a typo
  double counterpart_duplicates = 0.03;  // counterpart entries listed again, another standard
  double patronymic_written = 0.4;    // counterpart entries that keep the patronymic
  double swapped_columns = 0.04;      // counterpart entries with given and family swapped
  double typo = 0.06;                 // per name field of a counterpart entry
  double upper_case = 0.3;            // counterpart entries in capitals
  double roster_missing_date = 0.03;
  double counterpart_missing_date = 0.07;
  double day_month_swapped = 0.02;    // counterpart dates with day and month swapped
};

// One row of the Cyrillic roster.
struct CyrillicRosterRow {
  std::string record_id;      // "R00001"
  std::string person_key;     // ground truth: the same key is the same human being
  std::string family_name;    // "Шевченко"
  std::string given_names;    // given name and patronymic: "Олександр Петрович"
  std::string date_of_birth;  // "03.04.1990", or "" when missing
  std::string sex;            // "M" or "F"
  std::string errors;         // what differs from the person's true identity, "|"-separated
};

// One row of the Latin counterpart list.
struct LatinListRow {
  std::string record_id;      // "L00001"
  std::string person_key;
  std::string given_names;    // "Oleksandr" or "Oleksandr Petrovych"
  std::string family_name;    // "Shevchenko"
  std::string date_of_birth;  // "1990-04-03", or ""
  std::string sex;
  std::string standard;       // TransliterationStandardName of the spelling
  std::string errors;
};

struct CyrillicListPair {
  std::vector<CyrillicRosterRow> roster;
  std::vector<LatinListRow> counterpart;
};

CyrillicListPair GenerateCyrillicListPair(const CyrillicScenarioOptions& options);

// Writes roster.csv (record_id,family_name,given_names,date_of_birth,sex), counterpart.csv
// (record_id,given_names,family_name,date_of_birth,sex) and truth.csv
// (list,record_id,person_key,standard,errors) into `folder`, created if needed. Errors:
// Status::CannotWrite naming the path when the folder or a file cannot be written.
Status WriteCyrillicListPair(const CyrillicListPair& lists, const std::filesystem::path& folder);

}  // namespace canje::scenario
