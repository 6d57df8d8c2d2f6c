// A witness's own small state store: a folder, on the witness's machine, holding its key, the
// log it watches, and the last tree head it cosigned. Used by `canje witness init|cosign|vkey`
// and by `canje witness serve` (C2SP tlog-witness over HTTP, server/witness_service.h).
//
//   witness.key        the witness's signer key (Go note format, cosignature/v1), mode 0600
//   log.vkey           the verifier key of the log it watches; its name is the log's origin
//   state              "SIZE BASE64ROOT\n" then the note cosigned last: the last tree head
//                      cosigned (absent before the first)
//   last.checkpoint    a copy of the note cosigned last, for people to read
//   forks/N-...        on a refused rollback or fork: both notes, kept as evidence
//   lock               taken (flock) by every check-and-save, so two requests or processes on
//                      one folder never interleave
//
// Invariants: `state` is replaced atomically (write, fsync, rename, fsync of the folder) before a
// cosignature is handed out, and the check of the old size against `state` and its replacement
// happen under the lock. So a crash (kill -9 included) at any point leaves either the old or the
// new state, every cosignature handed out is covered by the state on disk, and the witness
// never cosigns two diverging checkpoints.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/status.h"
#include "ledger/witness_protocol.h"

namespace canje::witness {

// Creates the folder with a new key named `name` for the log whose verifier key is `log_vkey`.
// Returns the witness's verifier key (NAME+KEYID+BASE64). kConflict if it holds a key already.
Result<std::string> InitWitness(const std::filesystem::path& folder, const std::string& name,
                                const std::string& log_vkey);

// The witness's verifier key.
Result<std::string> WitnessVerifierKey(const std::filesystem::path& folder);

// The size of the last tree head cosigned (0 before the first). kInvalid if `state` is damaged.
Result<int64_t> CosignedSize(const std::filesystem::path& folder);

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

// The answers of C2SP tlog-witness add-checkpoint (the HTTP status each maps to).
enum class AddCheckpointVerdict {
  kCosigned,      // 200: cosignature lines
  kMalformed,     // 400: the note or checkpoint cannot be read, or old > the checkpoint's size
  kUnsigned,      // 403: no signature by the log's key verifies
  kUnknownLog,    // 404: the checkpoint's origin is not the log this witness watches
  kSizeMismatch,  // 409: old is not the size cosigned last, or same size with another root
  kBadProof,      // 422: the consistency proof does not verify (or has the wrong length)
};

struct AddCheckpointAnswer {
  AddCheckpointVerdict verdict = AddCheckpointVerdict::kMalformed;
  std::string cosignature_lines;  // kCosigned: one line, with its newline
  int64_t cosigned_size = 0;      // the size cosigned last, after this request
  std::string message;            // the refusal, for a person ("refused: ...")
  bool evidence_kept = false;     // a fork: both notes were saved under forks/
};

// One add-checkpoint request: checks, under the folder's lock, the old size against the state,
// then the note and the proof (ledger/witness.h), saves the new state and cosigns. The answer
// is a value for every verdict; an error Status only when the folder cannot be read or written
// (the server answers 500, and nothing was cosigned).
Result<AddCheckpointAnswer> AddCheckpoint(const std::filesystem::path& folder,
                                          const ledger::AddCheckpointRequest& request,
                                          uint64_t now);

}  // namespace canje::witness
