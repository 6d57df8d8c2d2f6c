#include "ledger/witness.h"

#include "ledger/cosignature.h"
#include "ledger/signed_note.h"

namespace canje::ledger {
namespace {

std::string SizeText(int64_t size) { return "size " + std::to_string(size); }

// A checkpoint and the exact text the log signed.
struct SignedCheckpoint {
  Checkpoint checkpoint;
  std::string text;
};

// Everything up to the signing step; `refusal` is set with every refusal.
Result<SignedCheckpoint> CheckExtends(const WitnessedLog& log,
                                      const std::optional<TreeHead>& last_cosigned,
                                      std::string_view checkpoint_note,
                                      std::span<const Hash> consistency_proof,
                                      WitnessRefusal& refusal) {
  auto refuse = [&refusal](WitnessRefusal why, const std::string& message) {
    refusal = why;
    return Status::Invalid("refused: " + message);
  };

  if (Status syntax = ParseNote(checkpoint_note).status(); !syntax.ok()) {
    return refuse(WitnessRefusal::kMalformed,
                  "the checkpoint note is malformed: " + syntax.message());
  }
  const VerifierKey keys[] = {log.key};
  Result<OpenedNote> opened = OpenNote(checkpoint_note, keys);
  if (!opened.ok()) {
    return refuse(WitnessRefusal::kUnsigned,
                  "the checkpoint is not validly signed by the log's key " + log.key.name + "+" +
                      FormatKeyId(log.key.key_id) + ": " + opened.status().message());
  }
  Result<Checkpoint> parsed = ParseCheckpoint(opened->text);
  if (!parsed.ok()) {
    return refuse(WitnessRefusal::kMalformed,
                  "the signed note is not a checkpoint: " + parsed.status().message());
  }
  const Checkpoint& checkpoint = *parsed;
  SignedCheckpoint accepted{checkpoint, opened->text};
  if (checkpoint.origin != log.origin) {
    return refuse(WitnessRefusal::kWrongLog, "the checkpoint is for log '" + checkpoint.origin +
                                                 "', but this witness watches '" + log.origin +
                                                 "'");
  }

  if (!last_cosigned || last_cosigned->size == 0) {
    if (!consistency_proof.empty()) {
      return refuse(WitnessRefusal::kBadProof,
                    std::string(last_cosigned ? "the witness cosigned only the empty tree"
                                              : "the witness has cosigned nothing for this log") +
                        ", so there is nothing to prove; give no consistency proof");
    }
    return accepted;
  }

  const TreeHead& old = *last_cosigned;
  if (checkpoint.size < old.size) {
    return refuse(WitnessRefusal::kRollback,
                  "the checkpoint has " + SizeText(checkpoint.size) + ", smaller than the " +
                      SizeText(old.size) +
                      " this witness cosigned before: the log was cut short or rolled back. "
                      "Keep both checkpoints as evidence");
  }
  if (checkpoint.size == old.size) {
    if (checkpoint.root != old.root) {
      return refuse(WitnessRefusal::kFork,
                    "the checkpoint has the same " + SizeText(old.size) +
                        " as the one this witness cosigned before but a different root hash: "
                        "the log has forked. Keep both checkpoints as evidence");
    }
    if (!consistency_proof.empty()) {
      return refuse(WitnessRefusal::kBadProof,
                    "the checkpoint is the one cosigned before; give no consistency proof");
    }
    return accepted;
  }
  const int expected = ConsistencyProofLength(old.size, checkpoint.size);
  if (static_cast<int64_t>(consistency_proof.size()) != expected) {
    return refuse(WitnessRefusal::kBadProof,
                  "the consistency proof has " + std::to_string(consistency_proof.size()) +
                      " hashes, but a proof from " + SizeText(old.size) + " to " +
                      SizeText(checkpoint.size) + " has " + std::to_string(expected) +
                      "; ask the log for 'prove-consistency " + std::to_string(old.size) +
                      " --size " + std::to_string(checkpoint.size) + "'");
  }
  Status consistent =
      VerifyConsistency(old.size, checkpoint.size, consistency_proof, old.root, checkpoint.root);
  if (!consistent.ok()) {
    return refuse(WitnessRefusal::kFork,
                  "the checkpoint of " + SizeText(checkpoint.size) +
                      " does not extend the checkpoint of " + SizeText(old.size) +
                      " this witness cosigned before (" + consistent.message() +
                      "). Either the proof belongs to other trees or the log has forked; keep "
                      "both checkpoints as evidence");
  }
  return accepted;
}

}  // namespace

Result<WitnessCosignature> DecideCosignature(const WitnessedLog& log,
                                             const std::optional<TreeHead>& last_cosigned,
                                             std::string_view checkpoint_note,
                                             std::span<const Hash> consistency_proof,
                                             const SignerKey& witness_key, uint64_t now,
                                             WitnessRefusal* refusal) {
  WitnessRefusal why = WitnessRefusal::kNone;
  if (refusal != nullptr) *refusal = why;
  if (witness_key.type != SignatureType::kCosignatureV1) {
    return Status::Usage("the witness key " + witness_key.name +
                         " is not a cosigner key (signature type 0x04)");
  }
  if (log.key.type != SignatureType::kEd25519) {
    return Status::Usage("the log's verifier key " + log.key.name +
                         " is not a checkpoint signing key (signature type 0x01)");
  }
  Result<SignedCheckpoint> accepted =
      CheckExtends(log, last_cosigned, checkpoint_note, consistency_proof, why);
  if (!accepted.ok()) {
    if (refusal != nullptr) *refusal = why;
    return accepted.status();
  }
  CANJE_ASSIGN_OR_RETURN(std::string line, CosignCheckpoint(accepted->text, witness_key, now));
  return WitnessCosignature{std::move(accepted->checkpoint), std::move(line)};
}

}  // namespace canje::ledger
