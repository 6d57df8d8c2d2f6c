#include "witness/witness_state.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

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

// Writes atomically: temporary file, fsync, rename, fsync of the folder.
Status WriteAtomically(const std::filesystem::path& path, const std::string& text, int mode) {
  std::filesystem::path temporary = path;
  temporary += ".tmp";
  int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC, mode);
  if (fd < 0) return Status::CannotWrite("cannot write " + temporary.string());
  bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
            fsync(fd) == 0;
  close(fd);
  if (!ok || rename(temporary.c_str(), path.c_str()) != 0) {
    return Status::CannotWrite("cannot write " + path.string());
  }
  int dir = open(path.parent_path().empty() ? "." : path.parent_path().c_str(), O_RDONLY);
  if (dir >= 0) {
    fsync(dir);
    close(dir);
  }
  return Status::Ok();
}

Result<std::optional<ledger::TreeHead>> LoadState(const std::filesystem::path& folder) {
  std::filesystem::path path = folder / "state";
  if (!std::filesystem::exists(path)) return std::optional<ledger::TreeHead>();
  CANJE_ASSIGN_OR_RETURN(std::string text, ReadText(path));
  std::istringstream fields(text);
  ledger::TreeHead head;
  std::string root;
  fields >> head.size >> root;
  std::optional<Bytes> bytes = Base64Decode(root);
  if (!fields || head.size < 0 || !bytes || bytes->size() != head.root.size()) {
    return Status::Invalid(path.string() + " is damaged; the witness cannot go on safely");
  }
  std::copy(bytes->begin(), bytes->end(), head.root.begin());
  return std::optional<ledger::TreeHead>(head);
}

}  // namespace

Result<std::string> InitWitness(const std::filesystem::path& folder, const std::string& name,
                                const std::string& log_vkey) {
  CANJE_RETURN_IF_ERROR(ledger::ParseVerifierKey(Trimmed(log_vkey)).status());
  if (std::filesystem::exists(folder / "witness.key")) {
    return Status::Conflict(folder.string() + " already holds a witness key");
  }
  CANJE_ASSIGN_OR_RETURN(ledger::SignerKey key,
                         ledger::GenerateSignerKey(name, ledger::SignatureType::kCosignatureV1));
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) return Status::CannotWrite("cannot create " + folder.string());
  CANJE_RETURN_IF_ERROR(
      WriteAtomically(folder / "witness.key", ledger::FormatSignerKey(key) + "\n", 0600));
  CANJE_RETURN_IF_ERROR(WriteAtomically(folder / "log.vkey", Trimmed(log_vkey) + "\n", 0644));
  return ledger::FormatVerifierKey(ledger::VerifierKeyOf(key));
}

Result<std::string> WitnessVerifierKey(const std::filesystem::path& folder) {
  CANJE_ASSIGN_OR_RETURN(std::string text, ReadText(folder / "witness.key"));
  CANJE_ASSIGN_OR_RETURN(ledger::SignerKey key, ledger::ParseSignerKey(Trimmed(text)));
  return ledger::FormatVerifierKey(ledger::VerifierKeyOf(key));
}

Result<CosignOutcome> Cosign(const std::filesystem::path& folder,
                             const std::string& checkpoint_note, const std::string& proof_text,
                             uint64_t now) {
  CANJE_ASSIGN_OR_RETURN(std::string key_text, ReadText(folder / "witness.key"));
  CANJE_ASSIGN_OR_RETURN(ledger::SignerKey key, ledger::ParseSignerKey(Trimmed(key_text)));
  CANJE_ASSIGN_OR_RETURN(std::string log_text, ReadText(folder / "log.vkey"));
  CANJE_ASSIGN_OR_RETURN(ledger::VerifierKey log_key, ledger::ParseVerifierKey(Trimmed(log_text)));
  CANJE_ASSIGN_OR_RETURN(auto last, LoadState(folder));
  CANJE_ASSIGN_OR_RETURN(std::vector<ledger::Hash> proof, ledger::ParseProof(proof_text));
  ledger::WitnessRefusal refusal = ledger::WitnessRefusal::kNone;
  Result<ledger::WitnessCosignature> decided = ledger::DecideCosignature(
      {log_key.name, log_key}, last, checkpoint_note, proof, key, now, &refusal);
  if (!decided.ok()) {
    if (ledger::IsForkEvidence(refusal)) {
      std::filesystem::path forks = folder / "forks";
      std::filesystem::create_directories(forks);
      std::string stem = std::to_string(now);
      Result<std::string> previous = ReadText(folder / "last.checkpoint");
      if (previous.ok()) {
        (void)WriteAtomically(forks / (stem + "-cosigned.checkpoint"), *previous, 0644);
      }
      (void)WriteAtomically(forks / (stem + "-refused.checkpoint"), checkpoint_note, 0644);
      return Status::Invalid(decided.status().message() + "; both checkpoints are kept in " +
                             forks.string() + " as evidence of the fork");
    }
    return decided.status();
  }
  // Save first, then hand out the cosignature.
  CANJE_RETURN_IF_ERROR(WriteAtomically(folder / "state",
                                        std::to_string(decided->checkpoint.size) + " " +
                                            Base64Encode(decided->checkpoint.root) + "\n",
                                        0644));
  CANJE_RETURN_IF_ERROR(WriteAtomically(folder / "last.checkpoint", checkpoint_note, 0644));
  CosignOutcome outcome;
  outcome.line = decided->cosignature_line;
  outcome.size = decided->checkpoint.size;
  CANJE_ASSIGN_OR_RETURN(outcome.cosigned_note,
                         ledger::AddSignatureLine(checkpoint_note, outcome.line));
  return outcome;
}

}  // namespace canje::witness
