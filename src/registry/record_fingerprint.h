// A record's fingerprint: a keyed hash of who the record says the person is.
//
// Review decisions (`canje review decide`) are kept against fingerprints as well as record ids,
// so that a decision follows a row into a re-imported version of its list. Only identity fields
// take part — name (the patronymic too), aliases, sex, date of birth, nationalities, documents,
// the service number — so a row whose
// custody status changed keeps its fingerprint, and a row whose spelling was corrected does not
// (its decisions are then reported as concerning a pair that no longer exists).
//
// The hash is the vault's index hash (an HMAC under the instance's index key), so the store
// reveals only equality between fingerprints, never the content; erasure clears it.
#pragma once

#include "core/encoding.h"
#include "protect/vault.h"
#include "registry/person.h"

namespace canje::registry {

Bytes RecordFingerprint(const protect::Vault& vault, const PersonRecord& record);

}  // namespace canje::registry
