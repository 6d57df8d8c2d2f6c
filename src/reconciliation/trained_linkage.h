// The linkage engine on the store's current records: what a run, the review queue and
// `canje link explain` share. A run trains it (TrainOnStore); the review queue and explanations
// use the model the latest run saved, or the one of a run named (link_model.h), and train only
// when no run saved a model yet. Training is deterministic (fixed seed) up to rounding: the
// threads collect EM's patterns in varying order and EM adds them up in that order, so training
// again on the same records may differ from a run in the last bits of its parameters; a saved
// model is the run's own, bit for bit.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "instance/instance.h"
#include "linkage/linkage_engine.h"
#include "reconciliation/link_input.h"

namespace canje::reconciliation {

// Where the engine's parameters come from.
struct ModelSource {
  int64_t run = 0;  // the saved run whose model it uses; 0: trained now on today's records
  int64_t event_seq = 0;
  std::string trained_at;
};

struct TrainedLinkage {
  LinkInput input;                               // input.table has moved into the engine
  std::optional<linkage::LinkageEngine> engine;  // absent with fewer than two records compared
  linkage::LinkOptions options;                  // what the engine was created with
  ModelSource model;

  // The table row of record `record_id` ("R12" parsed), if it is compared.
  std::optional<uint32_t> RowOf(int64_t record_id) const;
  const store::LinkRecordRow& RecordAt(uint32_t row) const {
    return input.records[input.compared[row]];
  }
};

// Loads the records and creates the engine on them, untrained.
Result<TrainedLinkage> PrepareOnStore(instance::Instance& instance, int threads);
// Loads the records and trains the engine on them.
Result<TrainedLinkage> TrainOnStore(instance::Instance& instance, int threads);

}  // namespace canje::reconciliation
