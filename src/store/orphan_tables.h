// How close each claimed or documented record left off its holder's roster came to that roster,
// as the latest `canje link` over the store found it (schema version 19): one row per such
// record ("orphan"), replaced whole by each run that writes, like the review queue
// (link_tables.h).
//
// Only what a reader of the status may see is kept: the probability of the closest roster
// record, never that record's id (a party that cannot read the other side's roster must not
// learn who is closest). Nothing here decrypts.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace canje::store {

struct OrphanClosenessRow {
  int64_t record_id = 0;  // the orphan record
  // The probability of the holder's closest roster record not decided a different person;
  // none when the holder had no roster record to compare, or the search was skipped.
  std::optional<double> probability;
  bool search_skipped = false;  // the run skipped the search (too many comparisons)
};

// Every row, by record id.
Result<std::vector<OrphanClosenessRow>> OrphanCloseness(Store& store);
// Replaces every row.
Status ReplaceOrphanCloseness(WriteTransaction& transaction,
                              const std::vector<OrphanClosenessRow>& rows);

}  // namespace canje::store
