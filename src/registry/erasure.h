// Erasing a person: their personal data becomes unreadable for good, while counts, lists and
// the transparency log stay consistent and verifiable (docs/principles.md, principle 1 and 3).
#pragma once

#include <string>

#include "core/status.h"
#include "instance/instance.h"

namespace canje::registry {

struct ErasureReport {
  int64_t person_id = 0;
  int64_t records = 0;  // list records whose keys were destroyed
  int64_t events = 0;   // events whose payloads and salts were destroyed
  int64_t event_seq = -1;
};

// Only a mediator or an admin may erase (kNotPermitted); a reason is required (kUsage); an
// unknown person is kNotFound, one already erased kConflict. (Refusals for a person in an
// exchange under way or under a legal hold in force are negotiation::ErasePersonUnlessInUse's,
// negotiation/person_erasure.h: front doors call that.) After the change commits, the
// write-ahead log is checkpointed so no page image of the data remains.
Result<ErasureReport> ErasePerson(instance::Instance& instance, int64_t person_id,
                                  const std::string& reason);

}  // namespace canje::registry
