// Schema 10: the texts that earlier schemas kept in the clear, sealed (docs/security.md, "What is
// encrypted, and with what").
//
// Migration 10 (migrations.cc) adds the sealed columns. Sealing the values already stored
// needs the master key, which a SQL migration does not have: the instance seals them when it
// opens the store with its key (instance/sealed_texts.h, SealClearTexts). It reads the rows that
// still hold a value in the clear (ClearTexts) and replaces each with its sealed form
// (ReplaceClearText), in one Store::MigrateData transaction that also sets meta 'texts_sealed';
// a store with that mark is not scanned again. Rows written by schema 10 never hold the values
// in the clear: their clear columns are '' (and 0).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/encoding.h"
#include "core/status.h"
#include "store/store.h"

namespace canje::store {

enum class ClearTextKind {
  kInterviewOutcome,       // interviews: identity, consent, fit_to_travel ("1" or "0")
  kNotTravellingReason,    // execution_not_travelling: reason
  kHoldReference,          // legal_holds: reference
  kHoldLiftReason,         // legal_holds: lift_reason
  kLegalActTexts,          // legal_acts: authority, reference
  kResponseReason,         // proposal_responses: reason
  kOverrideJustification,  // proposal_overrides: justification
  kHandoverTexts,          // execution_handovers: place, witnesses ('|'-joined)
  kReportedCountNote,      // execution_reported_counts: note
  kExchangeReason,         // exchange_workflow: reason (why it collapsed)
};

// One row that still holds a value in the clear.
struct ClearTextRow {
  ClearTextKind kind = ClearTextKind::kInterviewOutcome;
  // The interview, hold, legal act, proposal version or report; for not-travelling, handover
  // and workflow rows, the exchange.
  int64_t id = 0;
  int64_t person_id = 0;  // interviews, not travelling, handovers, legal acts
  std::string party;      // responses
  std::vector<std::string> values;  // the clear values, in the order given above
};

// Every row that still holds a value in the clear, table by table.
Result<std::vector<ClearTextRow>> ClearTexts(Store& store);
// Empties the row's clear columns and stores `sealed` in its sealed column (NULL when empty: the
// value's owner was erased, so it is dropped).
Status ReplaceClearText(WriteTransaction& transaction, const ClearTextRow& row, ByteView sealed);

}  // namespace canje::store
