// "Not on roster" on the Cyrillic lists (accuracy.cc): which counterpart entries `canje link
// status` would flag `not_on_roster`, how many of those are false alarms (the person truly is on
// the roster), and how close each flagged entry's nearest roster record came.
//
// The rule is the store's (reconciliation/statuses.h, linker.h, orphans.h), applied to the
// engine's pairs and clusters without a store: an entry (a person on the counterpart list) is in
// review when one of its records is in a pair the run queues (scored in the review band
// [0.2, 0.95); at or above the threshold and not linked; cut by the roster guard; the closest
// roster record of a record on no roster, when their probability reaches 0.001); else it is held
// when its cluster holds a roster record; else it is flagged not_on_roster. No decision exists.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "linkage/linkage_engine.h"

namespace canje::bench {

struct RosterStatusCounts {
  uint64_t entries = 0;       // counterpart entries (persons on the counterpart list)
  uint64_t held = 0;
  uint64_t in_review = 0;
  uint64_t flagged = 0;       // not_on_roster
  uint64_t false_alarms = 0;  // flagged, yet the person is on the roster
  uint64_t truly_absent = 0;  // entries whose person is on no roster record
  uint64_t absent_flagged = 0;
  uint64_t flagged_without_candidate = 0;  // no roster record scores above 0 at all
  double closest_highest = 0;  // the highest closest-candidate probability among the flagged
  std::vector<uint32_t> false_alarm_rows;  // a record of each false alarm
};

// `pairs`: every pair scored at or above 0.2 (LinkageEngine::ScorePairs(0.2, threshold)), with
// the rules' holds; `cluster_of`: the clusters after the roster guard; `cut`: the guard's cuts.
// Rows 0..roster_rows-1 are the roster, the rest the counterpart list; `key_of`: row -> person.
RosterStatusCounts MeasureNotOnRoster(const linkage::LinkageEngine& engine,
                                      const std::vector<linkage::ScoredPair>& pairs,
                                      const std::vector<uint32_t>& cluster_of,
                                      const std::vector<linkage::ScoredPair>& cut,
                                      std::size_t roster_rows, double threshold,
                                      const std::vector<std::string>& key_of);

}  // namespace canje::bench
