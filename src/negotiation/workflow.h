// The two state machines of docs/workflow.md, as transition tables.
//
// A proposal version:
//   draft ──table──▶ tabled ──counter──▶ countered
//                       ├──reject──▶ rejected
//                       ├──agree──▶ agreed-in-principle   (a numbers-only version)
//                       └──agree──▶ agreed                (a named version)
// An exchange:
//   negotiating ─▶ agreed ─▶ verifying ─▶ executing ─▶ completed
//   and from every state but completed and collapsed: ─▶ collapsed (with a reason)
//
// Every change of state goes through Check*Transition, whose refusal (kInvalid) names the
// current state and what is allowed from it. Terminal states allow nothing. These functions
// decide only whether a move is in the machine; the guards that need the store (every party
// accepted, signatures present, no hold) live with the commands that make the move.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace canje::negotiation {

// kReplaced: an agreed version that a re-plan replaced while the exchange executed (its
// signatures still verify; it is no longer executed).
enum class ProposalState {
  kDraft,
  kTabled,
  kCountered,
  kRejected,
  kAgreedInPrinciple,
  kAgreed,
  kReplaced
};
enum class ExchangeState { kNegotiating, kAgreed, kVerifying, kExecuting, kCompleted, kCollapsed };

// "draft", "tabled", "countered", "rejected", "agreed-in-principle", "agreed".
std::string_view ProposalStateName(ProposalState state);
// kInvalid for an unknown name, listing the names.
Result<ProposalState> ParseProposalState(std::string_view name);
// "negotiating", "agreed", "verifying", "executing", "completed", "collapsed".
std::string_view ExchangeStateName(ExchangeState state);
Result<ExchangeState> ParseExchangeState(std::string_view name);

// A move in a machine: the state it leads to and the verb that names it in messages.
template <typename State>
struct Transition {
  State from;
  State to;
  std::string_view action;  // "table", "counter", "reject", ...
};

// The whole tables, in a stable order (docs and tests print them).
const std::vector<Transition<ProposalState>>& ProposalTransitions();
const std::vector<Transition<ExchangeState>>& ExchangeTransitions();

// The states reachable from `from` in one move.
std::vector<ProposalState> AllowedFrom(ProposalState from);
std::vector<ExchangeState> AllowedFrom(ExchangeState from);

// Ok when `from` → `to` is in the table. Otherwise kInvalid:
//   "V3 is rejected; it cannot become agreed: nothing is allowed from rejected (a final state)"
//   "V3 is tabled; it cannot become draft: from tabled it can only become countered, rejected,
//    agreed-in-principle or agreed"
// `subject` names the thing ("V3", "exchange X1").
Status CheckTransition(std::string_view subject, ProposalState from, ProposalState to);
Status CheckTransition(std::string_view subject, ExchangeState from, ExchangeState to);

}  // namespace canje::negotiation
