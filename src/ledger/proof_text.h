// The text form of inclusion and consistency proofs: one standard base64 hash per line, lowest
// level first, each line ending in a newline ("canje log prove-inclusion" prints this).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ledger/merkle_tree.h"

namespace canje::ledger {

// No proof over a tree of at most 2^62 leaves has more hashes than this.
inline constexpr size_t kMaxProofHashes = 2 * 62 + 1;

std::string FormatProof(std::span<const Hash> proof);

// Parses the text form. The empty text is the empty proof; the final newline may be missing.
// kInvalid, naming the line, for a blank line, a line that is not padded base64 of 32 bytes
// (a carriage return included), or more than kMaxProofHashes lines.
Result<std::vector<Hash>> ParseProof(std::string_view text);

}  // namespace canje::ledger
