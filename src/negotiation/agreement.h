// Signed agreements: each party's detached Ed25519 signature of an agreed version's
// manifest (negotiation/agreement_manifest.h), checked against the party's enrolled keys
// (negotiation/signature_keys.h), and the check of all of them.
//
// A signature is added only for a version that is agreed or agreed in principle, only for a
// party that accepted it or a guarantor of its exchange (negotiation/exchange_participants.h:
// "as the exchange declares", the guarantor list is the declaration), and only when it verifies
// under one of that party's enrolled keys over
// the manifest's exact bytes as the store produces them now; a signature by another key is
// refused (kNotPermitted) and nothing is written. Adding one records "agreement.signed".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/encoding.h"
#include "core/status.h"
#include "instance/instance.h"
#include "negotiation/witness_policy.h"

namespace canje::negotiation {

struct SignatureAdded {
  std::string key_id;
  std::string manifest_sha256;  // hex
};

Result<SignatureAdded> AddAgreementSignature(instance::Instance& instance, int64_t version_id,
                                             const std::string& party, ByteView signature_file);

// One signer's line in a verification.
struct PartySignatureCheck {
  std::string party;
  std::string status;  // "valid", "missing", "invalid", "stale" (signed other manifest bytes)
  std::string key_id;
  std::string detail;
  std::string role = "party";  // "party" (it accepted the version) or "guarantor"
};

struct AgreementCheck {
  std::string manifest_sha256;               // hex, of the manifest as the store produces it now
  // Every signer: the parties that accepted the version, sorted, then the exchange's
  // guarantors, sorted.
  std::vector<PartySignatureCheck> parties;
  bool complete = false;  // every party's and every guarantor's signature valid
  // Whether the agreement is final: once complete, the latest of those signatures' events must
  // be covered by the exchange's witness policy (negotiation/witness_policy.h).
  Finality finality;
};

// Checks every party's and guarantor's signature of `version_id` against its enrolled keys and
// the manifest's current bytes, and whether the agreement is final. The caller decides what an
// incomplete result means (the command: exit 65).
Result<AgreementCheck> VerifyAgreement(instance::Instance& instance, int64_t version_id);

// "VEN" for a party, "TUR (guarantor)" for a guarantor: how refusals name a signer.
std::string SignerName(const PartySignatureCheck& line);

}  // namespace canje::negotiation
