// Enrolling parties' Ed25519 public keys in the store (`canje party key add`, `party key list`).
//
// A party may enrol several keys (a new one when a signer changes); a signature is accepted when
// it verifies under any of the party's enrolled keys, and the key that verified it is recorded
// with the signature. Every enrolment is an event ("party.key_added", subject the party code)
// whose payload holds the key id and the raw public key in hex.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "ledger/ed25519.h"
#include "store/agreement_tables.h"

namespace canje::negotiation {

// Enrols the Ed25519 public key in `public_pem` for `party` and returns its key id. kNotFound
// for an unknown party; kNotPermitted unless the actor may enrol keys for that party (a
// negotiator only for its own); kInvalid for a PEM that is not an Ed25519 public key; kConflict
// when the party has the key already.
Result<std::string> EnrolPartyKey(instance::Instance& instance, std::string_view party,
                                  std::string_view public_pem);

// The enrolled keys of `party` (all parties' when empty).
Result<std::vector<store::PartyKeyRow>> ListPartyKeys(instance::Instance& instance,
                                                      std::string_view party);

// The key of `party` under which `signature` of `message` verifies, or kNotPermitted naming
// the party's enrolled key ids ("signed by another key") — kNotFound when the party has none.
Result<store::PartyKeyRow> KeyThatSigned(store::Store& store, std::string_view party,
                                         ByteView message,
                                         const ledger::Ed25519Signature& signature);

}  // namespace canje::negotiation
