// Proofs from the transparency log as both front doors give them: an RFC 9162 inclusion or
// consistency proof at a tree size that defaults to the latest signed checkpoint's, with the
// range checks and their messages in one place; and the JSON form of a proof (hashes in
// standard base64, the same text `canje log prove-*` prints one per line).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/status.h"
#include "instance/sealed_events.h"
#include "ledger/merkle_tree.h"
#include "store/store.h"

namespace canje::wire {

struct LogProof {
  int64_t from = 0;  // inclusion: the entry's index; consistency: the older size
  int64_t size = 0;  // the tree size the proof is for
  std::vector<ledger::Hash> hashes;
};

// `size` < 0: the latest checkpoint's size. kUsage when the size is beyond the latest
// checkpoint, or `index` is not in [0, size).
Result<LogProof> InclusionProofAt(store::Store& store, int64_t index, int64_t size);
// `new_size` < 0: the latest checkpoint's size. kUsage unless 1 <= old_size <= new_size.
Result<LogProof> ConsistencyProofAt(store::Store& store, int64_t old_size, int64_t new_size);

// {"index": N, "size": M, "hashes": [base64...]}
nlohmann::json InclusionProofJson(const LogProof& proof);
// {"old": A, "new": B, "hashes": [base64...]}
nlohmann::json ConsistencyProofJson(const LogProof& proof);

// One entry as `canje log show --json` and GET /v1/log/events give it: seq, time, actor, party,
// type, subjects, sealed, payload_sha256 (hex), erased.
nlohmann::json LogEventJson(const instance::LogEventView& event);

}  // namespace canje::wire
