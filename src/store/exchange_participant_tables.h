// Who takes part in an exchange without a side (schema version 16): its guarantors, who sign the
// agreement beside the parties, and the observer organisations attached to it, who read its
// execution. One row per (exchange, role, party).
//
// Plain rows and SQL only: who may add them, when, and what they grant live in
// src/negotiation/exchange_participants.h and exchange.h (SeesExchange). Writes take a
// WriteTransaction so that they land with their event (store.h).
//
// Everything here is in the clear: exchange ids, party codes, times and user names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace canje::store {

inline constexpr std::string_view kGuarantorRole = "guarantor";
inline constexpr std::string_view kObserverRole = "observer";

struct ExchangeParticipantRow {
  int64_t exchange_id = 0;
  std::string role;  // kGuarantorRole or kObserverRole
  std::string party;
  std::string added_at;  // set from the transaction
  std::string added_by;  // set from the transaction
};

// Inserts the row (kConflict from the database when it is there already).
Status AddExchangeParticipant(WriteTransaction& transaction, const ExchangeParticipantRow& row);
// Deletes the row of `party` in `role` (nothing when there is none).
Status RemoveExchangeParticipant(WriteTransaction& transaction, int64_t exchange_id,
                                 std::string_view role, std::string_view party);
// The exchange's rows in `role`, by party.
Result<std::vector<ExchangeParticipantRow>> ExchangeParticipants(Store& store, int64_t exchange_id,
                                                                 std::string_view role);

}  // namespace canje::store
