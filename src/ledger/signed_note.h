// Signed notes (C2SP signed-note; the format of golang.org/x/mod/sumdb/note).
//
// A signed note is a text ending in a newline, a blank line, and one or more signature lines:
//
//   <text, each line ending in \n>
//   \n
//   — NAME BASE64(4-byte big-endian key id || signature)\n      (U+2014 em dash, then a space)
//
// The whole note is UTF-8 with no control character other than newline. The signatures cover
// the text including its final newline, not the blank line. The text is separated from the
// signatures by the last blank line of the note.
//
// Limits (a note is refused beyond them): kMaxNoteBytes in total, kMaxNoteLineBytes per line,
// kMaxNoteSignatures signature lines (Go's note package refuses more than 100 as well).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/encoding.h"
#include "core/status.h"
#include "ledger/note_keys.h"

namespace canje::ledger {

inline constexpr size_t kMaxNoteBytes = 1 << 20;
inline constexpr size_t kMaxNoteLineBytes = 16 * 1024;
inline constexpr size_t kMaxNoteSignatures = 100;

// One signature line, parsed.
struct NoteSignature {
  std::string name;
  uint32_t key_id = 0;
  Bytes signature;  // the bytes after the key id
  friend bool operator==(const NoteSignature&, const NoteSignature&) = default;
};

struct ParsedNote {
  std::string text;  // ends in "\n"
  std::vector<NoteSignature> signatures;
};

// Checks the note's syntax and splits it; verifies nothing. kInvalid with the line at fault.
Result<ParsedNote> ParseNote(std::string_view note);

// Parses one signature line, with or without its final newline.
Result<NoteSignature> ParseSignatureLine(std::string_view line);

// "— NAME BASE64(key id || signature)\n".
std::string FormatSignatureLine(const NoteSignature& signature);

// `text` signed by `signer` (type kEd25519): text, blank line, one signature line. `text` must
// end in a newline, contain no control characters other than newlines and be valid UTF-8.
// Ed25519 is deterministic, so the same text and key always give the same note.
Result<std::string> SignNote(std::string_view text, const SignerKey& signer);

// `note` with `line` (one signature line, with its newline) added after its signatures. An
// existing signature with the same name and key id is replaced (a newer cosignature replaces an
// older one).
Result<std::string> AddSignatureLine(std::string_view note, std::string_view line);

struct OpenedNote {
  std::string text;
  std::vector<NoteSignature> verified;    // by a key in the verifier list
  std::vector<NoteSignature> unverified;  // by keys not in the list (duplicates dropped)
};

// Parses `note` and checks its signatures against `verifiers`, as Go's note.Open does: a
// signature whose name and key id match a known key must verify (otherwise the whole note is
// refused), signatures by unknown keys are reported as unverified, and at least one signature
// must verify. Keys of type kEd25519 verify plain note signatures; keys of type kCosignatureV1
// verify C2SP tlog-cosignature timestamped signatures over the text. Two verifiers with the same
// name and key id make any signature under that pair ambiguous, which is refused.
// Failures are kInvalid and say which key or line is at fault.
Result<OpenedNote> OpenNote(std::string_view note, std::span<const VerifierKey> verifiers);

}  // namespace canje::ledger
