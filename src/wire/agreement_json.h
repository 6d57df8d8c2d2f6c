// The JSON forms of an exchange's workflow and its signed agreement (negotiation/agreement.h,
// signature_keys.h, witness_policy.h), for `canje exchange state|advance|collapse`, `canje
// agreement ...` and `canje key party ...` with --json.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "negotiation/agreement.h"
#include "negotiation/witness_policy.h"
#include "store/agreement_tables.h"

namespace canje::wire {

// {"exchange", "state", "agreed_version" ("" before agreement), "reason", "changed_at",
//  "changed_by"}; with `finality` also "witness_policy" (or null), "agreement_final",
// "completion_final", "agreement_finality" and "completion_finality" (FinalityJson or null).
nlohmann::json ExchangeStateJson(const store::ExchangeStateRow& row,
                                 const negotiation::WorkflowFinality* finality);

// {"party", "key_id", "public_key" (hex), "added_at", "added_by"}
nlohmann::json PartyKeyJson(const store::PartyKeyRow& key);

// What `agreement sign` answers: {"manifest", "manifest_sha256", "signature_file", "key_id"}
nlohmann::json SignedManifestJson(const std::string& manifest, const std::string& manifest_sha256,
                                  const std::string& signature_file, const std::string& key_id);
// What `agreement sign-add` answers: {"version", "party", "key_id", "manifest_sha256"}
nlohmann::json SignatureAddedJson(int64_t version, const std::string& party,
                                  const negotiation::SignatureAdded& added);
// `agreement verify`: {"version", "manifest_sha256", "complete", "final", "finality",
//  "parties": [{"party", "role": "party"|"guarantor", "status", "key_id", "detail"}...]}: every
//  party that accepted the version, then every guarantor of its exchange
nlohmann::json AgreementCheckJson(int64_t version, const negotiation::AgreementCheck& check);

}  // namespace canje::wire
