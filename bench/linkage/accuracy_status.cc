#include "accuracy_status.h"

#include <algorithm>
#include <set>

#include "reconciliation/linker.h"
#include "reconciliation/orphans.h"

namespace canje::bench {

RosterStatusCounts MeasureNotOnRoster(const linkage::LinkageEngine& engine,
                                      const std::vector<linkage::ScoredPair>& pairs,
                                      const std::vector<uint32_t>& cluster_of,
                                      const std::vector<linkage::ScoredPair>& cut,
                                      std::size_t roster_rows, double threshold,
                                      const std::vector<std::string>& key_of) {
  const std::size_t n = cluster_of.size();
  std::set<uint32_t> queued;
  auto queue = [&](uint32_t a, uint32_t b) {
    queued.insert(a);
    queued.insert(b);
  };
  for (const linkage::ScoredPair& pair : cut) queue(pair.left, pair.right);
  for (const linkage::ScoredPair& pair : pairs) {
    const bool above = pair.probability >= threshold;
    const bool linked = cluster_of[pair.left] == cluster_of[pair.right];
    if (pair.probability >= reconciliation::kDefaultReviewHigh && !(above && !linked)) continue;
    queue(pair.left, pair.right);
  }
  std::set<uint32_t> roster_clusters;
  std::set<std::string> roster_keys;
  for (uint32_t row = 0; row < roster_rows; ++row) {
    roster_clusters.insert(cluster_of[row]);
    roster_keys.insert(key_of[row]);
  }
  // The closest roster record of every counterpart record on no roster (orphans.h).
  std::map<uint32_t, double> closest;  // row -> probability of its closest roster record
  for (uint32_t row = static_cast<uint32_t>(roster_rows); row < n; ++row) {
    if (roster_clusters.contains(cluster_of[row])) continue;
    double best = 0;
    for (uint32_t candidate = 0; candidate < roster_rows; ++candidate) {
      best = std::max(best, engine.Probability(row, candidate));
    }
    closest[row] = best;
    if (best >= reconciliation::kDefaultOrphanFloor) queued.insert(row);
  }
  // Entries: the counterpart records of one cluster are one entry.
  std::map<uint32_t, std::vector<uint32_t>> entries;
  for (uint32_t row = static_cast<uint32_t>(roster_rows); row < n; ++row) {
    entries[cluster_of[row]].push_back(row);
  }
  RosterStatusCounts counts;
  for (const auto& [cluster, rows] : entries) {
    ++counts.entries;
    bool on_roster = false;
    for (uint32_t row : rows) on_roster = on_roster || roster_keys.contains(key_of[row]);
    if (!on_roster) ++counts.truly_absent;
    bool review = false;
    for (uint32_t row : rows) review = review || queued.contains(row);
    if (review) {
      ++counts.in_review;
    } else if (roster_clusters.contains(cluster)) {
      ++counts.held;
    } else {
      ++counts.flagged;
      if (on_roster) {
        ++counts.false_alarms;
        counts.false_alarm_rows.push_back(rows.front());
      }
      if (!on_roster) ++counts.absent_flagged;
      double best = 0;
      for (uint32_t row : rows) best = std::max(best, closest[row]);
      if (best == 0) ++counts.flagged_without_candidate;
      counts.closest_highest = std::max(counts.closest_highest, best);
    }
  }
  return counts;
}

}  // namespace canje::bench
