// A second look for the people who matter most: a claimed or documented person that linking left
// off the roster of the party said to hold them (a possible enforced disappearance) may only be
// a pair the blocking rules never compared, or one scored below the review band. For each such
// record, the holder's roster record it resembles most goes to the review queue too, if the
// resemblance reaches `floor`; decided different, the next closest comes up at the next run, up
// to kMaxOrphanCandidates per record, so that a person truly absent from the roster is not
// offered one candidate after another without end.
//
// Cost: one comparison per (orphan, roster record of its holder); above `max_comparisons` the
// search is skipped (and the run says so) rather than slow a large store down.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "linkage/linkage_engine.h"
#include "reconciliation/decisions.h"
#include "reconciliation/trained_linkage.h"

namespace canje::reconciliation {

inline constexpr int kMaxOrphanCandidates = 3;

// How close one orphan came to its holder's roster: the probability of its closest roster
// record not decided a different person, at any score (below the floor too); none when the holder
// has no roster record, every one was decided different, or the search was skipped.
struct OrphanCloseness {
  uint32_t row = 0;  // the orphan's table row
  std::optional<double> probability;
};

struct OrphanCandidates {
  std::vector<linkage::ScoredPair> pairs;  // (orphan row, roster row, probability)
  std::vector<OrphanCloseness> closeness;  // one per orphan, in row order
  int64_t orphans = 0;                     // records on no roster of their holder
  bool skipped = false;                    // too many comparisons
};

OrphanCandidates ClosestRosterCandidates(const TrainedLinkage& trained,
                                         const std::vector<uint32_t>& cluster_of,
                                         const BindingDecisions& binding, double floor,
                                         uint64_t max_comparisons = 50'000'000);

}  // namespace canje::reconciliation
