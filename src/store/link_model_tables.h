// The linkage models that `canje link` runs saved (schema version 11, table link_models): for
// each run that changed the store (appended its "persons.linked" event), what it trained and on
// what, so that a later explanation of its pairs weighs them as the run did
// (reconciliation/link_model.h says what each field holds).
//
// Plain rows and SQL only. Nothing here is personal data in the clear: settings and parameters
// are numbers and comparison names, the data fingerprint a SHA-256 over the compared records'
// keyed fingerprints, and the name counts (derived from names) are sealed by the caller under
// the instance's text key before they reach the store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/encoding.h"
#include "core/status.h"
#include "store/store.h"

namespace canje::store {

struct LinkModelRow {
  int64_t run = 0;        // 1, 2, ... in the order the runs were saved
  int64_t event_seq = 0;  // the run's "persons.linked" event
  std::string trained_at;
  std::string trained_by;
  int64_t records_compared = 0;
  Bytes data_sha256;
  std::string settings;    // JSON
  std::string parameters;  // JSON
  Bytes name_counts_sealed;
};

// The run number AddLinkModel will give (for the sealing's context).
Result<int64_t> NextLinkModelRun(WriteTransaction& transaction);
// Saves `model` as run `model.run` (from NextLinkModelRun); trained_at and trained_by from the
// transaction.
Status AddLinkModel(WriteTransaction& transaction, const LinkModelRow& model);
// Run `run`'s model, or nullopt.
Result<std::optional<LinkModelRow>> FindLinkModel(Store& store, int64_t run);
// The model of the latest run, or nullopt when no run saved one yet.
Result<std::optional<LinkModelRow>> LatestLinkModel(Store& store);
// How many runs saved a model (the latest run's number: runs are numbered from 1).
Result<int64_t> LinkModelCount(Store& store);

}  // namespace canje::store
