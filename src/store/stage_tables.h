// The stages of an exchange's execution in the store (schema version 17): each stage's plan
// (number, name, planned day, place), its state, and which person of the agreed version is in
// which stage (at most one: the key is the exchange and the person).
//
// Plain rows and SQL only: the rules (who may be in a stage, when a stage may start or
// complete) live in src/negotiation/stages.h. Writes take a WriteTransaction, so they land with
// their event (store.h). The place and the reason of the last postponement are free texts
// sealed under the instance's text key (instance/sealed_texts.h) in `texts_sealed`; the store
// takes and returns the sealed bytes, and the clear fields are filled when they are opened.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/encoding.h"
#include "core/status.h"
#include "store/store.h"

namespace canje::store {

struct StageRow {
  int64_t exchange_id = 0;
  int64_t number = 0;           // 1, 2, ... in the order the stages were planned
  std::string name;             // "Day 1"
  std::string planned_on;       // YYYY-MM-DD; a postponement changes it
  std::string state;            // "planned", "started", "completed"
  int64_t postponements = 0;    // how many times it was postponed
  std::string started_at;       // RFC 3339 UTC; empty until started
  std::string completed_at;     // likewise until completed
  std::string created_at;
  std::string created_by;
  int64_t event_seq = 0;        // the stage's last change
  std::string place;            // sealed in texts_sealed
  std::string postponed_reason;  // the last postponement's reason; sealed in texts_sealed
  Bytes texts_sealed;
};

// Inserts the stage, or replaces the stage of the same exchange and number (its plan and state
// change; created_at and created_by are kept as given).
Status PutStage(WriteTransaction& transaction, const StageRow& row);
// The exchange's stages, by number.
Result<std::vector<StageRow>> StagesOf(Store& store, int64_t exchange_id);

struct StagePersonRow {
  int64_t exchange_id = 0;
  int64_t person_id = 0;
  int64_t stage = 0;
};

// kConflict when one of the persons already is in a stage of the exchange.
Status AddStagePersons(WriteTransaction& transaction, const std::vector<StagePersonRow>& rows);
// Takes the persons out of whatever stage of the exchange they are in.
Status RemoveStagePersons(WriteTransaction& transaction, int64_t exchange_id,
                          const std::vector<int64_t>& persons);
// Every person in a stage of the exchange, by person id.
Result<std::vector<StagePersonRow>> StagePersonsOf(Store& store, int64_t exchange_id);

}  // namespace canje::store
