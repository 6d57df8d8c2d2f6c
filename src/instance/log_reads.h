// The transparency log's reads as use cases of the acting user: each one checks that the user may
// read the log (Action::kReadRegistry, every role today) and then reads. The front doors (`canje
// log ...`, GET /v1/log/...) only print or serialise what these return.
//
//   CANJE_ASSIGN_OR_RETURN(LogProof proof, ProveInclusion(instance, 12, -1));
//   // proof.size is the latest checkpoint's size; proof.hashes the RFC 9162 audit path.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "ledger/merkle_tree.h"

namespace canje::instance {

// "NAME+KEYID+BASE64", the form Go's note package reads.
Result<std::string> ReadVerifierKey(Instance& instance);

// The latest checkpoint exactly as signed, followed by the cosignature lines it holds.
Result<std::string> ReadLatestCheckpoint(Instance& instance);

// The exact leaf bytes of entry `index` (kNotFound beyond the log).
Result<std::string> ReadEntry(Instance& instance, int64_t index);

// An RFC 9162 proof at a tree size that defaults to the latest signed checkpoint's.
struct LogProof {
  int64_t from = 0;  // inclusion: the entry's index; consistency: the older size
  int64_t size = 0;  // the tree size the proof is for
  std::vector<ledger::Hash> hashes;
};

// `size` < 0: the latest checkpoint's size. kUsage when the size is beyond the latest
// checkpoint, or `index` is not in [0, size).
Result<LogProof> ProveInclusion(Instance& instance, int64_t index, int64_t size);
// `new_size` < 0: the latest checkpoint's size. kUsage unless 1 <= old_size <= new_size.
Result<LogProof> ProveConsistency(Instance& instance, int64_t old_size, int64_t new_size);

}  // namespace canje::instance
