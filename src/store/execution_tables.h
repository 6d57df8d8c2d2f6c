// An exchange's execution in the store (schema version 6): who does not travel and
// why, who was handed over to whom, and what each party says it sent or received.
//
// Plain rows and SQL only: the rules (who may be handed over, which reasons are accepted, how
// the counts are reconciled) live in src/negotiation/execution.h. Writes take a
// WriteTransaction, so they land with their event (store.h); reads take the Store. Rows are
// never edited: an outcome or a handover is recorded once per person and exchange; a party's
// later report for the same direction supersedes its earlier one, and both are kept.
//
// What is in the clear and what is sealed: person ids, party codes, times, places, the
// witnesses' names (officials acting in their function) and the outcome's reason code are in
// the clear, like an interview's outcome, so that readiness and counts need no keys. The note
// of a not-travelling outcome (why a person refused, what a doctor found) is personal data:
// `note_sealed` holds it sealed under the person's own data key, so erasing the person makes it
// unreadable.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/encoding.h"
#include "core/status.h"
#include "store/store.h"

namespace canje::store {

// The SQL of migration 6: execution_not_travelling, execution_handovers,
// execution_reported_counts.
std::string_view ExecutionTablesSchema();

// ---- Not travelling ------------------------------------------------------------------------

struct NotTravellingRow {
  int64_t exchange_id = 0;
  int64_t person_id = 0;
  std::string reason;  // refused-consent, unfit, deceased, missing, released-otherwise, other
  Bytes note_sealed;   // sealed under the person's data key; empty: no note
  std::string recorded_at;
  std::string recorded_by;
  std::string recorder_party;
  int64_t event_seq = 0;
};

// kConflict when the person already has an outcome in the exchange.
Status AddNotTravelling(WriteTransaction& transaction, const NotTravellingRow& row);
// The exchange's outcomes, by person id.
Result<std::vector<NotTravellingRow>> NotTravellingOf(Store& store, int64_t exchange_id);

// ---- Handovers -----------------------------------------------------------------------------

struct HandoverRow {
  int64_t exchange_id = 0;
  int64_t person_id = 0;
  std::string handed_over_at;          // RFC 3339 UTC, "2025-07-18T14:05:00Z"
  std::string place;                   // "Maiquetia airport, apron 3"
  std::string to_party;                // the receiving party
  std::vector<std::string> witnesses;  // at least one; stored '|'-joined
  std::string recorded_at;
  std::string recorded_by;
  std::string recorder_party;
  int64_t event_seq = 0;
};

// kConflict when the person was already handed over in the exchange.
Status AddHandover(WriteTransaction& transaction, const HandoverRow& row);
// The exchange's handovers, by person id.
Result<std::vector<HandoverRow>> HandoversOf(Store& store, int64_t exchange_id);

// ---- Reported counts -----------------------------------------------------------------------

struct ReportedCountRow {
  int64_t id = 0;  // 1, 2, ... (a later id supersedes an earlier one of the same key)
  int64_t exchange_id = 0;
  std::string party;       // the reporting party
  std::string from_party;  // the direction reported on
  std::string to_party;
  int64_t count = 0;
  bool has_persons = false;      // a person list came with the count
  std::vector<int64_t> persons;  // ascending, distinct; stored '|'-joined, NULL without a list
  std::string note;              // the party's words about its count (not personal data)
  std::string reported_at;
  std::string reported_by;
  std::string reporter_party;  // the reporter's own party (the mediator's, when on behalf)
  int64_t event_seq = 0;
};

// Inserts a report with the next id; returns it.
Result<int64_t> AddReportedCount(WriteTransaction& transaction, const ReportedCountRow& row);
// Every report of the exchange, superseded ones included, by id.
Result<std::vector<ReportedCountRow>> ReportedCountsOf(Store& store, int64_t exchange_id);

}  // namespace canje::store
