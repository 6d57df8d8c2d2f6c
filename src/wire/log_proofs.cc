#include "wire/log_proofs.h"

#include "core/encoding.h"
#include "instance/transparency_log.h"

namespace canje::wire {
namespace {

// The tree size a proof is for: `given`, else the latest checkpoint's.
Result<int64_t> ProofSize(store::Store& store, int64_t given) {
  CANJE_ASSIGN_OR_RETURN(int64_t latest, instance::CheckpointSize(store));
  if (given < 0) return latest;
  if (given > latest) {
    return Status::Usage("size " + std::to_string(given) + " is beyond the latest checkpoint (" +
                         std::to_string(latest) + ")");
  }
  return given;
}

nlohmann::json HashesJson(const std::vector<ledger::Hash>& hashes) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& hash : hashes) out.push_back(Base64Encode(hash));
  return out;
}

}  // namespace

Result<LogProof> InclusionProofAt(store::Store& store, int64_t index, int64_t size) {
  LogProof proof;
  proof.from = index;
  CANJE_ASSIGN_OR_RETURN(proof.size, ProofSize(store, size));
  if (index < 0 || index >= proof.size) {
    return Status::Usage("the entry number must be at least 0 and below the tree size " +
                         std::to_string(proof.size));
  }
  CANJE_ASSIGN_OR_RETURN(proof.hashes, store.ProveInclusion(index, proof.size));
  return proof;
}

Result<LogProof> ConsistencyProofAt(store::Store& store, int64_t old_size, int64_t new_size) {
  LogProof proof;
  proof.from = old_size;
  CANJE_ASSIGN_OR_RETURN(proof.size, ProofSize(store, new_size));
  if (old_size < 1 || old_size > proof.size) {
    return Status::Usage("the older size must be between 1 and the tree size " +
                         std::to_string(proof.size));
  }
  CANJE_ASSIGN_OR_RETURN(proof.hashes, store.ProveConsistency(old_size, proof.size));
  return proof;
}

nlohmann::json InclusionProofJson(const LogProof& proof) {
  return {{"index", proof.from}, {"size", proof.size}, {"hashes", HashesJson(proof.hashes)}};
}

nlohmann::json ConsistencyProofJson(const LogProof& proof) {
  return {{"old", proof.from}, {"new", proof.size}, {"hashes", HashesJson(proof.hashes)}};
}

nlohmann::json LogEventJson(const instance::LogEventView& event) {
  return {{"seq", event.seq},
          {"time", event.time},
          {"actor", event.actor},
          {"party", event.party},
          {"type", event.type},
          {"subjects", event.subjects},
          {"sealed", event.sealed},
          {"payload_sha256", HexEncode(event.payload_sha256)},
          {"erased", event.erased}};
}

}  // namespace canje::wire
