// Review decisions as constraints on a run: the latest decision on each pair of fingerprints,
// applied to every pair of compared records that carry those fingerprints (so a decision follows
// its rows into a re-imported list), or reported stale when no compared record carries one.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "reconciliation/link_input.h"
#include "store/link_tables.h"

namespace canje::reconciliation {

struct StaleDecision;

struct BindingDecisions {
  // linkage::LinkageEngine::PairKey(i, j) over table rows -> decided the same.
  std::unordered_map<uint64_t, bool> by_pair;
  int64_t applied = 0;  // decisions that bound at least one pair
  std::vector<StaleDecision> stale;
  // The fingerprint pairs decided (ordered), so the queue leaves them out.
  std::set<std::pair<Bytes, Bytes>> decided;
};

// The fingerprint pair in a canonical order.
std::pair<Bytes, Bytes> FingerprintPair(const Bytes& a, const Bytes& b);

// The latest decision per fingerprint pair (decisions in id order; a later one revises).
std::vector<store::ReviewDecisionRow> LatestDecisions(
    const std::vector<store::ReviewDecisionRow>& decisions);

BindingDecisions BindDecisions(const LinkInput& input,
                               const std::vector<store::ReviewDecisionRow>& decisions);

}  // namespace canje::reconciliation
