#include "instance/log_reads.h"

#include "instance/transparency_log.h"

namespace canje::instance {
namespace {

// The tree size a proof is for: `given`, else the latest checkpoint's.
Result<int64_t> ProofSize(store::Store& store, int64_t given) {
  CANJE_ASSIGN_OR_RETURN(int64_t latest, CheckpointSize(store));
  if (given < 0) return latest;
  if (given > latest) {
    return Status::Usage("size " + std::to_string(given) + " is beyond the latest checkpoint (" +
                         std::to_string(latest) + ")");
  }
  return given;
}

}  // namespace

Result<std::string> ReadVerifierKey(Instance& instance) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadRegistry));
  return LogVerifierKey(instance.store());
}

Result<std::string> ReadLatestCheckpoint(Instance& instance) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadRegistry));
  return LatestCheckpointNote(instance.store());
}

Result<std::string> ReadEntry(Instance& instance, int64_t index) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadRegistry));
  return EntryLeaf(instance.store(), index);
}

Result<LogProof> ProveInclusion(Instance& instance, int64_t index, int64_t size) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadRegistry));
  LogProof proof;
  proof.from = index;
  CANJE_ASSIGN_OR_RETURN(proof.size, ProofSize(instance.store(), size));
  if (index < 0 || index >= proof.size) {
    return Status::Usage("the entry number must be at least 0 and below the tree size " +
                         std::to_string(proof.size));
  }
  CANJE_ASSIGN_OR_RETURN(proof.hashes, instance.store().ProveInclusion(index, proof.size));
  return proof;
}

Result<LogProof> ProveConsistency(Instance& instance, int64_t old_size, int64_t new_size) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadRegistry));
  LogProof proof;
  proof.from = old_size;
  CANJE_ASSIGN_OR_RETURN(proof.size, ProofSize(instance.store(), new_size));
  if (old_size < 1 || old_size > proof.size) {
    return Status::Usage("the older size must be between 1 and the tree size " +
                         std::to_string(proof.size));
  }
  CANJE_ASSIGN_OR_RETURN(proof.hashes, instance.store().ProveConsistency(old_size, proof.size));
  return proof;
}

}  // namespace canje::instance
