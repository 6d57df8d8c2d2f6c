#include "instance/witness_submission.h"

#include "core/utf8.h"
#include "ledger/cosignature.h"
#include "ledger/note_keys.h"
#include "ledger/signed_note.h"
#include "ledger/witness_protocol.h"

namespace canje::instance {
namespace {

// At most this many characters of a witness's answer go into a report.
constexpr size_t kQuotedAnswer = 200;

// The answer's body for a report: valid UTF-8 whatever the witness sent (core/utf8.h).
std::string Quoted(std::string_view body) {
  while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.remove_suffix(1);
  return body.empty() ? "(no body)" : "'" + QuoteUntrusted(body, kQuotedAnswer) + "'";
}

// Keeps the lines of a 200 answer that are valid cosignatures by `key` over `text`. Returns how
// many were stored.
Result<int> StoreValidLines(store::Store& store, int64_t size, const std::string& text,
                            const ledger::VerifierKey& key, std::string_view body,
                            std::string& problem) {
  Result<std::vector<std::string>> lines = ledger::SplitCosignatureLines(body);
  if (!lines.ok()) {
    problem = "answered 200 but " + lines.status().message();
    return 0;
  }
  int stored = 0;
  for (const std::string& line : *lines) {
    if (!ledger::VerifyCosignatureLine(text, line, key).ok()) continue;  // another key's
    CANJE_ASSIGN_OR_RETURN(ledger::NoteSignature signature, ledger::ParseSignatureLine(line));
    CANJE_RETURN_IF_ERROR(store::StoreReceivedCosignature(store, size, key.name,
                                                          ledger::FormatSignatureLine(signature)));
    ++stored;
  }
  if (stored == 0) {
    problem = "answered 200 without a valid cosignature by " + key.name +
              " over this checkpoint: is the registered key the witness's?";
  }
  return stored;
}

}  // namespace

Result<SubmissionReport> SubmitToWitness(store::Store& store, const store::WitnessRow& witness,
                                         const PostToWitness& post) {
  SubmissionReport report;
  report.witness = witness.name;
  CANJE_ASSIGN_OR_RETURN(auto latest, store.LatestCheckpoint());
  CANJE_ASSIGN_OR_RETURN(auto cosigned, store::LatestCosignature(store, witness.name));
  report.cosigned_size = cosigned ? cosigned->size : 0;
  if (!latest) {
    report.up_to_date = true;  // nothing signed yet, nothing to witness
    return report;
  }
  report.size = latest->size;
  if (report.cosigned_size == latest->size) {
    report.up_to_date = true;
    return report;
  }
  Result<ledger::VerifierKey> key = ledger::ParseVerifierKey(witness.verifier_key);
  if (!key.ok()) {
    report.problem = "its registered key is damaged: " + key.status().message();
    return report;
  }
  CANJE_ASSIGN_OR_RETURN(ledger::ParsedNote note, ledger::ParseNote(latest->note));

  int64_t old_size = report.cosigned_size;
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (old_size > latest->size) {
      report.problem = "it has cosigned size " + std::to_string(old_size) +
                       ", larger than this log's " + std::to_string(latest->size) +
                       ": this store was rolled back, or the witness was shown a fork; keep both "
                       "checkpoints and compare them";
      return report;
    }
    ledger::AddCheckpointRequest request{old_size, {}, latest->note};
    if (old_size > 0 && old_size < latest->size) {
      CANJE_ASSIGN_OR_RETURN(request.proof, store.ProveConsistency(old_size, latest->size));
    }
    Result<WitnessAnswer> answer = post(witness.url, ledger::FormatAddCheckpointRequest(request));
    if (!answer.ok()) {
      report.problem = "unreachable: " + answer.status().message();
      return report;
    }
    if (answer->status == 200) {
      CANJE_ASSIGN_OR_RETURN(int stored, StoreValidLines(store, latest->size, note.text, *key,
                                                         answer->body, report.problem));
      if (stored > 0) {
        report.cosigned = true;
        report.cosigned_size = latest->size;
      }
      return report;
    }
    if (answer->status == 409 &&
        answer->content_type.substr(0, ledger::kTlogSizeContentType.size()) ==
            ledger::kTlogSizeContentType) {
      Result<int64_t> witness_size = ledger::ParseTreeSizeBody(answer->body);
      if (!witness_size.ok()) {
        report.problem = "answered 409 but " + witness_size.status().message();
        return report;
      }
      report.cosigned_size = *witness_size;
      if (*witness_size == old_size) {
        report.problem = "it refuses size " + std::to_string(latest->size) + " from its own size " +
                         std::to_string(old_size) +
                         ": it cosigned another tree of that size, so the log and the witness "
                         "disagree about the log's history (a fork); see its forks/ folder";
        return report;
      }
      old_size = *witness_size;  // our record of it was behind (an answer was lost): again
      continue;
    }
    report.problem = "answered " + std::to_string(answer->status) + ": " + Quoted(answer->body);
    return report;
  }
  report.problem = "its cosigned size keeps changing while we send (two 409 answers in a row)";
  return report;
}

Result<std::vector<store::WitnessRow>> WitnessesToSubmitTo(store::Store& store) {
  return store::Witnesses(store, false);
}

Result<std::vector<SubmissionReport>> SubmitToWitnesses(Instance& instance,
                                                        const PostToWitness& post) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kSubmitToWitnesses));
  CANJE_ASSIGN_OR_RETURN(auto witnesses, WitnessesToSubmitTo(instance.store()));
  std::vector<SubmissionReport> reports;
  for (const store::WitnessRow& witness : witnesses) {
    CANJE_ASSIGN_OR_RETURN(SubmissionReport report,
                           SubmitToWitness(instance.store(), witness, post));
    reports.push_back(std::move(report));
  }
  return reports;
}

}  // namespace canje::instance
