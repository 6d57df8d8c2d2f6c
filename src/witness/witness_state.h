// A witness's own small state store: a folder, on the witness's machine, holding its key, the
// log it watches, and the last tree head it cosigned. Used by `canje witness init|cosign|vkey`.
//
//   witness.key        the witness's signer key (Go note format, cosignature/v1), mode 0600
//   log.vkey           the verifier key of the log it watches
//   state              "SIZE BASE64ROOT\n": the last tree head cosigned (absent before the first)
//   last.checkpoint    the note it last cosigned
//   forks/N-...        on a refused rollback or fork: both notes, kept as evidence
//
// The state is replaced atomically (write, fsync, rename) before a cosignature is handed out,
// so a crash can never make the witness sign two diverging checkpoints.
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"

namespace canje::witness {

// Creates the folder with a new key named `name` for the log whose verifier key is `log_vkey`.
// Returns the witness's verifier key (NAME+KEYID+BASE64). kConflict if it holds a key already.
Result<std::string> InitWitness(const std::filesystem::path& folder, const std::string& name,
                                const std::string& log_vkey);

// The witness's verifier key.
Result<std::string> WitnessVerifierKey(const std::filesystem::path& folder);

struct CosignOutcome {
  std::string cosigned_note;  // the checkpoint note with the witness's line added
  std::string line;           // the cosignature line alone
  int64_t size = 0;
};

// Checks `checkpoint_note` and the consistency proof (text, one base64 hash per line) from the
// size last cosigned; on success saves the new state and returns the cosignature. A checkpoint
// that does not extend the last one is refused (kInvalid, "refused: ...") and, for a rollback or
// a fork, both notes are kept under forks/.
Result<CosignOutcome> Cosign(const std::filesystem::path& folder,
                             const std::string& checkpoint_note, const std::string& proof_text,
                             uint64_t now);

}  // namespace canje::witness
