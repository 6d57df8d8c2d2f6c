// Erasing a person as the front doors do it (`canje person erase`, the API): the erasure of
// registry/erasure.h, refused while the person's record is still needed by a legal process or a
// deal under way.
//
//   auto report = negotiation::ErasePersonUnlessInUse(instance, 17, "request of the person",
//                                                     TodayIso());
//
// Refusals (kConflict, nothing written; the message names what stands in the way and what to
// do):
//  - a legal hold in force on `date` covers the person (or a person reconciliation merged into
//    them): the court or ministry that ordered it relies on the record; lift the hold first;
//  - the person is on the agreed version of an exchange that is agreed, verifying or executing:
//    the signed list and the handovers refer to them; wait until it is completed or collapsed.
// Everything else is registry::ErasePerson's (role, reason, unknown, already erased, merged).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "instance/instance.h"
#include "registry/erasure.h"

namespace canje::negotiation {

Result<registry::ErasureReport> ErasePersonUnlessInUse(instance::Instance& instance,
                                                       int64_t person_id,
                                                       const std::string& reason,
                                                       std::string_view date);

}  // namespace canje::negotiation
