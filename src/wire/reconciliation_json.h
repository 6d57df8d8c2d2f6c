// The JSON forms of reconciliation's results (reconciliation/statuses.h): the counts of
// `canje link status` (also in `canje summary`) and the people behind them. Shared by the
// command line's --json and the HTTP API.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "reconciliation/statuses.h"

namespace canje::wire {

// True when list `row` is wanted by the filters (empty party / 0 list: all).
bool WantedList(const store::ListRow& row, const std::string& party, int64_t list_id);

// {"lists": [...], "parties": [...], "review_queue": N, "superseded_lists": [...]}, for one
// party and/or list (empty / 0: all). Counts only: no person is named.
nlohmann::json ReconciliationCountsJson(const reconciliation::ReconciliationStatus& status,
                                        const std::string& party, int64_t list_id);
// {"list", "person", "records", "holder", "status", "listed_twice", "erased",
//  "closest_roster_probability"} (a number for a not_on_roster entry whose holder's roster the
// latest link run searched, else null: reconciliation/statuses.h)
nlohmann::json ListEntryJson(const reconciliation::ListEntry& entry);

}  // namespace canje::wire
