// The linkage engine trained on the store's current records: what a run, the review queue and
// `canje link explain` share. Training is deterministic (fixed seed), so every command that
// trains on the same records scores every pair the same.
#pragma once

#include <optional>
#include <string_view>

#include "core/status.h"
#include "instance/instance.h"
#include "linkage/linkage_engine.h"
#include "reconciliation/link_input.h"

namespace canje::reconciliation {

struct TrainedLinkage {
  LinkInput input;                               // input.table has moved into the engine
  std::optional<linkage::LinkageEngine> engine;  // absent with fewer than two records compared

  // The table row of record `record_id` ("R12" parsed), if it is compared.
  std::optional<uint32_t> RowOf(int64_t record_id) const;
  const store::LinkRecordRow& RecordAt(uint32_t row) const {
    return input.records[input.compared[row]];
  }
};

Result<TrainedLinkage> TrainOnStore(instance::Instance& instance, int threads);

}  // namespace canje::reconciliation
