// `canje link` over the store: reconcile every current list into persons.
//
// One run: load the records (link_input.h), train the linkage engine on them (de-duplication of
// all records together, so a person listed twice on one list is found too), score the candidate
// pairs, cluster them under the review decisions, and make each cluster one person:
//   - the representative is the own person of the cluster's custody-roster record with the
//     lowest id, else the lowest own person id of the cluster (stable from run to run);
//   - every record of the cluster, and the custody rows from them, point at it; the other own
//     persons are marked merged into it (`canje person show` of one of them says so);
//   - a pair scored in the review band [review_low, review_high) and not yet decided goes to the
//     review queue, which the run replaces; so does, whatever its score, a pair at or above the
//     threshold left unlinked — one a link rule held back (dates of birth that conflict, a record
//     without a date among namesakes: linkage/link_rules.h) or one the clustering's guards kept
//     apart — and, for each claimed or documented record left off its holder's roster, the
//     closest roster record (orphans.h);
//   - for each claimed or documented record left off its holder's roster, the probability of
//     its closest roster record is kept (store/orphan_tables.h), which the run also replaces.
// Decisions bind: a pair decided the same is joined whatever its score; no cluster ever holds a
// pair decided different. Two records of one custody roster are one person only on a shared
// document number or a "same" decision: a cluster that joins them otherwise is split at its
// weakest link, and the link cut is reviewed (roster_guard.h). A decision whose records are no longer compared (superseded, erased)
// is reported, and kept.
//
// Idempotent: a run over unchanged lists and decisions changes nothing and appends no event.
// Links, merges, queue or closest-roster figures changed:
// one transaction applies the changes and appends a "persons.linked" event listing
// them (record and person ids only: no personal data).
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "linkage/linkage_engine.h"

namespace canje::reconciliation {

// The documented defaults of `canje link` over the store (docs/reconciliation.md).
inline constexpr double kDefaultStoreThreshold = 0.7;
inline constexpr double kDefaultReviewLow = 0.2;
inline constexpr double kDefaultReviewHigh = 0.95;
inline constexpr double kDefaultOrphanFloor = 0.001;

struct LinkStoreOptions {
  double threshold = kDefaultStoreThreshold;
  double review_low = kDefaultReviewLow;
  double review_high = kDefaultReviewHigh;
  // A record left off its holder's roster has its closest roster record reviewed when their
  // probability reaches this (orphans.h).
  double orphan_floor = kDefaultOrphanFloor;
  int threads = 2;
};

struct StaleDecision {
  int64_t decision_id = 0;
  int64_t left_record = 0;
  int64_t right_record = 0;
  std::string why;  // "R12's row is on no current list", ...
};

struct LinkStoreReport {
  int64_t records = 0;                 // every record in the store
  int64_t compared = 0;                // records compared
  int64_t erased = 0;                  // records of erased persons (counted, not compared)
  int64_t superseded = 0;              // records of superseded lists
  int64_t before_schema_2 = 0;         // records without a person of their own
  int64_t persons = 0;                 // persons the compared records make
  int64_t relinked = 0;                // records now linked to another person than before
  int64_t merged = 0;                  // persons newly merged into another
  int64_t separated = 0;               // persons no longer merged into another
  int64_t review_queue = 0;            // pairs waiting for review
  int64_t roster_splits = 0;           // clusters split by the roster guard (roster_guard.h)
  int64_t held = 0;  // pairs at or above the threshold a link rule held back (queued unless decided)
  int64_t orphans = 0;                 // claimed or documented records on no roster of their holder
  bool orphan_search_skipped = false;  // too large a store for the closest-roster search
  int64_t decisions_applied = 0;
  std::vector<StaleDecision> stale_decisions;
  bool changed = false;
  int64_t event_seq = -1;  // the persons.linked event, when changed
  linkage::LinkStatistics statistics;
};

Result<LinkStoreReport> LinkStore(instance::Instance& instance, const LinkStoreOptions& options);

// The probability as the review queue keeps it: fixed, six decimals.
std::string ProbabilityText(double probability);

}  // namespace canje::reconciliation
