// The people behind the numbers of `canje link status --people`, as the acting user may see
// them (instance/need_to_know.h): every entry for the roles that see every person; for a
// negotiator or observer, the entries of its own party's lists. The counts themselves are
// aggregates every role reads (statuses.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "instance/instance.h"
#include "reconciliation/statuses.h"

namespace canje::reconciliation {

// The entries the acting user may see, of the lists of `party` and/or list `list_id` (empty /
// 0: all).
std::vector<ListEntry> PeopleBehindCounts(const instance::Instance& instance,
                                          const ReconciliationStatus& status,
                                          const std::string& party, int64_t list_id);

// True when list `row` is wanted by the filters (empty party / 0 list: all).
bool WantedList(const store::ListRow& row, const std::string& party, int64_t list_id);

}  // namespace canje::reconciliation
