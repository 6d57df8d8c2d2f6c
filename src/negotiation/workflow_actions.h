// Moving an exchange through its workflow (negotiation/workflow.h) in the store.
//
// negotiating -> agreed happens when a named version is agreed (proposal_actions.h). The other
// moves are the mediator's (Action::kChangeExchangeState), each an event "exchange.<state>":
//  - agreed -> verifying: only once every party's signature of the agreed version verifies
//    (agreement.h), so that verification starts from a signed list;
//  - verifying -> executing: only when every person of the agreed version is ready or recorded
//    as not travelling; executing -> completed: only when every person was handed over or is
//    recorded as not travelling (negotiation/execution.h, CheckReadyToExecute and
//    CheckExecutionComplete);
//  - any state but completed and collapsed -> collapsed, with a reason.
// Handover hangs off exchange_workflow.agreed_version (store/agreement_tables.h).
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"
#include "instance/instance.h"
#include "negotiation/workflow.h"
#include "store/agreement_tables.h"

namespace canje::negotiation {

// The exchange's state (negotiating when it never changed). kNotFound as LoadExchange.
Result<store::ExchangeStateRow> ExchangeWorkflowState(instance::Instance& instance,
                                                      int64_t exchange_id);

// Moves the exchange to `target`. kInvalid for a move not in the machine (naming the current
// state and what is allowed), for verifying without every signature, for collapsing without a
// reason, and for "agreed" (reached only by agreeing a version).
// The state is read, the guards checked, and the move written only if the exchange's state is
// still the one read (its event_seq, checked in the write's transaction): kConflict when it
// moved in between. With `expect_event_seq` >= 0 (the event_seq of the state the caller read;
// 0 for an exchange that never moved), kConflict also when the state is no longer that one, so
// that nothing is written on a state the caller did not see.
Result<store::ExchangeStateRow> ChangeExchangeState(instance::Instance& instance,
                                                    int64_t exchange_id, ExchangeState target,
                                                    const std::string& reason,
                                                    int64_t expect_event_seq = -1);

}  // namespace canje::negotiation
