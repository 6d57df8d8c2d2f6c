// Checkpoints (C2SP tlog-checkpoint): the text of the signed note that commits a log to a tree.
//
//   <origin>\n          the log's identity; canje uses its key name (e.g. canje.example/demo)
//   <tree size>\n       ASCII decimal, no sign, no leading zeroes ("0" for the empty tree)
//   <root hash>\n       standard base64 (with padding) of the 32-byte RFC 9162 root
//   [<extension>\n]...  optional, each non-empty; opaque to canje
//
// Every line is valid UTF-8 without control characters. The parser is strict and says which
// line is wrong and why; anything it accepts, FormatCheckpoint writes back byte for byte.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ledger/merkle_tree.h"

namespace canje::ledger {

struct Checkpoint {
  std::string origin;
  int64_t size = 0;
  Hash root{};
  std::vector<std::string> extensions;
  friend bool operator==(const Checkpoint&, const Checkpoint&) = default;
};

// The checkpoint's note text. Fails (kInvalid) for an empty origin, a size outside
// [0, kMaxTreeSize], or a line that is empty (extensions), contains a newline or a control
// character, or is not UTF-8.
Result<std::string> FormatCheckpoint(const Checkpoint& checkpoint);

// A tree size as the C2SP formats write it: ASCII decimal, no sign, no leading zeroes ("0"
// alone for zero), at most kMaxTreeSize. nullopt otherwise.
std::optional<int64_t> ParseTreeSize(std::string_view digits);

// Parses a checkpoint's note text (the body only, without signatures). kInvalid with the line.
Result<Checkpoint> ParseCheckpoint(std::string_view text);

}  // namespace canje::ledger
