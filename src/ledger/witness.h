// A witness's decision, as a pure function: given what the witness cosigned last for a log, a
// new signed checkpoint, the log's verifier key and a consistency proof, either cosign the new
// checkpoint or refuse. No files, no clock: the caller loads and saves the state (atomically,
// before handing out the cosignature line) and passes the time.
//
// The witness cosigns only a checkpoint that
//   1. is a well-formed signed note, validly signed by the log's key,
//   2. is a well-formed C2SP checkpoint with the log's origin, and
//   3. extends the tree head it cosigned last: the same size and root (a re-cosignature), or a
//      larger size with an RFC 9162 consistency proof from the old (size, root) to the new one.
// With no earlier state, any validly signed checkpoint is accepted (trust on first use) and the
// proof must be empty; from an old size of 0 there is nothing to prove and the proof must be
// empty too.
//
// Refusals are kInvalid with a plain message starting "refused: ". Rollbacks and forks are
// evidence against the log: the caller keeps both notes (see IsForkEvidence).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/status.h"
#include "ledger/checkpoint.h"
#include "ledger/merkle_tree.h"
#include "ledger/note_keys.h"

namespace canje::ledger {

// What a witness remembers about a log: the last tree head it cosigned.
struct TreeHead {
  int64_t size = 0;
  Hash root{};
  friend bool operator==(const TreeHead&, const TreeHead&) = default;
};

// The log a witness watches.
struct WitnessedLog {
  std::string origin;  // the origin line its checkpoints carry
  VerifierKey key;     // its checkpoint signing key (type kEd25519)
};

enum class WitnessRefusal {
  kNone,
  kMalformed,  // the note or the checkpoint cannot be read
  kBadProof,   // the consistency proof has the wrong length, or is given with nothing to prove
  kUnsigned,   // the note is not validly signed by the log's key
  kWrongLog,   // the checkpoint's origin is not the log's
  kRollback,   // the checkpoint is smaller than the one cosigned before
  kFork,       // same size with another root, or the proof does not lead from old to new root
};

// True for refusals that are evidence of a misbehaving log: keep both notes.
inline bool IsForkEvidence(WitnessRefusal refusal) {
  return refusal == WitnessRefusal::kRollback || refusal == WitnessRefusal::kFork;
}

struct WitnessCosignature {
  Checkpoint checkpoint;         // the checkpoint cosigned; save {size, root} as the new state
  std::string cosignature_line;  // "— NAME BASE64(key id || timestamp || signature)\n"
};

// Decides whether `witness_key` (type kCosignatureV1) cosigns `checkpoint_note` at time `now`
// (POSIX seconds). On refusal, `*refusal` (when given) says why; on success it is kNone.
Result<WitnessCosignature> DecideCosignature(const WitnessedLog& log,
                                             const std::optional<TreeHead>& last_cosigned,
                                             std::string_view checkpoint_note,
                                             std::span<const Hash> consistency_proof,
                                             const SignerKey& witness_key, uint64_t now,
                                             WitnessRefusal* refusal = nullptr);

}  // namespace canje::ledger
