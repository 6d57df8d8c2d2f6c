// The JSON forms of the transparency log's proofs and entries (hashes in standard base64, the
// same text `canje log prove-*` prints one per line). The proofs themselves, with their range
// checks, are instance/log_reads.h.
#pragma once

#include <nlohmann/json.hpp>

#include "instance/log_reads.h"
#include "instance/sealed_events.h"
#include "instance/transparency_log.h"

namespace canje::wire {

// {"index": N, "size": M, "hashes": [base64...]}
nlohmann::json InclusionProofJson(const instance::LogProof& proof);
// {"old": A, "new": B, "hashes": [base64...]}
nlohmann::json ConsistencyProofJson(const instance::LogProof& proof);

// One entry as `canje log show --json` and GET /v1/log/events give it: seq, time, actor, party,
// type, subjects, sealed, payload_sha256 (hex), erased.
nlohmann::json LogEventJson(const instance::LogEventView& event);

// `canje log verify`: {"entries", "checkpoints", "erased_payloads", "root" (base64), "ok": true}
nlohmann::json LogVerificationJson(const instance::LogVerification& verification);

}  // namespace canje::wire
