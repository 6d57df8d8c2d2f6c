// Each exchange's witness policy, and whether its agreement and its completion are final.
//
// A policy says which of the log's registered witnesses (instance/log_witnesses.h) must have
// cosigned the log, and how many of them: "2 of VEN's, SLV's and the ICRC's witnesses". An
// event is final when the log entry that records it is covered by checkpoints that at least
// `threshold` of the policy's witnesses cosigned: a witness covers entry e when the largest
// checkpoint it cosigned has a size above e (a cosignature of a larger checkpoint covers every
// entry before it, the witness having checked that the log only grew). Each witness's latest
// stored cosignature is verified again, against its registered key and the stored checkpoint,
// before it counts.
//
//   the agreement: the latest "agreement.signed" event of the agreed version, once every
//     party's signature is valid (negotiation/agreement.h);
//   the completion: the "exchange.completed" event.
//
// Without a policy nothing is final: the parties have not said whose cosignatures they trust.
// Setting the policy is the mediator's (or an admin's), an event; once the exchange is past
// negotiating, a policy set earlier can no longer be replaced (nobody weakens it after the
// parties agreed under it).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "store/agreement_tables.h"
#include "store/witness_tables.h"

namespace canje::negotiation {

// Sets exchange `exchange_id`'s policy (Action::kSetWitnessPolicy). kUsage for a threshold
// outside 1..witnesses, no witness or one named twice; kNotFound for an exchange the user may
// not read or a witness that is not registered; kConflict when a policy exists and the
// exchange is past negotiating.
Result<store::WitnessPolicyRow> SetWitnessPolicy(instance::Instance& instance, int64_t exchange_id,
                                                 int64_t threshold,
                                                 std::vector<std::string> witnesses);

// One witness of a policy, and how far it cosigned.
struct WitnessCoverage {
  std::string witness;
  int64_t cosigned_size = 0;  // verified; 0 when none (or its latest does not verify)
  bool covers = false;        // cosigned_size > the entry
};

struct Finality {
  bool final = false;
  int64_t entry = -1;     // the log entry that must be covered; -1: the event did not happen
  int64_t threshold = 0;  // 0: no policy
  std::vector<WitnessCoverage> witnesses;  // the policy's, in its order
  std::string detail;                      // one sentence saying why (not) final
};

// Pure: the decision from the policy, the entry (-1: not yet) and each policy witness's
// verified cosigned size (absent: none). `not_yet` is said when entry is -1.
Finality DecideFinality(const std::optional<store::WitnessPolicyRow>& policy, int64_t entry,
                        const std::map<std::string, int64_t>& cosigned_sizes,
                        const std::string& not_yet);

// The store's side of it: the exchange's policy and its witnesses' verified cosigned sizes.
// Reads only; the caller has checked that the user may read the exchange.
Result<Finality> FinalityOfEntry(store::Store& store, int64_t exchange_id, int64_t entry,
                                 const std::string& not_yet);

// The exchange's workflow state with the finality of its agreement (once agreed) and of its
// completion (once completed). The errors of ExchangeWorkflowState.
struct WorkflowFinality {
  store::ExchangeStateRow state;
  std::optional<store::WitnessPolicyRow> policy;
  std::optional<Finality> agreement;
  std::optional<Finality> completion;
};
Result<WorkflowFinality> ExchangeWorkflowFinality(instance::Instance& instance,
                                                  int64_t exchange_id);

}  // namespace canje::negotiation
