// The roster guard: two records of one custody roster become one person only on a matching
// document number or a reviewer's "same" decision — never through a chain of third records.
//
// Clustering joins records pair by pair, so a claim-list record that resembles two different
// detainees of one roster can join them into one person (roster record A — claim C — roster
// record B), and the holder would then appear to hold one person where it reports two. After
// clustering, every cluster holding two records of the same custody roster that share no
// document number and were not decided the same is split:
//   1. The cluster's links are its pairs at or above the threshold and its pairs decided the
//      same (these are never cut).
//   2. While the two roster records are still connected, the weakest link of the strongest chain
//      between them is cut: links are added strongest first until the two are connected, and
//      the link that connected them is removed. A chain made only of decided pairs is left as
//      the reviewers made it.
//   3. The cluster becomes the connected groups of what is left; every link cut goes to the
//      review queue, so that a reviewer confirms or rejects it (a "same" decision then binds the
//      next run like any other).
// Clusters are then numbered again from 1 in the order of their first record, as the engine
// numbers them.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <unordered_map>
#include <vector>

#include "linkage/linkage_engine.h"

namespace canje::reconciliation {

// What the guard needs to know of a record (one per table row).
struct GuardedRecord {
  int64_t list_id = 0;
  bool custody_roster = false;
};

struct RosterGuardResult {
  std::vector<linkage::ScoredPair> cut;  // the links cut, for the review queue
  int64_t clusters_split = 0;
};

// `cluster_of`: the cluster of every row (LinkageEngine::Cluster), rewritten in place. `links`:
// the scored pairs at or above the threshold. `decided_same`: LinkageEngine::PairKey -> true for
// a pair decided the same (false entries are ignored). `same_document(i, j)`: the two rows share
// a document number.
RosterGuardResult SeparateRosterRecords(
    std::span<const GuardedRecord> records, std::span<const linkage::ScoredPair> links,
    const std::unordered_map<uint64_t, bool>& decided_same,
    const std::function<bool(uint32_t, uint32_t)>& same_document,
    std::vector<uint32_t>& cluster_of);

}  // namespace canje::reconciliation
