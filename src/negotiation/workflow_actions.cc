#include "negotiation/workflow_actions.h"

#include <nlohmann/json.hpp>

#include "instance/event_types.h"
#include "instance/sealed_texts.h"
#include "negotiation/agreement.h"
#include "negotiation/exchange.h"
#include "negotiation/execution.h"
#include "negotiation/proposal_actions.h"

namespace canje::negotiation {
namespace {

// The event of the exchange's move to `state` ("agreed" is recorded when the last party
// accepts: proposal_actions.cc; no move leads back to "negotiating").
Result<std::string_view> StateEventType(ExchangeState state) {
  switch (state) {
    case ExchangeState::kAgreed:
      return events::kExchangeAgreed;
    case ExchangeState::kVerifying:
      return events::kExchangeVerifying;
    case ExchangeState::kExecuting:
      return events::kExchangeExecuting;
    case ExchangeState::kCompleted:
      return events::kExchangeCompleted;
    case ExchangeState::kCollapsed:
      return events::kExchangeCollapsed;
    case ExchangeState::kNegotiating:
      break;
  }
  return Status::Internal("no event records a move to " + std::string(ExchangeStateName(state)));
}

}  // namespace

Result<store::ExchangeStateRow> ExchangeWorkflowState(instance::Instance& instance,
                                                      int64_t exchange_id) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReadProposals));
  CANJE_RETURN_IF_ERROR(FindVisibleExchange(instance, exchange_id).status());
  CANJE_ASSIGN_OR_RETURN(auto row, store::FindExchangeState(instance.store(), exchange_id));
  if (row) {
    CANJE_RETURN_IF_ERROR(instance::OpenExchangeReason(instance.vault(), *row));
    return *row;
  }
  store::ExchangeStateRow negotiating;
  negotiating.exchange_id = exchange_id;
  negotiating.state = std::string(ExchangeStateName(ExchangeState::kNegotiating));
  return negotiating;
}

Result<store::ExchangeStateRow> ChangeExchangeState(instance::Instance& instance,
                                                    int64_t exchange_id, ExchangeState target,
                                                    const std::string& reason,
                                                    int64_t expect_event_seq) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kChangeExchangeState));
  CANJE_ASSIGN_OR_RETURN(store::ExchangeStateRow row, ExchangeWorkflowState(instance, exchange_id));
  const std::string exchange = ExchangeId(exchange_id);
  auto moved = [&](int64_t now_seq, const std::string& now_state) -> Status {
    return Status::Conflict("exchange " + exchange + " moved (it is now " + now_state +
                            ", by log entry " + std::to_string(now_seq) +
                            ") since the state it was asked to leave was read; read it again "
                            "and decide on what it now says");
  };
  if (expect_event_seq >= 0 && row.event_seq != expect_event_seq) {
    return moved(row.event_seq, row.state);
  }
  CANJE_ASSIGN_OR_RETURN(ExchangeState current, ParseExchangeState(row.state));
  CANJE_RETURN_IF_ERROR(CheckTransition("exchange " + exchange, current, target));
  if (target == ExchangeState::kAgreed) {
    return Status::Invalid("exchange " + exchange +
                           " becomes agreed when every party accepts a named version");
  }
  if (target == ExchangeState::kCollapsed && reason.empty()) {
    return Status::Usage("say why the exchange collapsed: --reason \"...\"");
  }
  if (target == ExchangeState::kVerifying) {
    CANJE_ASSIGN_OR_RETURN(AgreementCheck check, VerifyAgreement(instance, row.agreed_version));
    if (!check.complete) {
      // Every party and every guarantor the exchange declares (agreement.h), each named with
      // what is wrong: "TUR (guarantor) has not signed V4".
      std::string missing, details;
      for (const auto& line : check.parties) {
        if (line.status == "valid") continue;
        missing += (missing.empty() ? "" : ", ") + SignerName(line);
        details += (details.empty() ? "" : "; ") +
                   (line.status == "missing" ? line.detail
                                             : SignerName(line) + " " + line.status + ": " +
                                                   line.detail);
      }
      return Status::Invalid("exchange " + exchange +
                             " cannot start verifying: " + VersionId(row.agreed_version) +
                             " lacks valid signatures of " + missing + ": " + details +
                             " (canje agreement verify " + VersionId(row.agreed_version) + ")");
    }
  }
  if (target == ExchangeState::kExecuting) {
    CANJE_RETURN_IF_ERROR(CheckReadyToExecute(instance, exchange_id));
  }
  if (target == ExchangeState::kCompleted) {
    CANJE_RETURN_IF_ERROR(CheckExecutionComplete(instance, exchange_id));
  }
  const std::string state(ExchangeStateName(target));
  CANJE_RETURN_IF_ERROR(instance.Change([&](instance::Recorder& recorder) -> Status {
    // The same state as read above, in the write's transaction (writers are serialised).
    CANJE_ASSIGN_OR_RETURN(auto now,
                           store::FindExchangeState(recorder.transaction().store(), exchange_id));
    const int64_t now_seq = now ? now->event_seq : 0;
    if (now_seq != row.event_seq) return moved(now_seq, now ? now->state : row.state);
    nlohmann::json payload = {{"exchange", exchange}, {"from", row.state}, {"to", state}};
    if (!reason.empty()) payload["reason"] = reason;
    CANJE_ASSIGN_OR_RETURN(std::string_view type, StateEventType(target));
    CANJE_ASSIGN_OR_RETURN(int64_t seq, recorder.Record(type, {exchange}, payload));
    row.state = state;
    row.reason = reason;
    instance::SealExchangeReason(recorder.vault(), row);
    row.event_seq = seq;
    return store::PutExchangeState(recorder.transaction(), row);
  }));
  return ExchangeWorkflowState(instance, exchange_id);
}

}  // namespace canje::negotiation
