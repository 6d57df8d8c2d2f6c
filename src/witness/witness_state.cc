#include "witness/witness_state.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "core/atomic_file.h"
#include "ledger/checkpoint.h"
#include "ledger/note_keys.h"
#include "ledger/proof_text.h"
#include "ledger/signed_note.h"
#include "ledger/witness.h"

namespace canje::witness {
namespace {

Result<std::string> ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path.string());
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

// The folder's lock (flock on DIR/lock), held for one check-and-save. flock locks belong to the
// open file, so two threads of one process exclude each other as two processes do.
class FolderLock {
 public:
  static Result<FolderLock> Take(const std::filesystem::path& folder) {
    int fd = open((folder / "lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return Status::CannotWrite("cannot open " + (folder / "lock").string());
    if (flock(fd, LOCK_EX) != 0) {
      close(fd);
      return Status::Unavailable("cannot lock " + (folder / "lock").string());
    }
    return FolderLock(fd);
  }
  FolderLock(FolderLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  FolderLock& operator=(FolderLock&&) = delete;
  ~FolderLock() {
    if (fd_ >= 0) close(fd_);  // releases the lock
  }

 private:
  explicit FolderLock(int fd) : fd_(fd) {}
  int fd_;
};

struct SavedState {
  ledger::TreeHead head;
  std::string note;  // the note cosigned last (empty in folders written before it was kept)
};

Result<std::optional<SavedState>> LoadState(const std::filesystem::path& folder) {
  std::filesystem::path path = folder / "state";
  if (!std::filesystem::exists(path)) return std::optional<SavedState>();
  CANJE_ASSIGN_OR_RETURN(std::string text, ReadText(path));
  const size_t line_end = text.find('\n');
  std::istringstream fields(text.substr(0, line_end));
  SavedState state;
  std::string root;
  fields >> state.head.size >> root;
  std::optional<Bytes> bytes = Base64Decode(root);
  if (!fields || state.head.size < 0 || !bytes || bytes->size() != state.head.root.size()) {
    return Status::Invalid(path.string() + " is damaged; the witness cannot go on safely");
  }
  std::copy(bytes->begin(), bytes->end(), state.head.root.begin());
  if (line_end != std::string::npos) state.note = text.substr(line_end + 1);
  return std::optional<SavedState>(std::move(state));
}

// Saves the new tree head and its note in one atomic replacement of `state`, then the readable
// copy. Only after this returns may the cosignature be handed out.
Status SaveState(const std::filesystem::path& folder, const ledger::Checkpoint& checkpoint,
                 const std::string& note) {
  CANJE_RETURN_IF_ERROR(WriteFileAtomically(
      folder / "state",
      std::to_string(checkpoint.size) + " " + Base64Encode(checkpoint.root) + "\n" + note,
      {.mode = 0644}));
  return WriteFileAtomically(folder / "last.checkpoint", note, {.mode = 0644});
}

// Keeps both notes of a refused rollback or fork under forks/.
Status KeepEvidence(const std::filesystem::path& folder, const std::optional<SavedState>& last,
                    const std::string& refused_note, uint64_t now) {
  std::filesystem::path forks = folder / "forks";
  std::error_code error;
  std::filesystem::create_directories(forks, error);
  if (error) return Status::CannotWrite("cannot create " + forks.string());
  std::string stem = std::to_string(now);
  for (int n = 1; std::filesystem::exists(forks / (stem + "-refused.checkpoint")); ++n) {
    stem = std::to_string(now) + "." + std::to_string(n);
  }
  if (last && !last->note.empty()) {
    CANJE_RETURN_IF_ERROR(
        WriteFileAtomically(forks / (stem + "-cosigned.checkpoint"), last->note, {.mode = 0644}));
  } else if (Result<std::string> previous = ReadText(folder / "last.checkpoint"); previous.ok()) {
    CANJE_RETURN_IF_ERROR(
        WriteFileAtomically(forks / (stem + "-cosigned.checkpoint"), *previous, {.mode = 0644}));
  }
  return WriteFileAtomically(forks / (stem + "-refused.checkpoint"), refused_note, {.mode = 0644});
}

struct WitnessKeys {
  ledger::SignerKey key;
  ledger::VerifierKey log_key;
};

Result<WitnessKeys> LoadKeys(const std::filesystem::path& folder) {
  CANJE_ASSIGN_OR_RETURN(std::string key_text, ReadText(folder / "witness.key"));
  CANJE_ASSIGN_OR_RETURN(ledger::SignerKey key, ledger::ParseSignerKey(Trimmed(key_text)));
  CANJE_ASSIGN_OR_RETURN(std::string log_text, ReadText(folder / "log.vkey"));
  CANJE_ASSIGN_OR_RETURN(ledger::VerifierKey log_key, ledger::ParseVerifierKey(Trimmed(log_text)));
  return WitnessKeys{std::move(key), std::move(log_key)};
}

AddCheckpointAnswer Refusal(AddCheckpointVerdict verdict, std::string message, int64_t size) {
  AddCheckpointAnswer answer;
  answer.verdict = verdict;
  answer.message = std::move(message);
  answer.cosigned_size = size;
  return answer;
}

// The whole decision, the folder already locked. `old_size` empty: the size cosigned last (the
// command line, which reads no old size from anyone).
Result<AddCheckpointAnswer> Judge(const std::filesystem::path& folder,
                                  std::optional<int64_t> old_size,
                                  const std::string& checkpoint_note,
                                  const std::vector<ledger::Hash>& proof, uint64_t now) {
  CANJE_ASSIGN_OR_RETURN(WitnessKeys keys, LoadKeys(folder));
  CANJE_ASSIGN_OR_RETURN(std::optional<SavedState> last, LoadState(folder));
  const int64_t cosigned = last ? last->head.size : 0;
  using enum AddCheckpointVerdict;

  // The order of C2SP tlog-witness: origin (404), signature (403), old size (400, 409), proof.
  Result<ledger::ParsedNote> parsed = ledger::ParseNote(checkpoint_note);
  if (!parsed.ok()) {
    return Refusal(kMalformed,
                   "refused: the checkpoint note is malformed: " + parsed.status().message(),
                   cosigned);
  }
  Result<ledger::Checkpoint> body = ledger::ParseCheckpoint(parsed->text);
  if (!body.ok()) {
    return Refusal(kMalformed, "refused: the note is not a checkpoint: " + body.status().message(),
                   cosigned);
  }
  if (body->origin != keys.log_key.name) {
    return Refusal(kUnknownLog,
                   "refused: this witness does not watch the log '" + body->origin +
                       "' (it watches '" + keys.log_key.name + "')",
                   cosigned);
  }
  const ledger::VerifierKey verifiers[] = {keys.log_key};
  if (Status opened = ledger::OpenNote(checkpoint_note, verifiers).status(); !opened.ok()) {
    return Refusal(
        kUnsigned,
        "refused: the checkpoint is not validly signed by the log's key: " + opened.message(),
        cosigned);
  }
  // (The command line gives no old size: a smaller checkpoint goes on to DecideCosignature,
  // which keeps it as evidence of a rollback.)
  const int64_t old = old_size.value_or(cosigned);
  if (old_size && old > body->size) {
    return Refusal(kMalformed,
                   "refused: old size " + std::to_string(old) +
                       " is larger than the checkpoint's size " + std::to_string(body->size),
                   cosigned);
  }
  if (old != cosigned) {
    return Refusal(kSizeMismatch,
                   "refused: this witness cosigned size " + std::to_string(cosigned) +
                       " last, not " + std::to_string(old) + "; send a proof from " +
                       std::to_string(cosigned),
                   cosigned);
  }

  ledger::WitnessRefusal refusal = ledger::WitnessRefusal::kNone;
  std::optional<ledger::TreeHead> head;
  if (last) head = last->head;
  Result<ledger::WitnessCosignature> decided = ledger::DecideCosignature(
      {keys.log_key.name, keys.log_key}, head, checkpoint_note, proof, keys.key, now, &refusal);
  if (!decided.ok()) {
    if (decided.status().code() != StatusCode::kInvalid) return decided.status();
    AddCheckpointAnswer answer = Refusal(kMalformed, decided.status().message(), cosigned);
    switch (refusal) {
      case ledger::WitnessRefusal::kUnsigned:
        answer.verdict = kUnsigned;
        break;
      case ledger::WitnessRefusal::kWrongLog:
        answer.verdict = kUnknownLog;
        break;
      case ledger::WitnessRefusal::kBadProof:
        answer.verdict = kBadProof;
        break;
      case ledger::WitnessRefusal::kRollback:  // only from the command line (see above)
        answer.verdict = kMalformed;
        break;
      case ledger::WitnessRefusal::kFork:
        answer.verdict = body->size == cosigned ? kSizeMismatch : kBadProof;
        break;
      default:
        break;
    }
    if (ledger::IsForkEvidence(refusal)) {
      CANJE_RETURN_IF_ERROR(KeepEvidence(folder, last, checkpoint_note, now));
      answer.evidence_kept = true;
      answer.message += "; both checkpoints are kept in " + (folder / "forks").string() +
                        " as evidence of the fork";
    }
    return answer;
  }
  // Save first, then hand out the cosignature.
  CANJE_RETURN_IF_ERROR(SaveState(folder, decided->checkpoint, checkpoint_note));
  AddCheckpointAnswer answer;
  answer.verdict = kCosigned;
  answer.cosignature_lines = decided->cosignature_line;
  answer.cosigned_size = decided->checkpoint.size;
  return answer;
}

}  // namespace

Result<std::string> InitWitness(const std::filesystem::path& folder, const std::string& name,
                                const std::string& log_vkey) {
  CANJE_ASSIGN_OR_RETURN(ledger::VerifierKey log_key, ledger::ParseVerifierKey(Trimmed(log_vkey)));
  if (log_key.type != ledger::SignatureType::kEd25519) {
    return Status::Usage("--log-key must be a log's checkpoint key (signature type 0x01)");
  }
  if (std::filesystem::exists(folder / "witness.key")) {
    return Status::Conflict(folder.string() + " already holds a witness key");
  }
  CANJE_ASSIGN_OR_RETURN(ledger::SignerKey key,
                         ledger::GenerateSignerKey(name, ledger::SignatureType::kCosignatureV1));
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) return Status::CannotWrite("cannot create " + folder.string());
  CANJE_RETURN_IF_ERROR(WriteFileAtomically(folder / "witness.key",
                                            ledger::FormatSignerKey(key) + "\n", {.mode = 0600}));
  CANJE_RETURN_IF_ERROR(
      WriteFileAtomically(folder / "log.vkey", Trimmed(log_vkey) + "\n", {.mode = 0644}));
  return ledger::FormatVerifierKey(ledger::VerifierKeyOf(key));
}

Result<std::string> WitnessVerifierKey(const std::filesystem::path& folder) {
  CANJE_ASSIGN_OR_RETURN(std::string text, ReadText(folder / "witness.key"));
  CANJE_ASSIGN_OR_RETURN(ledger::SignerKey key, ledger::ParseSignerKey(Trimmed(text)));
  return ledger::FormatVerifierKey(ledger::VerifierKeyOf(key));
}

Result<int64_t> CosignedSize(const std::filesystem::path& folder) {
  CANJE_ASSIGN_OR_RETURN(std::optional<SavedState> last, LoadState(folder));
  return last ? last->head.size : 0;
}

Result<CosignOutcome> Cosign(const std::filesystem::path& folder,
                             const std::string& checkpoint_note, const std::string& proof_text,
                             uint64_t now) {
  CANJE_ASSIGN_OR_RETURN(std::vector<ledger::Hash> proof, ledger::ParseProof(proof_text));
  CANJE_RETURN_IF_ERROR(LoadKeys(folder).status());
  CANJE_ASSIGN_OR_RETURN(FolderLock lock, FolderLock::Take(folder));
  CANJE_ASSIGN_OR_RETURN(AddCheckpointAnswer answer,
                         Judge(folder, std::nullopt, checkpoint_note, proof, now));
  if (answer.verdict != AddCheckpointVerdict::kCosigned) return Status::Invalid(answer.message);
  CosignOutcome outcome;
  outcome.line = answer.cosignature_lines;
  outcome.size = answer.cosigned_size;
  CANJE_ASSIGN_OR_RETURN(outcome.cosigned_note,
                         ledger::AddSignatureLine(checkpoint_note, outcome.line));
  return outcome;
}

Result<AddCheckpointAnswer> AddCheckpoint(const std::filesystem::path& folder,
                                          const ledger::AddCheckpointRequest& request,
                                          uint64_t now) {
  CANJE_RETURN_IF_ERROR(LoadKeys(folder).status());
  CANJE_ASSIGN_OR_RETURN(FolderLock lock, FolderLock::Take(folder));
  return Judge(folder, request.old_size, request.checkpoint_note, request.proof, now);
}

}  // namespace canje::witness
