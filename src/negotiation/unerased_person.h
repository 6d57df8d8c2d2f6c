// The person an action records something about: one the registry holds and has not erased.
#pragma once

#include <cstdint>

#include "core/status.h"
#include "store/store.h"

namespace canje::negotiation {

// Person `person_id` with their custody rows. kNotFound ("no person P12") when there is none;
// kConflict ("P12 was erased on DATE; nothing more is recorded about them") once erased.
Result<store::PersonView> FindUnerasedPerson(store::Store& store, int64_t person_id);

}  // namespace canje::negotiation
