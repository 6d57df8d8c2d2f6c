#include "negotiation/person_erasure.h"

#include <algorithm>
#include <vector>

#include "instance/ids.h"
#include "negotiation/eligibility.h"
#include "negotiation/workflow.h"
#include "store/agreement_tables.h"
#include "store/exchange_tables.h"
#include "store/link_tables.h"

namespace canje::negotiation {
namespace {

// The legal holds in force on `date` that cover the person, as their descriptions.
Result<std::vector<std::string>> HoldsCovering(store::Store& store, protect::Vault& vault,
                                               int64_t person_id,
                                               std::string_view date) {
  // Holds do not depend on the destination; interviews do, and are ignored here.
  CANJE_ASSIGN_OR_RETURN(auto obstacles, TransferObstacles(store, vault, person_id, "", date));
  std::vector<std::string> holds;
  for (const Obstacle& obstacle : obstacles) {
    if (obstacle.kind == ObstacleKind::kLegalHold) holds.push_back(obstacle.detail);
  }
  return holds;
}

// The exchanges under way (agreed, verifying, executing) whose agreed version transfers one of
// `ids`, as "X3 (executing)".
Result<std::vector<std::string>> ExchangesUnderWayWith(store::Store& store,
                                                       const std::vector<int64_t>& ids) {
  std::vector<std::string> found;
  CANJE_ASSIGN_OR_RETURN(auto exchanges, store::Exchanges(store));
  for (const store::ExchangeRow& exchange : exchanges) {
    CANJE_ASSIGN_OR_RETURN(auto state, store::FindExchangeState(store, exchange.id));
    if (!state || state->agreed_version == 0) continue;
    CANJE_ASSIGN_OR_RETURN(ExchangeState current, ParseExchangeState(state->state));
    if (current != ExchangeState::kAgreed && current != ExchangeState::kVerifying &&
        current != ExchangeState::kExecuting) {
      continue;
    }
    CANJE_ASSIGN_OR_RETURN(auto transfers, store::TransfersOf(store, state->agreed_version));
    bool on_list = std::any_of(transfers.begin(), transfers.end(), [&](const auto& transfer) {
      return std::find(ids.begin(), ids.end(), transfer.person_id) != ids.end();
    });
    if (on_list) found.push_back("X" + std::to_string(exchange.id) + " (" + state->state + ")");
  }
  return found;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : "; ") + item;
  return text;
}

}  // namespace

Result<registry::ErasureReport> ErasePersonUnlessInUse(instance::Instance& instance,
                                                       int64_t person_id,
                                                       const std::string& reason,
                                                       std::string_view date) {
  // The role is checked first so that a caller who may not erase learns nothing more.
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kErasePerson));
  store::Store& store = instance.store();
  CANJE_ASSIGN_OR_RETURN(auto person, store.FindPerson(person_id));
  if (person && person->person.erased_at.empty() && person->person.merged_into == 0) {
    const std::string subject = instance::PersonId(person_id);
    CANJE_ASSIGN_OR_RETURN(auto holds, HoldsCovering(store, instance.vault(), person_id, date));
    if (!holds.empty()) {
      return Status::Conflict(subject + " is under " + Joined(holds) +
                              "; the record must stay while the hold is in force: lift it "
                              "(canje hold lift) before erasing");
    }
    CANJE_ASSIGN_OR_RETURN(std::vector<int64_t> ids, store::PersonsMergedInto(store, person_id));
    ids.push_back(person_id);
    CANJE_ASSIGN_OR_RETURN(auto exchanges, ExchangesUnderWayWith(store, ids));
    if (!exchanges.empty()) {
      return Status::Conflict(subject + " is on the agreed list of exchange " +
                              Joined(exchanges) +
                              "; the signed list and the handovers refer to the person: erase "
                              "once the exchange is completed or collapsed");
    }
  }
  return registry::ErasePerson(instance, person_id, reason);
}

}  // namespace canje::negotiation
