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
Result<store::ExchangeStateRow> ChangeExchangeState(instance::Instance& instance,
                                                    int64_t exchange_id, ExchangeState target,
                                                    const std::string& reason);

}  // namespace canje::negotiation
