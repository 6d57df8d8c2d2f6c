// The Fellegi–Sunter model: m and u probabilities per comparison level, match weights, and a
// probability per pair, estimated without labels.
//
// For comparison c and level l: m[c][l] = P(level l | same person), u[c][l] = P(level l |
// different people). The match weight of a level is log2(m/u) (bits of evidence); "missing"
// weighs 0. A pair's log-odds of being a match is prior_log2_odds() plus the weights of its
// levels (comparisons assumed independent given the match status), and its probability is
// 2^w / (1 + 2^w).
//
// Estimation (Splink's recipe):
//   1. u from random pairs (EstimateU): among random record pairs almost none are the same
//      person, so level frequencies there are u. Counts get add-one smoothing, so no level has
//      u = 0.
//   2. m and the prior (the share of matches among candidate pairs) by EM over the comparison
//      vectors of candidate pairs (EstimateMByEm), with u held fixed. Vectors are summarised as
//      pattern counts first, so EM costs only as much as the distinct patterns. The caller
//      masks (sets to "missing") the comparisons a pair's blocking rule made agree: among pairs
//      blocked on the surname, surname agreement says nothing, and left in it would make EM
//      call every candidate pair a match.
//
// One bound is imposed on EM: m of "different" is at most 0.1 for dates and document numbers
// (a true match rarely disagrees outright on them; without the bound, a large list of namesakes
// with no true duplicates teaches EM that matches do).
//
// Swapped names are one observation, counted once: ComparePersonNames gives "swapped" to the given
// and the family names together, never to one alone, so the family name's "swapped" adds nothing to
// a pair's score (WeightOf, LogOdds and EM skip it) and the given name's carries the evidence. Its
// m and u are still estimated, and Weight() still gives log2(m/u) for it, as saved models show.
//
// Term-frequency adjustment for names: an exact agreement on a rare name is stronger evidence
// than on a common one. For the exact level of a name comparison, the weight uses the value's own
// frequency among all records instead of u: log2(m_exact / max(frequency, 1/records)). See
// WeightOf.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "linkage/comparison_schema.h"

namespace canje::linkage {

// Counts of distinct comparison vectors.
struct PatternCounts {
  int comparisons = 0;
  std::unordered_map<uint64_t, uint64_t> counts;  // EncodePattern(vector) -> pairs

  void Add(const ComparisonVector& vector, uint64_t count = 1);
  void Merge(const PatternCounts& other);
  uint64_t total() const;
};

// Packs the first `comparisons` level indices (each < 16) into 4 bits each.
uint64_t EncodePattern(const ComparisonVector& vector, int comparisons);
ComparisonVector DecodePattern(uint64_t pattern, int comparisons);

class FellegiSunterModel {
 public:
  FellegiSunterModel() = default;
  explicit FellegiSunterModel(const ComparisonSchema& schema);

  // u from the comparison vectors of random pairs.
  void EstimateU(const PatternCounts& random_pairs);
  // m and the prior by EM over candidate pairs' vectors, u fixed. Returns the iterations run.
  int EstimateMByEm(const PatternCounts& candidate_pairs, int max_iterations = 100,
                    double tolerance = 1e-7);

  // After EstimateMByEm on masked vectors: re-estimates m from the full vectors, each pair
  // weighted by its match probability under the masked vector. `pairs` maps a masked pattern to
  // the full patterns seen with it and their counts. The prior is left as EM found it.
  void EstimateMFromMaskedPosteriors(
      const std::unordered_map<uint64_t, std::unordered_map<uint64_t, uint64_t>>& pairs);

  double prior() const { return prior_; }
  // Replaces the prior (after EM, the engine turns the share of matches among candidate pairs
  // into the probability that two random records match).
  void set_prior(double prior);
  int missing_level(int c) const { return missing_level_[Index(c)]; }
  double prior_log2_odds() const;
  int comparisons() const { return static_cast<int>(m_.size()); }
  int levels(int c) const { return static_cast<int>(m_[static_cast<std::size_t>(c)].size()); }
  double m(int c, int level) const { return m_[Index(c)][Index(level)]; }
  double u(int c, int level) const { return u_[Index(c)][Index(level)]; }
  // log2(m/u); 0 for "missing". (What a pair's score adds: WeightOf.)
  double Weight(int c, int level) const { return weight_[Index(c)][Index(level)]; }
  // The weight a pair's score adds, with the term-frequency adjustment: when `level` is exact and
  // `value_frequency` > 0 (the share of records holding the value), log2(m / frequency); 0 for
  // the family name's "swapped" (see above).
  double WeightOf(int c, int level, double value_frequency) const;
  bool IsExactLevel(int c, int level) const { return level == 0 && tf_adjusted_[Index(c)]; }

  // Sum of prior and weights for a vector without term frequencies.
  double LogOdds(const ComparisonVector& vector) const;

  static double ProbabilityFromLog2Odds(double log2_odds);

  // Sets parameters directly (tests, saved models).
  void Set(double prior, std::vector<std::vector<double>> m, std::vector<std::vector<double>> u);

 private:
  static std::size_t Index(int i) { return static_cast<std::size_t>(i); }
  void UpdateWeights();
  // Whether level l of comparison c adds to a pair's score ("missing" and the family name's
  // "swapped" do not).
  bool Weighs(std::size_t c, std::size_t l) const {
    return static_cast<int>(l) != missing_level_[c] && static_cast<int>(l) != weightless_level_[c];
  }
  // Caps m of "different" for dates and document numbers (see kMaximumMDifferent).
  void BoundM();

  double prior_ = 0.01;
  std::vector<std::vector<double>> m_, u_, weight_;
  std::vector<int> missing_level_;       // per comparison: index of "missing"
  // Per comparison: the index of a level that weighs 0 besides "missing" (the family name's
  // "swapped"), or -1.
  std::vector<int> weightless_level_;
  std::vector<bool> tf_adjusted_;        // per comparison: a name comparison
  std::vector<bool> bounded_different_;  // per comparison: a date or document number
};

}  // namespace canje::linkage
