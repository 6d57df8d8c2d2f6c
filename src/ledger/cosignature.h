// Witness cosignatures (C2SP tlog-cosignature, the timestamped Ed25519 form, cosignature/v1).
//
// A cosignature is a signed-note signature line on a checkpoint, made with a cosigner key of
// type 0x04 (key id = SHA-256(name || 0x0A || 0x04 || public key)[:4]):
//
//   — NAME BASE64(key id (4 bytes) || timestamp (8 bytes, big-endian) || Ed25519 signature (64))
//
// The Ed25519 signature covers CosignatureV1Message(timestamp, checkpoint text):
//
//   cosignature/v1\n
//   time <timestamp in decimal, no leading zeroes>\n
//   <the checkpoint text, all its lines, extension lines included>
//
// The timestamp is POSIX seconds, at most 2^63 - 1. A cosignature states that, at that time,
// the cosigner had verified this checkpoint as the largest consistent tree it had seen for the
// log with that origin.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "ledger/ed25519.h"
#include "ledger/note_keys.h"
#include "ledger/signed_note.h"

namespace canje::ledger {

inline constexpr uint64_t kMaxCosignatureTimestamp = (uint64_t{1} << 63) - 1;

// The message a cosigner signs.
std::string CosignatureV1Message(uint64_t timestamp, std::string_view checkpoint_text);

struct Cosignature {
  std::string name;
  uint32_t key_id = 0;
  uint64_t timestamp = 0;
  Ed25519Signature signature{};
};

// The cosignature line for `checkpoint_text` (which must parse as a checkpoint) by `cosigner`
// (a key of type kCosignatureV1) at `timestamp`. Deterministic for the same inputs.
Result<std::string> CosignCheckpoint(std::string_view checkpoint_text, const SignerKey& cosigner,
                                     uint64_t timestamp);

// Reads a note signature as a cosignature: 8 + 64 signature bytes, timestamp <= 2^63 - 1.
Result<Cosignature> CosignatureFromNoteSignature(const NoteSignature& signature);

// Checks that `line` (a signature line, with or without its newline) is a valid cosignature of
// `checkpoint_text` by `cosigner` (type kCosignatureV1): the name and key id must be the
// cosigner's and the signature must verify. Returns the cosignature with its timestamp.
// kInvalid otherwise, saying which part failed.
Result<Cosignature> VerifyCosignatureLine(std::string_view checkpoint_text, std::string_view line,
                                          const VerifierKey& cosigner);

}  // namespace canje::ledger
