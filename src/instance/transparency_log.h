// The instance's transparency log: signed checkpoints, entries, proofs, verification,
// cosignatures and evidence bundles (formats in docs/formats.md "Transparency log").
//
// Every event is a leaf (ledger/event_envelope.h). At the end of every change that appended
// events, Instance::Change signs a checkpoint (C2SP tlog-checkpoint in a C2SP signed note,
// Ed25519) for the new tree size, in the same transaction. The log's key name is its origin.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "instance/log_entry_checks.h"
#include "ledger/merkle_tree.h"
#include "ledger/note_keys.h"

namespace canje::instance {

// Creates the log's Ed25519 key for `origin` (kUsage if the origin is not a valid key name)
// and stores it wrapped by the master key, with its verifier key in the clear.
Status CreateLogKey(store::WriteTransaction& transaction, protect::Vault& vault,
                    const std::string& origin);

// Signs and stores a checkpoint for the tree as `transaction` leaves it.
Status SignCheckpoint(store::WriteTransaction& transaction, protect::Vault& vault);

// "NAME+KEYID+BASE64", the form Go's note package reads.
Result<std::string> LogVerifierKey(store::Store& store);

// The latest checkpoint exactly as signed, followed by the cosignature lines it holds.
Result<std::string> LatestCheckpointNote(store::Store& store);

// The exact leaf bytes of entry `index`.
Result<std::string> EntryLeaf(store::Store& store, int64_t index);
// The leaf bytes of entries first .. first + count - 1. kNotFound unless all exist.
Result<std::vector<std::string>> EntryLeaves(store::Store& store, int64_t first, int64_t count);

// Tree size of the latest checkpoint (0 when none).
Result<int64_t> CheckpointSize(store::Store& store);

struct LogVerification {
  int64_t entries = 0;
  int64_t checkpoints = 0;
  int64_t erased_payloads = 0;  // payloads verified only by their stored hash
  ledger::Hash root{};
};

// Recomputes every leaf from the stored events and payloads (decrypting each payload to check
// its salted hash), rebuilds the tree, checks that the stored interior hashes agree, and checks
// every stored checkpoint: its signature, its root, and that the latest covers the whole log.
// With `earlier_checkpoint` (a signed note someone kept), also checks that the log extends it.
// Everything is read in one read transaction, so the log verifies as of one moment while other
// processes go on appending to it.
// kInvalid naming the first bad entry or checkpoint and what is wrong with it. Checks first
// that the acting user may read the log (Action::kReadRegistry). The entries are checked on
// worker threads (log_entry_checks.h; `checks` says how many and in what batches), their results
// taken in log order: the report is the same whatever the threads.
Result<LogVerification> VerifyLog(Instance& instance,
                                  const std::optional<std::string>& earlier_checkpoint,
                                  const EntryCheckOptions& checks = {});

// Attaches a witness's cosignature: `cosigned_note` is a checkpoint note that carries the
// witness's line; `witness_key` is the witness's verifier key (cosignature/v1). The checkpoint
// text must be one this log signed; the line must verify. Recorded as an event. The acting user
// must be allowed to manage the log (Action::kManageLog).
Status AddCosignature(Instance& instance, const std::string& cosigned_note,
                      const std::string& witness_key);

struct BundleOptions {
  std::filesystem::path out;
  int64_t first = 0;
  int64_t last = -1;  // inclusive; -1: up to the checkpoint's last entry
};

// "A-B" (or "A") into the first and last entries of a bundle: decimal digits, A <= B. kUsage
// naming the form ("--entries must be A-B, such as 0-20").
Result<std::pair<int64_t, int64_t>> ParseEntryRange(std::string_view text);

// One file of an evidence bundle: its path in the bundle's folder ("entries/3.leaf") and bytes.
struct BundleFile {
  std::string path;
  std::string bytes;
};

// The evidence bundle's files: checkpoint (with cosignatures), log.vkey, the chosen entries'
// leaf bytes and inclusion proofs (entries/N.leaf, entries/N.proof), and a README.md saying how
// to check them offline. Checks first that the acting user may read the log
// (Action::kReadRegistry); kUsage for entries outside the latest checkpoint's tree.
Result<std::vector<BundleFile>> BundleFiles(Instance& instance, int64_t first, int64_t last);

// Writes BundleFiles into the folder `options.out` (`canje log bundle`).
Status WriteBundle(Instance& instance, const BundleOptions& options);

}  // namespace canje::instance
