// The status of every claimed or documented person against the roster of the party said to
// hold them, and the counts per list and per party (`canje link status`).
//
// Computed from the columns kept in the clear (lists, records' links, reported statuses and
// holders, the review queue): it decrypts nothing, so every role may see the counts; who may
// see the people behind a number is the caller's concern (need to know).
//
// An entry is one person on one list (a person listed twice on a list is one entry, flagged).
// For an entry of a claim list, documentation list or transfer manifest, with H the holder its
// records name (if none, any party's roster counts):
//   needs_review     one of its records is in a pair waiting for review;
//   reported_dead    the list, or H's roster, reports the person dead;
//   reported_released  likewise released;
//   held             the person is on a current custody roster of H;
//   not_on_roster    on no current roster of H: a possible enforced disappearance.
// The first that applies is the status. For an entry of a custody roster: its reported status
// (held, released, dead, unknown) or needs_review.
// A not_on_roster entry also says how sure that is: the probability of the closest roster record
// the latest `canje link` found for its records (the highest, for a person listed twice), or
// none when the holder had no roster record to compare, the search was skipped, or the entry's
// records are newer than that run (store/orphan_tables.h). Never which roster record it was.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "reconciliation/link_input.h"
#include "store/link_tables.h"
#include "store/orphan_tables.h"
#include "store/store.h"

namespace canje::reconciliation {

struct ListEntry {
  int64_t list_id = 0;
  int64_t person_id = 0;
  std::vector<int64_t> records;  // the list's records of this person (2+: listed twice)
  std::string holder;            // the party said to hold them (rosters: the list's party)
  std::string status;
  bool erased = false;
  std::optional<double> closest_roster_probability;  // not_on_roster only (above)
  bool listed_twice() const { return records.size() > 1; }
};

struct ListStatusCounts {
  store::ListRow list;
  int64_t records = 0;
  int64_t persons = 0;
  std::map<std::string, int64_t> by_status;
  int64_t listed_twice = 0;
  int64_t erased = 0;
};

struct PartyStatusCounts {
  std::string party;
  int64_t on_roster = 0;                     // persons on the party's current custody rosters
  int64_t claimed_or_documented = 0;         // persons other lists say the party holds
  std::map<std::string, int64_t> by_status;  // of those
};

struct ReconciliationStatus {
  std::vector<ListEntry> entries;          // by list, then person
  std::vector<ListStatusCounts> lists;     // current lists, in id order
  std::vector<PartyStatusCounts> parties;  // by party code
  std::vector<int64_t> superseded_lists;
  int64_t review_queue = 0;
};

// `records` in id order, with their current links; `closeness` as the latest link run kept it.
ReconciliationStatus ComputeStatus(const std::vector<store::ListRow>& lists,
                                   const std::vector<store::LinkRecordRow>& records,
                                   const std::vector<store::ReviewQueueRow>& queue,
                                   const std::vector<store::OrphanClosenessRow>& closeness = {});

// Reads what ComputeStatus needs from the store. Any role that may read the registry.
Result<ReconciliationStatus> ReadStatus(instance::Instance& instance);

}  // namespace canje::reconciliation
