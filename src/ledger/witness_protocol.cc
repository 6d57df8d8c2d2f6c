#include "ledger/witness_protocol.h"

#include <optional>

#include "core/utf8.h"
#include "ledger/checkpoint.h"
#include "ledger/proof_text.h"

namespace canje::ledger {
namespace {

constexpr std::string_view kOldPrefix = "old ";
constexpr std::string_view kSignatureLineStart = "\xE2\x80\x94 ";  // U+2014 and a space

}  // namespace

std::string FormatAddCheckpointRequest(const AddCheckpointRequest& request) {
  return std::string(kOldPrefix) + std::to_string(request.old_size) + "\n" +
         FormatProof(request.proof) + "\n" + request.checkpoint_note;
}

Result<AddCheckpointRequest> ParseAddCheckpointRequest(std::string_view body) {
  AddCheckpointRequest request;
  const size_t first_end = body.find('\n');
  if (first_end == std::string_view::npos) {
    return Status::Usage("line 1: the body must start with \"old <size>\" and a newline");
  }
  const std::string_view first = body.substr(0, first_end);
  std::optional<int64_t> old_size = first.substr(0, kOldPrefix.size()) == kOldPrefix
                                        ? ParseTreeSize(first.substr(kOldPrefix.size()))
                                        : std::nullopt;
  if (!old_size) {
    return Status::Usage("line 1: '" + QuoteUntrusted(first, 40) +
                         "' is not \"old <size>\" (a decimal size without leading zeroes)");
  }
  request.old_size = *old_size;
  // The proof runs up to the first empty line; the checkpoint follows it.
  const size_t proof_start = first_end + 1;
  size_t blank = std::string_view::npos;
  if (body.substr(proof_start, 1) == "\n") {
    blank = proof_start;
  } else {
    const size_t found = body.find("\n\n", proof_start);
    if (found != std::string_view::npos) blank = found + 1;
  }
  if (blank == std::string_view::npos) {
    return Status::Usage("the body has no empty line between the proof and the checkpoint");
  }
  const std::string_view proof_text = body.substr(proof_start, blank - proof_start);
  Result<std::vector<Hash>> proof = ParseProof(proof_text);
  if (!proof.ok())
    return Status::Usage(proof.status().message() + " (the line after \"old\" is 1)");
  if (proof->size() > kMaxAddCheckpointProofLines) {
    return Status::Usage("the consistency proof has " + std::to_string(proof->size()) +
                         " lines; at most " + std::to_string(kMaxAddCheckpointProofLines) +
                         " are allowed");
  }
  request.proof = std::move(*proof);
  request.checkpoint_note = std::string(body.substr(blank + 1));
  if (request.checkpoint_note.empty()) {
    return Status::Usage("the body has no checkpoint after the empty line");
  }
  return request;
}

std::string FormatTreeSizeBody(int64_t size) { return std::to_string(size) + "\n"; }

Result<int64_t> ParseTreeSizeBody(std::string_view body) {
  std::optional<int64_t> size;
  if (!body.empty() && body.back() == '\n') size = ParseTreeSize(body.substr(0, body.size() - 1));
  if (!size) {
    return Status::Invalid("the witness's size answer '" + QuoteUntrusted(body, 40) +
                           "' is not a decimal size and a newline");
  }
  return *size;
}

Result<std::vector<std::string>> SplitCosignatureLines(std::string_view body) {
  std::vector<std::string> lines;
  while (!body.empty()) {
    const size_t end = body.find('\n');
    if (end == std::string_view::npos) {
      return Status::Invalid("the witness's answer ends without a newline");
    }
    const std::string_view line = body.substr(0, end + 1);
    if (line.substr(0, kSignatureLineStart.size()) != kSignatureLineStart) {
      return Status::Invalid("the witness's answer has a line that is not a signature line: '" +
                             QuoteUntrusted(line, 40) + "'");
    }
    lines.emplace_back(line);
    body.remove_prefix(end + 1);
  }
  if (lines.empty()) return Status::Invalid("the witness answered with no cosignature");
  return lines;
}

}  // namespace canje::ledger
