// Legal acts concerning one person: pardon, commutation, charges dropped, release under
// conditions ("alternative measures"), expulsion order — with the day, the authority, its
// reference and the legal status the person is left in after release.
//
// Recording is a mediator or admin action (kRecordLegalAct); each act is a "legal_act.recorded"
// event with the person ("P17") and the act ("A4") as subjects, so erasing the person erases
// the event's payload too. Legal acts inform the negotiation; they do not by themselves open or
// close a transfer (holds and consent do, eligibility.h).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "store/holds_tables.h"

namespace canje::negotiation {

// pardon, commutation, charges_dropped, alternative_measures, expulsion_order.
std::span<const std::string_view> LegalActTypes();

struct NewLegalAct {
  int64_t person_id = 0;
  std::string type;          // one of LegalActTypes(); "charges dropped" and '-' are accepted
  std::string date;          // YYYY-MM-DD
  std::string authority;     // "Juzgado 3 de control", "Presidency"
  std::string reference;     // decree or case number (may be empty)
  std::string status_after;  // "free", "conditional release, reporting weekly", ...
};

// Checks and records the act; returns its id. kUsage for an unknown type (listing the types),
// a bad day, or a missing authority or status after; kNotFound for an unknown person, kConflict
// for an erased one. On a refusal of one of its values, `fault` (when given) names it as the HTTP
// API's body does: "person", "type", "date", "authority" or "status_after".
Result<int64_t> RecordLegalAct(instance::Instance& instance, const NewLegalAct& act,
                               std::string* fault = nullptr);

// The acts of `person_id` (0: everyone's) that the reader may see: negotiators and observers
// only those of persons their party may see (need to know). Needs kReadRegistry.
Result<std::vector<store::LegalActRow>> ListLegalActs(instance::Instance& instance,
                                                      int64_t person_id);

// "A4" for act 4.
std::string LegalActId(int64_t id);

}  // namespace canje::negotiation
