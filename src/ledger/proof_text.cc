#include "ledger/proof_text.h"

#include <optional>

namespace canje::ledger {

std::string FormatProof(std::span<const Hash> proof) {
  std::string text;
  for (const Hash& hash : proof) text += Base64Encode(hash) + "\n";
  return text;
}

Result<std::vector<Hash>> ParseProof(std::string_view text) {
  std::vector<Hash> proof;
  size_t line_number = 1;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    const std::string where = "proof line " + std::to_string(line_number);
    if (proof.size() == kMaxProofHashes) {
      return Status::Invalid(where + ": a proof has at most " + std::to_string(kMaxProofHashes) +
                             " hashes");
    }
    if (line.empty()) return Status::Invalid(where + " is blank; write one hash per line");
    if (line.back() == '\r') {
      return Status::Invalid(where + " ends in a carriage return; use Unix line endings");
    }
    std::optional<Bytes> bytes = line.size() <= 64 ? Base64Decode(line) : std::nullopt;
    if (!bytes || bytes->size() != 32) {
      return Status::Invalid(where + " is not the standard padded base64 of a 32-byte hash");
    }
    Hash hash;
    std::copy(bytes->begin(), bytes->end(), hash.begin());
    proof.push_back(hash);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_number;
  }
  return proof;
}

}  // namespace canje::ledger
