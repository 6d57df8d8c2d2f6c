// Reading people out of the store: search, one person in full, and export.
//
// Personal fields are decrypted in memory only, person by person; a name search opens only the
// persons whose name words may hold the fragment (registry/name_words.h), or every person the
// other filters leave when the index cannot say (docs/security.md says how that scales). Erased persons read as
// "erased" and never show personal data. Negotiators and observers see only the persons need to
// know allows them (instance/need_to_know.h).
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "registry/person.h"
#include "store/store.h"

namespace canje::registry {

struct PersonQuery {
  std::string name;         // a fragment of a name or alias; case and accents are ignored
  std::string holder;       // party code
  std::string category;     // canonical category
  std::string nationality;  // ISO alpha-3
  std::string status;       // held, released, dead, unknown
  int64_t list_id = 0;      // persons linked to this list
  std::string document;     // exact document number (looked up by keyed hash; "V-12.345.678"
                            // and "12345678" agree)
  std::string exact_name;   // exact full name, case and accents ignored (keyed hash)
  int64_t limit = 0;        // 0: no limit
  // Answer `name` by opening every person instead of from the name words' index
  // (registry/name_words.h); the answer is the same, only slower (for comparing the two).
  bool open_every_person = false;
};

// A person as the directory shows them. `record` is empty when erased.
struct PersonEntry {
  int64_t id = 0;
  bool erased = false;
  std::string erased_at;
  std::string erasure_reason;
  PersonRecord record;                     // the personal fields, decrypted
  std::vector<store::CustodyRow> custody;  // in the clear
};

struct PersonDetails {
  PersonEntry person;
  struct Source {
    int64_t record_id;
    int64_t list_id;
    int64_t line;
    std::string list_kind;
    std::string list_source;
    std::string list_party;
    std::string reported_status;
    // How the record is linked to this person (need to know ground (b) counts only the first
    // two): "own" (the person was made from it), "confirmed" (a mediator, verifier or admin
    // confirmed it in review) or "automatic" (merged by `canje link` alone).
    std::string link;
  };
  std::vector<Source> sources;
  // Set when the id asked for was merged into this person by reconciliation (`canje link`).
  int64_t merged_from = 0;
};

// Opens a person's sealed fields in memory. kNotPermitted if the key does not open them; the
// caller checks erasure (an erased row has no key) and access first.
Result<PersonRecord> OpenPerson(instance::Instance& instance, const store::PersonRow& row);

// Validates the query's codes (kUsage with the accepted values) and returns matching persons in
// id order.
Result<std::vector<PersonEntry>> FindPersons(instance::Instance& instance,
                                             const PersonQuery& query);

// Calls `visit` for each matching person in id order, without keeping them all in memory.
Status VisitPersons(instance::Instance& instance, const PersonQuery& query,
                    const std::function<Status(PersonEntry&)>& visit);

// kNotFound for an unknown id, and for a person the caller may not see. An id that
// reconciliation merged into another person shows that person (PersonDetails::merged_from).
Result<PersonDetails> ShowPerson(instance::Instance& instance, int64_t person_id);

enum class ExportFormat { kCsv, kJson };

// Writes every readable (not erased) person matching `query` in the list-file format that
// `canje import` reads back, one row per person with their current custody.
Status ExportPersons(instance::Instance& instance, const PersonQuery& query, ExportFormat format,
                     std::ostream& out);

}  // namespace canje::registry
