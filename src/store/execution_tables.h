// An exchange's execution in the store (schema version 6): who does not travel and
// why, who was handed over to whom, and what each party says it sent or received.
//
// Plain rows and SQL only: the rules (who may be handed over, which reasons are accepted, how
// the counts are reconciled) live in src/negotiation/execution.h. Writes take a
// WriteTransaction, so they land with their event (store.h); reads take the Store. Rows are
// never edited: an outcome or a handover is recorded once per person and exchange; a party's
// later report for the same direction supersedes its earlier one, and both are kept.
//
// What is in the clear and what is sealed (schema 10; docs/security.md lists every column):
// person ids, party codes, times and counts are in the clear, so that readiness and the counts'
// reconciliation are found by SQL. A not-travelling outcome's reason code and note (why a
// person refused, what a doctor found) are the person's own: `reason_sealed` and `note_sealed`
// hold them sealed under the person's data key, so erasing the person makes them unreadable
// (EraseNotTravelling also clears them). A handover's place and witnesses and a reported
// count's note are sealed under the instance's text key (instance/sealed_texts.h). The store
// takes and returns the sealed bytes; the clear columns of those values stay empty, and the
// rows' clear fields are filled when instance/sealed_texts.h opens them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/encoding.h"
#include "core/status.h"
#include "store/store.h"

namespace canje::store {

// ---- Not travelling ------------------------------------------------------------------------

struct NotTravellingRow {
  int64_t exchange_id = 0;
  int64_t person_id = 0;
  // refused-consent, unfit, deceased, missing, released-otherwise, other; sealed in
  // reason_sealed; empty once the person is erased
  std::string reason;
  Bytes note_sealed;  // sealed under the person's data key; empty: no note
  std::string recorded_at;
  std::string recorded_by;
  std::string recorder_party;
  int64_t event_seq = 0;
  Bytes reason_sealed;  // sealed under the person's data key; empty once erased
};

// kConflict when the person already has an outcome in the exchange.
Status AddNotTravelling(WriteTransaction& transaction, const NotTravellingRow& row);
// The exchange's outcomes, by person id.
Result<std::vector<NotTravellingRow>> NotTravellingOf(Store& store, int64_t exchange_id);
// Erasure: clears the sealed reason and note of the person's outcomes in every exchange.
Status EraseNotTravelling(WriteTransaction& transaction, int64_t person_id);

// ---- Handovers -----------------------------------------------------------------------------

// The parts of a '|'-joined column (the clear `witnesses` column of a store before schema 10,
// a list of ids); "" has none.
std::vector<std::string> SplitBarJoined(const std::string& text);

struct HandoverRow {
  int64_t exchange_id = 0;
  int64_t person_id = 0;
  std::string handed_over_at;          // RFC 3339 UTC, "2025-07-18T14:05:00Z"
  std::string place;                   // "Maiquetia airport, apron 3"; sealed in texts_sealed
  std::string to_party;                // the receiving party
  std::vector<std::string> witnesses;  // at least one; sealed in texts_sealed
  std::string recorded_at;
  std::string recorded_by;
  std::string recorder_party;
  int64_t event_seq = 0;
  Bytes texts_sealed;  // place and witnesses, under the instance's text key
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
  int64_t stage = 0;             // the stage counted (negotiation/stages.h); 0: the whole exchange
  bool has_persons = false;      // a person list came with the count
  std::vector<int64_t> persons;  // ascending, distinct; stored '|'-joined, NULL without a list
  std::string note;              // the party's words about its count; sealed in note_sealed
  std::string reported_at;
  std::string reported_by;
  std::string reporter_party;  // the reporter's own party (the mediator's, when on behalf)
  int64_t event_seq = 0;
  Bytes note_sealed;  // under the instance's text key; empty: no note
};

// The id the next AddReportedCount will take (its sealed note is bound to it).
Result<int64_t> NextReportedCountId(WriteTransaction& transaction);
// Inserts a report with the next id; returns it.
Result<int64_t> AddReportedCount(WriteTransaction& transaction, const ReportedCountRow& row);
// Every report of the exchange, superseded ones included, by id.
Result<std::vector<ReportedCountRow>> ReportedCountsOf(Store& store, int64_t exchange_id);

}  // namespace canje::store
