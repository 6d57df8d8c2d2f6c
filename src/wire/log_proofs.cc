#include "wire/log_proofs.h"

#include "core/encoding.h"

namespace canje::wire {
namespace {

nlohmann::json HashesJson(const std::vector<ledger::Hash>& hashes) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& hash : hashes) out.push_back(Base64Encode(hash));
  return out;
}

}  // namespace

nlohmann::json InclusionProofJson(const instance::LogProof& proof) {
  return {{"index", proof.from}, {"size", proof.size}, {"hashes", HashesJson(proof.hashes)}};
}

nlohmann::json ConsistencyProofJson(const instance::LogProof& proof) {
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

nlohmann::json LogVerificationJson(const instance::LogVerification& verification) {
  return {{"entries", verification.entries},
          {"checkpoints", verification.checkpoints},
          {"erased_payloads", verification.erased_payloads},
          {"root", Base64Encode(verification.root)},
          {"ok", true}};
}

}  // namespace canje::wire
