#include "negotiation/witness_policy.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/text.h"
#include "instance/event_types.h"
#include "ledger/cosignature.h"
#include "ledger/note_keys.h"
#include "ledger/signed_note.h"
#include "negotiation/agreement.h"
#include "negotiation/exchange.h"
#include "negotiation/workflow.h"
#include "negotiation/workflow_actions.h"

namespace canje::negotiation {
namespace {

// The size of the witness's latest stored cosignature, if it verifies against its registered
// key and the stored checkpoint of that size; 0 otherwise.
Result<int64_t> VerifiedCosignedSize(store::Store& store, const std::string& witness) {
  CANJE_ASSIGN_OR_RETURN(auto registered, store::FindWitness(store, witness));
  if (!registered) return 0;
  CANJE_ASSIGN_OR_RETURN(auto latest, store::LatestCosignature(store, witness));
  if (!latest) return 0;
  CANJE_ASSIGN_OR_RETURN(auto checkpoint, store.CheckpointAt(latest->size));
  Result<ledger::VerifierKey> key = ledger::ParseVerifierKey(registered->verifier_key);
  if (!checkpoint || !key.ok()) return 0;
  Result<ledger::ParsedNote> note = ledger::ParseNote(checkpoint->note);
  if (!note.ok() || !ledger::VerifyCosignatureLine(note->text, latest->line, *key).ok()) return 0;
  return latest->size;
}

}  // namespace

Result<store::WitnessPolicyRow> SetWitnessPolicy(instance::Instance& instance, int64_t exchange_id,
                                                 int64_t threshold,
                                                 std::vector<std::string> witnesses) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kSetWitnessPolicy));
  CANJE_RETURN_IF_ERROR(LoadExchange(instance, exchange_id).status());
  const std::string exchange = ExchangeId(exchange_id);
  if (witnesses.empty()) return Status::Usage("name the policy's witnesses with --witnesses");
  std::sort(witnesses.begin(), witnesses.end());
  if (auto twice = std::adjacent_find(witnesses.begin(), witnesses.end());
      twice != witnesses.end()) {
    return Status::Usage("witness " + *twice + " is named twice");
  }
  if (threshold < 1 || threshold > static_cast<int64_t>(witnesses.size())) {
    return Status::Usage("--threshold " + std::to_string(threshold) + ": give 1 to " +
                         std::to_string(witnesses.size()) + " (the number of witnesses named)");
  }
  for (const std::string& name : witnesses) {
    CANJE_ASSIGN_OR_RETURN(auto registered, store::FindWitness(instance.store(), name));
    if (!registered || !registered->removed_at.empty()) {
      return Status::NotFound("no witness " + name +
                              " is registered; an admin adds it with `canje witness add`");
    }
  }
  CANJE_ASSIGN_OR_RETURN(auto existing, store::FindWitnessPolicy(instance.store(), exchange_id));
  if (existing) {
    CANJE_ASSIGN_OR_RETURN(auto state, store::FindExchangeState(instance.store(), exchange_id));
    if (state && state->state != ExchangeStateName(ExchangeState::kNegotiating)) {
      return Status::Conflict("exchange " + exchange + " is " + state->state +
                              "; its witness policy (" + std::to_string(existing->threshold) +
                              " of " + Join(existing->witnesses) +
                              ") was agreed under and can no longer be replaced");
    }
  }
  store::WitnessPolicyRow row{exchange_id, threshold, witnesses, "", "", 0};
  CANJE_RETURN_IF_ERROR(instance.Change([&](instance::Recorder& recorder) -> Status {
    CANJE_ASSIGN_OR_RETURN(
        row.event_seq,
        recorder.Record(
            events::kExchangeWitnessPolicySet, {exchange},
            {{"exchange", exchange}, {"threshold", threshold}, {"witnesses", witnesses}}));
    return store::PutWitnessPolicy(recorder.transaction(), row);
  }));
  CANJE_ASSIGN_OR_RETURN(auto stored, store::FindWitnessPolicy(instance.store(), exchange_id));
  if (!stored) return Status::Internal("the witness policy of " + exchange + " was not stored");
  return *stored;
}

Finality DecideFinality(const std::optional<store::WitnessPolicyRow>& policy, int64_t entry,
                        const std::map<std::string, int64_t>& cosigned_sizes,
                        const std::string& not_yet) {
  Finality finality;
  finality.entry = entry;
  if (!policy) {
    finality.detail = "no witness policy is set for the exchange (canje exchange witness-policy)";
    return finality;
  }
  finality.threshold = policy->threshold;
  int64_t covering = 0;
  std::vector<std::string> covered_by;
  for (const std::string& name : policy->witnesses) {
    WitnessCoverage coverage{name, 0, false};
    if (auto found = cosigned_sizes.find(name); found != cosigned_sizes.end()) {
      coverage.cosigned_size = found->second;
    }
    coverage.covers = entry >= 0 && coverage.cosigned_size > entry;
    if (coverage.covers) {
      ++covering;
      covered_by.push_back(name);
    }
    finality.witnesses.push_back(std::move(coverage));
  }
  const std::string required = std::to_string(policy->threshold) + " of " +
                               std::to_string(policy->witnesses.size()) + " witnesses required";
  if (entry < 0) {
    finality.detail = not_yet;
    return finality;
  }
  finality.final = covering >= policy->threshold;
  finality.detail = "log entry " + std::to_string(entry) +
                    " is covered by checkpoints cosigned by " +
                    (covered_by.empty() ? "no witness" : Join(covered_by)) + " (" + required + ")";
  return finality;
}

Result<Finality> FinalityOfEntry(store::Store& store, int64_t exchange_id, int64_t entry,
                                 const std::string& not_yet) {
  CANJE_ASSIGN_OR_RETURN(auto policy, store::FindWitnessPolicy(store, exchange_id));
  std::map<std::string, int64_t> sizes;
  if (policy) {
    for (const std::string& name : policy->witnesses) {
      CANJE_ASSIGN_OR_RETURN(sizes[name], VerifiedCosignedSize(store, name));
    }
  }
  return DecideFinality(policy, entry, sizes, not_yet);
}

Result<WorkflowFinality> ExchangeWorkflowFinality(instance::Instance& instance,
                                                  int64_t exchange_id) {
  WorkflowFinality status;
  CANJE_ASSIGN_OR_RETURN(status.state, ExchangeWorkflowState(instance, exchange_id));
  CANJE_ASSIGN_OR_RETURN(status.policy, store::FindWitnessPolicy(instance.store(), exchange_id));
  if (status.state.agreed_version != 0) {
    CANJE_ASSIGN_OR_RETURN(AgreementCheck check,
                           VerifyAgreement(instance, status.state.agreed_version));
    status.agreement = std::move(check.finality);
  }
  if (status.state.state == ExchangeStateName(ExchangeState::kCompleted)) {
    CANJE_ASSIGN_OR_RETURN(status.completion,
                           FinalityOfEntry(instance.store(), exchange_id, status.state.event_seq,
                                           "the exchange is not completed"));
  }
  return status;
}

}  // namespace canje::negotiation
