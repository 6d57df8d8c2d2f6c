// The JSON form of a saved linkage model (`canje link model --json`; reconciliation/link_model.h,
// docs/formats.md "Reconciliation"). Numbers only, and the names of comparisons and levels: no
// personal data.
#pragma once

#include <nlohmann/json.hpp>

#include "reconciliation/link_model.h"
#include "reconciliation/trained_linkage.h"

namespace canje::wire {

// {"run", "runs", "event", "trained_at", "trained_by", "records_compared", "data_sha256",
//  "names_counted", "settings": {...}, "prior", "prior_log2_odds",
//  "comparisons": [{"comparison", "levels": [{"level", "m", "u", "weight"}]}]}
nlohmann::json LinkModelJson(const reconciliation::SavedLinkModel& model);

// Which model explains a pair: {"run", "event", "trained_at"}, or {"run": null, "retrained":
// true} when no run saved one and the engine was trained on today's records.
nlohmann::json ModelSourceJson(const reconciliation::ModelSource& source);

}  // namespace canje::wire
