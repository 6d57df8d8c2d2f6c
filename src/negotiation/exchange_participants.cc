#include "negotiation/exchange_participants.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "instance/event_types.h"
#include "negotiation/exchange.h"
#include "negotiation/workflow.h"
#include "store/agreement_tables.h"
#include "store/exchange_participant_tables.h"
#include "store/exchange_tables.h"

namespace canje::negotiation {
namespace {

// "a guarantor" / "an observer".
std::string WithArticle(ParticipantRole role) {
  return role == ParticipantRole::kGuarantor ? "a guarantor" : "an observer";
}

// The checks that do not depend on the transaction: the role, the exchange, the party.
Result<store::ExchangeRow> CheckChange(instance::Instance& instance, int64_t exchange_id,
                                       std::string_view party) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kManageExchanges));
  CANJE_ASSIGN_OR_RETURN(store::ExchangeRow exchange, FindVisibleExchange(instance, exchange_id));
  CANJE_ASSIGN_OR_RETURN(auto found, instance.store().FindParty(party));
  if (!found) {
    return Status::NotFound("no party " + std::string(party) +
                            "; list the parties with `canje party list`");
  }
  return exchange;
}

// Guarantors change only while the exchange is negotiating (in the change's transaction).
Status CheckGuarantorsOpen(store::Store& store, int64_t exchange_id, std::string_view party,
                           bool adding) {
  CANJE_ASSIGN_OR_RETURN(auto state, store::FindExchangeState(store, exchange_id));
  if (!state || state->state == ExchangeStateName(ExchangeState::kNegotiating)) {
    return Status::Ok();
  }
  return Status::Invalid(
      "exchange " + ExchangeId(exchange_id) + " is " + state->state + "; " +
      (adding ? std::string(party) + " cannot become a guarantor of it"
              : std::string(party) + " cannot stop guaranteeing it") +
      ": guarantors are declared only while an exchange is negotiating, because its parties "
      "accept and sign a version whose manifest names them");
}

Result<bool> HasRole(store::Store& store, int64_t exchange_id, ParticipantRole role,
                     std::string_view party) {
  CANJE_ASSIGN_OR_RETURN(
      auto rows, store::ExchangeParticipants(store, exchange_id, ParticipantRoleName(role)));
  return std::any_of(rows.begin(), rows.end(),
                     [&](const store::ExchangeParticipantRow& row) { return row.party == party; });
}

std::string_view EventOf(ParticipantRole role, bool adding) {
  if (role == ParticipantRole::kGuarantor) {
    return adding ? events::kExchangeGuarantorAdded : events::kExchangeGuarantorRemoved;
  }
  return adding ? events::kExchangeObserverAdded : events::kExchangeObserverRemoved;
}

Status Change(instance::Instance& instance, int64_t exchange_id, ParticipantRole role,
              std::string_view party, int64_t expect_revision, bool adding) {
  CANJE_ASSIGN_OR_RETURN(store::ExchangeRow exchange, CheckChange(instance, exchange_id, party));
  const std::string id = ExchangeId(exchange_id);
  const std::string code(party);
  const std::string_view role_name = ParticipantRoleName(role);
  if (adding) {
    CANJE_ASSIGN_OR_RETURN(auto parties, store::ExchangeParties(instance.store(), exchange_id));
    for (const auto& row : parties) {
      if (row.party != party) continue;
      return Status::Invalid(code + " is a party to " + id + " (side " + row.bloc + "); " +
                             WithArticle(role) + " takes part without a side");
    }
    if (role == ParticipantRole::kObserver && exchange.mediator == party) {
      return Status::Invalid(code + " mediates " + id +
                             " and its users read the exchange already; an observer is another "
                             "organisation");
    }
  }
  return instance.Change([&](instance::Recorder& recorder) -> Status {
    store::Store& store = recorder.transaction().store();
    CANJE_RETURN_IF_ERROR(CheckExchangeRevision(store, exchange_id, expect_revision));
    if (role == ParticipantRole::kGuarantor) {
      CANJE_RETURN_IF_ERROR(CheckGuarantorsOpen(store, exchange_id, party, adding));
    }
    CANJE_ASSIGN_OR_RETURN(bool present, HasRole(store, exchange_id, role, party));
    if (adding && present) {
      return Status::Invalid(code + " is already " + WithArticle(role) + " of " + id);
    }
    if (!adding && !present) {
      return Status::Invalid(code + " is not " + WithArticle(role) + " of " + id +
                             "; see them with "
                             "`canje exchange show " +
                             id + "`");
    }
    if (adding) {
      CANJE_RETURN_IF_ERROR(store::AddExchangeParticipant(
          recorder.transaction(), {exchange_id, std::string(role_name), code, "", ""}));
    } else {
      CANJE_RETURN_IF_ERROR(
          store::RemoveExchangeParticipant(recorder.transaction(), exchange_id, role_name, code));
    }
    return recorder.Record(EventOf(role, adding), {id, code}, {{"exchange", id}, {"party", code}})
        .status();
  });
}

}  // namespace

std::string_view ParticipantRoleName(ParticipantRole role) {
  return role == ParticipantRole::kGuarantor ? store::kGuarantorRole : store::kObserverRole;
}

Status AddExchangeParticipant(instance::Instance& instance, int64_t exchange_id,
                              ParticipantRole role, std::string_view party,
                              int64_t expect_revision) {
  return Change(instance, exchange_id, role, party, expect_revision, /*adding=*/true);
}

Status RemoveExchangeParticipant(instance::Instance& instance, int64_t exchange_id,
                                 ParticipantRole role, std::string_view party,
                                 int64_t expect_revision) {
  return Change(instance, exchange_id, role, party, expect_revision, /*adding=*/false);
}

}  // namespace canje::negotiation
