#include "instance/transparency_log.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "core/digest.h"
#include "instance/event_types.h"
#include "ledger/checkpoint.h"
#include "ledger/cosignature.h"
#include "ledger/event_envelope.h"
#include "ledger/memory_hash_store.h"
#include "ledger/proof_text.h"
#include "ledger/signed_note.h"
#include "protect/sealing_contexts.h"

namespace canje::instance {
namespace {

Result<ledger::SignerKey> LoadSigner(store::Store& store, protect::Vault& vault) {
  CANJE_ASSIGN_OR_RETURN(auto wrapped, store.Meta("log_signer"));
  if (!wrapped) return Status::Invalid("the store has no log signing key: it is damaged");
  CANJE_ASSIGN_OR_RETURN(Bytes seed, vault.UnwrapKey(*wrapped, protect::kLogSigningKeyContext));
  ledger::Ed25519Seed seed_array{};
  if (seed.size() != seed_array.size()) return Status::Invalid("the log signing key is damaged");
  std::copy(seed.begin(), seed.end(), seed_array.begin());
  CANJE_ASSIGN_OR_RETURN(std::string origin, store.MetaText("origin"));
  return ledger::SignerKeyFromSeed(origin, ledger::SignatureType::kEd25519, seed_array);
}

// The log's verifier key as the store keeps it; `missing` is the message when it has none.
Result<std::string> StoredVerifierKey(store::Store& store, const char* missing) {
  CANJE_ASSIGN_OR_RETURN(std::string text, store.MetaText("log_vkey"));
  if (text.empty()) return Status::Invalid(missing);
  return text;
}

Result<ledger::VerifierKey> LoadVerifier(store::Store& store) {
  CANJE_ASSIGN_OR_RETURN(
      std::string text,
      StoredVerifierKey(store, "the store has no log verifier key: it is damaged"));
  return ledger::ParseVerifierKey(text);
}

ledger::Hash ToHash(ByteView bytes) {
  ledger::Hash hash{};
  if (bytes.size() == hash.size()) std::copy(bytes.begin(), bytes.end(), hash.begin());
  return hash;
}

Result<std::string> LeafOf(const store::EventRow& event) {
  return ledger::EnvelopeLeaf({event.seq, event.time, event.actor, event.party, event.type,
                               event.subjects, event.payload_sha256});
}

// Opens a checkpoint note with the log's key and parses its body.
Result<ledger::Checkpoint> OpenCheckpoint(std::string_view note,
                                          const ledger::VerifierKey& verifier) {
  CANJE_ASSIGN_OR_RETURN(ledger::OpenedNote opened, ledger::OpenNote(note, {&verifier, 1}));
  return ledger::ParseCheckpoint(opened.text);
}

}  // namespace

Status CreateLogKey(store::WriteTransaction& transaction, protect::Vault& vault,
                    const std::string& origin) {
  Status name = ledger::CheckKeyName(origin);
  if (!name.ok()) {
    return Status::Usage("the log origin '" + origin + "' cannot name a key: " + name.message() +
                         "; choose another with --origin (e.g. example.org/mediation-2025)");
  }
  CANJE_ASSIGN_OR_RETURN(ledger::SignerKey signer,
                         ledger::GenerateSignerKey(origin, ledger::SignatureType::kEd25519));
  CANJE_RETURN_IF_ERROR(transaction.SetMeta(
      "log_signer", vault.WrapKey(ByteView(signer.seed.data(), signer.seed.size()),
                                  protect::kLogSigningKeyContext)));
  return transaction.SetMeta("log_vkey",
                             AsBytes(ledger::FormatVerifierKey(ledger::VerifierKeyOf(signer))));
}

Status SignCheckpoint(store::WriteTransaction& transaction, protect::Vault& vault) {
  store::Store& store = transaction.store();
  CANJE_ASSIGN_OR_RETURN(ledger::SignerKey signer, LoadSigner(store, vault));
  CANJE_ASSIGN_OR_RETURN(int64_t size, transaction.TreeSize());
  CANJE_ASSIGN_OR_RETURN(ledger::Hash root, transaction.TreeRoot());
  CANJE_ASSIGN_OR_RETURN(std::string text,
                         ledger::FormatCheckpoint({signer.name, size, root, {}}));
  CANJE_ASSIGN_OR_RETURN(std::string note, ledger::SignNote(text, signer));
  return transaction.AddCheckpoint(size, root, note);
}

Result<std::string> LogVerifierKey(store::Store& store) {
  return StoredVerifierKey(store, "the store has no log verifier key");
}

Result<int64_t> CheckpointSize(store::Store& store) {
  CANJE_ASSIGN_OR_RETURN(auto latest, store.LatestCheckpoint());
  return latest ? latest->size : 0;
}

Result<std::string> LatestCheckpointNote(store::Store& store) {
  CANJE_ASSIGN_OR_RETURN(auto latest, store.LatestCheckpoint());
  if (!latest) return Status::NotFound("the log has no checkpoint yet");
  std::string note = latest->note;
  CANJE_ASSIGN_OR_RETURN(auto cosignatures, store.Cosignatures(latest->size));
  for (const auto& cosignature : cosignatures) {
    CANJE_ASSIGN_OR_RETURN(note, ledger::AddSignatureLine(note, cosignature.line));
  }
  return note;
}

Result<std::string> EntryLeaf(store::Store& store, int64_t index) {
  CANJE_ASSIGN_OR_RETURN(std::vector<std::string> leaves, EntryLeaves(store, index, 1));
  return std::move(leaves.front());
}

Result<std::vector<std::string>> EntryLeaves(store::Store& store, int64_t first, int64_t count) {
  if (first < 0 || count < 1) return Status::NotFound("no log entry " + std::to_string(first));
  CANJE_ASSIGN_OR_RETURN(auto events, store.Events(first, count));
  std::vector<std::string> leaves;
  leaves.reserve(events.size());
  for (int64_t i = 0; i < count; ++i) {
    if (i >= static_cast<int64_t>(events.size()) || events[i].seq != first + i) {
      return Status::NotFound("no log entry " + std::to_string(first + i));
    }
    CANJE_ASSIGN_OR_RETURN(std::string leaf, LeafOf(events[i]));
    leaves.push_back(std::move(leaf));
  }
  return leaves;
}

namespace {

// VerifyLog's reads, to be run inside one read transaction.
Result<LogVerification> VerifyLogAsOfOneSnapshot(
    Instance& instance, const std::optional<std::string>& earlier_checkpoint,
    const EntryCheckOptions& checks) {
  store::Store& store = instance.store();
  CANJE_ASSIGN_OR_RETURN(ledger::VerifierKey verifier, LoadVerifier(store));
  LogVerification result;
  ledger::MemoryHashStore tree;
  CANJE_ASSIGN_OR_RETURN(
      EntryCheckTotals totals,
      CheckLogEntries(
          store, instance.vault().keys(),
          [&](const ledger::Hash& leaf_hash) { return tree.AppendLeafHash(leaf_hash); }, checks));
  result.entries = totals.entries;
  result.erased_payloads = totals.erased_payloads;

  // The stored interior hashes must be the ones the entries give.
  const std::vector<ledger::Hash>& hashes = tree.stored_hashes();
  auto entry_of = [&](int64_t stored_index) {  // the entry whose append stored that hash
    int64_t entry = 0;
    while (entry + 1 < result.entries && ledger::StoredHashIndex(0, entry + 1) <= stored_index) {
      ++entry;
    }
    return entry;
  };
  int64_t stored_count = 0;
  CANJE_RETURN_IF_ERROR(store.ForEachStoredHash([&](int64_t index, ByteView hash) -> Status {
    if (index >= static_cast<int64_t>(hashes.size())) {
      return Status::Invalid("the stored tree goes on past entry " +
                             std::to_string(result.entries - 1) +
                             ": entries were removed from the end; the log was cut short");
    }
    if (index != stored_count || ToHash(hash) != hashes[index]) {
      return Status::Invalid("entry " + std::to_string(entry_of(index)) +
                             ": the stored tree (hash " + std::to_string(index) +
                             ") does not match the entries; an event was changed after it was "
                             "logged");
    }
    ++stored_count;
    return Status::Ok();
  }));
  CANJE_ASSIGN_OR_RETURN(auto checkpoints, store.Checkpoints());
  int64_t previous_size = -1;
  for (const auto& row : checkpoints) {
    std::string where = "checkpoint at size " + std::to_string(row.size);
    Result<ledger::Checkpoint> checkpoint = OpenCheckpoint(row.note, verifier);
    if (!checkpoint.ok()) return checkpoint.status().WithContext(where);
    if (checkpoint->size != row.size || ToHash(row.root) != checkpoint->root) {
      return Status::Invalid(where + ": the stored size or root differs from the signed note");
    }
    if (row.size > result.entries) {
      return Status::Invalid(where + ": signed for " + std::to_string(row.size) +
                             " entries, but the log holds only " +
                             std::to_string(result.entries) + "; the log was cut short");
    }
    CANJE_ASSIGN_OR_RETURN(ledger::Hash root, ledger::TreeHash(row.size, tree));
    if (root != checkpoint->root) {
      return Status::Invalid(where + ": the entries up to " + std::to_string(row.size) +
                             " do not give the signed root; an entry before " +
                             std::to_string(row.size) + " was changed");
    }
    if (row.size <= previous_size) return Status::Invalid(where + ": out of order");
    previous_size = row.size;
    ++result.checkpoints;
  }
  if (result.entries > 0 && previous_size != result.entries) {
    return Status::Invalid("entry " + std::to_string(std::max<int64_t>(previous_size, 0)) +
                           ": not covered by any signed checkpoint (entries " +
                           std::to_string(std::max<int64_t>(previous_size, 0)) + " to " +
                           std::to_string(result.entries - 1) + " were added without one)");
  }
  if (stored_count != static_cast<int64_t>(hashes.size())) {
    return Status::Invalid("entry " + std::to_string(entry_of(stored_count)) +
                           ": the stored tree ends before it (" + std::to_string(stored_count) +
                           " of " + std::to_string(hashes.size()) +
                           " hashes); the entry was added behind the log's back");
  }

  CANJE_ASSIGN_OR_RETURN(result.root, ledger::TreeHash(result.entries, tree));
  if (earlier_checkpoint) {
    Result<ledger::Checkpoint> earlier = OpenCheckpoint(*earlier_checkpoint, verifier);
    if (!earlier.ok()) return earlier.status().WithContext("the given checkpoint");
    if (earlier->size > result.entries) {
      return Status::Invalid("the given checkpoint covers " + std::to_string(earlier->size) +
                             " entries but the log holds " + std::to_string(result.entries) +
                             ": the log was cut short since");
    }
    CANJE_ASSIGN_OR_RETURN(ledger::Hash root, ledger::TreeHash(earlier->size, tree));
    if (root != earlier->root) {
      return Status::Invalid("the log does not extend the given checkpoint (size " +
                             std::to_string(earlier->size) +
                             "): an entry before it was rewritten since, or the log forked");
    }
  }
  return result;
}

}  // namespace

Result<LogVerification> VerifyLog(Instance& instance,
                                  const std::optional<std::string>& earlier_checkpoint,
                                  const EntryCheckOptions& checks) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadRegistry));
  // One read transaction: the events, the stored tree and the checkpoints are read as of one
  // moment. Read one after the other while another process appends, the stored tree could hold
  // hashes of entries committed after the events were read, and a sound log would read as
  // "cut short".
  store::Store& store = instance.store();
  CANJE_RETURN_IF_ERROR(store.connection().BeginRead());
  Result<LogVerification> verified = VerifyLogAsOfOneSnapshot(instance, earlier_checkpoint, checks);
  (void)store.connection().Rollback();
  return verified;
}

Status AddCosignature(Instance& instance, const std::string& cosigned_note,
                      const std::string& witness_key) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kManageLog));
  CANJE_ASSIGN_OR_RETURN(ledger::VerifierKey witness, ledger::ParseVerifierKey(witness_key));
  if (witness.type != ledger::SignatureType::kCosignatureV1) {
    return Status::Usage("the witness key must be a cosignature/v1 key (type 0x04)");
  }
  CANJE_ASSIGN_OR_RETURN(ledger::VerifierKey log_key, LoadVerifier(instance.store()));
  std::vector<ledger::VerifierKey> keys = {log_key, witness};
  CANJE_ASSIGN_OR_RETURN(ledger::OpenedNote opened, ledger::OpenNote(cosigned_note, keys));
  CANJE_ASSIGN_OR_RETURN(ledger::Checkpoint checkpoint, ledger::ParseCheckpoint(opened.text));
  CANJE_ASSIGN_OR_RETURN(auto stored, instance.store().CheckpointAt(checkpoint.size));
  if (!stored || ToHash(stored->root) != checkpoint.root) {
    return Status::Invalid("this log never signed a checkpoint of size " +
                           std::to_string(checkpoint.size) + " with that root");
  }
  const ledger::NoteSignature* line = nullptr;
  for (const auto& signature : opened.verified) {
    if (signature.name == witness.name && signature.key_id == witness.key_id) line = &signature;
  }
  if (line == nullptr) {
    return Status::Invalid("the note carries no valid cosignature by " + witness.name);
  }
  std::string line_text = ledger::FormatSignatureLine(*line);
  return instance.Change([&](Recorder& recorder) -> Status {
    CANJE_RETURN_IF_ERROR(
        recorder.transaction().AddCosignature(checkpoint.size, witness.name, line_text));
    return recorder
        .Record(events::kLogCosigned, {},
                {{"size", checkpoint.size}, {"witness", witness.name}, {"line", line_text}})
        .status();
  });
}

Result<std::pair<int64_t, int64_t>> ParseEntryRange(std::string_view text) {
  const size_t dash = text.find('-');
  const std::string_view a = text.substr(0, dash);
  const std::string_view b = dash == std::string_view::npos ? a : text.substr(dash + 1);
  auto digits = [](std::string_view part) {
    return !part.empty() && part.size() <= 18 &&
           part.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (!digits(a) || !digits(b)) return Status::Usage("--entries must be A-B, such as 0-20");
  return std::pair<int64_t, int64_t>{std::stoll(std::string(a)), std::stoll(std::string(b))};
}

Result<std::vector<BundleFile>> BundleFiles(Instance& instance, int64_t first,
                                            int64_t wanted_last) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadRegistry));
  store::Store& store = instance.store();
  CANJE_ASSIGN_OR_RETURN(auto latest, store.LatestCheckpoint());
  if (!latest) return Status::NotFound("the log has no checkpoint yet");
  const int64_t last = wanted_last < 0 ? latest->size - 1 : wanted_last;
  if (first < 0 || first > last || last >= latest->size) {
    return Status::Usage("--entries must be A-B with 0 <= A <= B < " +
                         std::to_string(latest->size));
  }
  std::vector<BundleFile> files;
  CANJE_ASSIGN_OR_RETURN(std::string note, LatestCheckpointNote(store));
  files.push_back({"checkpoint", std::move(note)});
  CANJE_ASSIGN_OR_RETURN(std::string vkey, LogVerifierKey(store));
  files.push_back({"log.vkey", vkey + "\n"});
  for (int64_t index = first; index <= last; ++index) {
    CANJE_ASSIGN_OR_RETURN(std::string leaf, EntryLeaf(store, index));
    CANJE_ASSIGN_OR_RETURN(auto proof, store.ProveInclusion(index, latest->size));
    const std::string name = "entries/" + std::to_string(index);
    files.push_back({name + ".leaf", std::move(leaf)});
    files.push_back({name + ".proof", ledger::FormatProof(proof)});
  }
  std::string readme =
      "# Evidence bundle from a canje transparency log\n\n"
      "- `checkpoint`: the log's signed checkpoint (C2SP tlog-checkpoint in a C2SP signed note,\n"
      "  Ed25519), followed by the cosignature lines of the witnesses that checked it.\n"
      "- `log.vkey`: the log's verifier key, `NAME+KEYID+BASE64`, as Go's\n"
      "  golang.org/x/mod/sumdb/note reads it. Compare it with the key the log's operator\n"
      "  published before trusting anything here.\n"
      "- `entries/N.leaf`: the exact bytes of entry N (0-based): canonical JSON (RFC 8785) of the\n"
      "  event's envelope. It holds the event's type, time, actor, party, subjects and the "
      "SHA-256\n"
      "  of salt || payload, never the payload. An entry that records a personal assessment reads\n"
      "  `assessment.sealed` without subjects: its real type and subjects are in the payload.\n"
      "- `entries/N.proof`: the RFC 9162 inclusion proof of entry N in the tree of the\n"
      "  checkpoint's size: base64 SHA-256 hashes, one per line.\n\n"
      "## How to check, offline, with your own tools\n\n"
      "1. Verify the checkpoint's signature with the verifier key (Go: `note.Open`), and the\n"
      "   witnesses' cosignatures with their own keys (C2SP tlog-cosignature).\n"
      "2. Read the checkpoint body: origin, tree size S, base64 root hash R.\n"
      "3. For each entry N: leaf hash = SHA-256(0x00 || bytes of N.leaf). Fold the proof as\n"
      "   RFC 9162 section 2.1.3.2 says (index N, size S); the result must equal R.\n"
      "   (Go: `tlog.CheckRecord`; the same algorithm is a few lines in any language.)\n"
      "4. To tie an entry to its content, the log's operator can disclose the payload and its\n"
      "   salt: SHA-256(salt || payload) must equal the leaf's payload_sha256.\n\n"
      "Entries in this bundle: " +
      std::to_string(first) + " to " + std::to_string(last) + " of a tree of size " +
      std::to_string(latest->size) + ".\n";
  files.push_back({"README.md", std::move(readme)});
  return files;
}

Status WriteBundle(Instance& instance, const BundleOptions& options) {
  CANJE_ASSIGN_OR_RETURN(std::vector<BundleFile> files,
                         BundleFiles(instance, options.first, options.last));
  std::error_code error;
  std::filesystem::create_directories(options.out / "entries", error);
  if (error) return Status::CannotWrite("cannot create " + options.out.string());
  for (const BundleFile& file : files) {
    const std::filesystem::path path = options.out / file.path;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << file.bytes;
    if (!out) return Status::CannotWrite("cannot write " + path.string());
  }
  return Status::Ok();
}

}  // namespace canje::instance
