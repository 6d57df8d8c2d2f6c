#include "linkage/fellegi_sunter.h"

#include <algorithm>
#include <cmath>

namespace canje::linkage {
namespace {

// The smallest m: a level never seen among matches still happens to a match now and then (a
// clerk's slip), so it weighs at most about -10 bits against u of the order of 1.
constexpr double kMinimumM = 1e-3;

// The largest m of "different" for dates and document numbers. A match that disagrees outright
// on date of birth or document number is a clerk's error, a few percent of matches at most; when
// a list holds many namesakes and few true duplicates, EM can mistake the namesakes for matches
// and learn that matches often disagree on dates, which would let every namesake through.
constexpr double kMaximumMDifferent = 0.1;

}  // namespace

uint64_t EncodePattern(const ComparisonVector& vector, int comparisons) {
  uint64_t pattern = 0;
  for (int c = 0; c < comparisons; ++c) {
    pattern |= static_cast<uint64_t>(vector[static_cast<std::size_t>(c)] & 0xF) << (4 * c);
  }
  return pattern;
}

ComparisonVector DecodePattern(uint64_t pattern, int comparisons) {
  ComparisonVector vector{};
  for (int c = 0; c < comparisons; ++c) {
    vector[static_cast<std::size_t>(c)] = static_cast<uint8_t>((pattern >> (4 * c)) & 0xF);
  }
  return vector;
}

void PatternCounts::Add(const ComparisonVector& vector, uint64_t count) {
  counts[EncodePattern(vector, comparisons)] += count;
}

void PatternCounts::Merge(const PatternCounts& other) {
  for (const auto& [pattern, count] : other.counts) counts[pattern] += count;
}

uint64_t PatternCounts::total() const {
  uint64_t total = 0;
  for (const auto& entry : counts) total += entry.second;
  return total;
}

FellegiSunterModel::FellegiSunterModel(const ComparisonSchema& schema) {
  for (const ComparisonSpec& spec : schema.comparisons()) {
    const LevelSet& set = LevelSetFor(spec.kind);
    const int n = set.size();
    missing_level_.push_back(set.IndexOf(ComparisonLevel::kMissing));
    weightless_level_.push_back(spec.kind == ComparisonKind::kFamilyName
                                    ? set.IndexOf(ComparisonLevel::kSwapped)
                                    : -1);
    bounded_different_.push_back(spec.kind == ComparisonKind::kDate ||
                                 spec.kind == ComparisonKind::kDocumentNumber);
    tf_adjusted_.push_back(spec.kind == ComparisonKind::kGivenName ||
                           spec.kind == ComparisonKind::kFamilyName);
    // Starting values: m falls and u rises with the level index (closer agreement first).
    std::vector<double> m(static_cast<std::size_t>(n)), u(static_cast<std::size_t>(n));
    const int informative = n - 1;  // all but "missing"
    double m_sum = 0, u_sum = 0;
    for (int l = 0; l < informative; ++l) {
      m[static_cast<std::size_t>(l)] = l == 0 ? 0.8 : 0.2 / informative;
      u[static_cast<std::size_t>(l)] = l == informative - 1 ? 0.9 : 0.1 / informative;
      m_sum += m[static_cast<std::size_t>(l)];
      u_sum += u[static_cast<std::size_t>(l)];
    }
    for (int l = 0; l < informative; ++l) {
      m[static_cast<std::size_t>(l)] /= m_sum;
      u[static_cast<std::size_t>(l)] /= u_sum;
    }
    m[static_cast<std::size_t>(n - 1)] = 1;
    u[static_cast<std::size_t>(n - 1)] = 1;
    m_.push_back(std::move(m));
    u_.push_back(std::move(u));
  }
  UpdateWeights();
}

void FellegiSunterModel::BoundM() {
  for (std::size_t c = 0; c < m_.size(); ++c) {
    if (!bounded_different_[c]) continue;
    const std::size_t different = static_cast<std::size_t>(missing_level_[c] - 1);
    if (m_[c][different] <= kMaximumMDifferent) continue;
    const double rest = 1.0 - m_[c][different];
    m_[c][different] = kMaximumMDifferent;
    for (std::size_t l = 0; l < different; ++l) {
      m_[c][l] = rest > 0 ? m_[c][l] / rest * (1 - kMaximumMDifferent)
                          : (1 - kMaximumMDifferent) / static_cast<double>(different);
    }
  }
}

void FellegiSunterModel::UpdateWeights() {
  weight_.assign(m_.size(), {});
  for (std::size_t c = 0; c < m_.size(); ++c) {
    weight_[c].resize(m_[c].size());
    for (std::size_t l = 0; l < m_[c].size(); ++l) {
      weight_[c][l] = static_cast<int>(l) == missing_level_[c]
                          ? 0.0
                          : std::log2(std::max(m_[c][l], 1e-12) / std::max(u_[c][l], 1e-12));
    }
  }
}

void FellegiSunterModel::EstimateU(const PatternCounts& random_pairs) {
  for (std::size_t c = 0; c < u_.size(); ++c) {
    std::vector<double> counts(u_[c].size(), 0.0);
    for (const auto& [pattern, count] : random_pairs.counts) {
      const int level = static_cast<int>((pattern >> (4 * c)) & 0xF);
      counts[static_cast<std::size_t>(level)] += static_cast<double>(count);
    }
    const int missing = missing_level_[c];
    double total = 0;
    for (std::size_t l = 0; l < counts.size(); ++l) {
      if (static_cast<int>(l) != missing) total += counts[l] + 1.0;
    }
    for (std::size_t l = 0; l < counts.size(); ++l) {
      u_[c][l] = static_cast<int>(l) == missing ? 1.0 : (counts[l] + 1.0) / total;
    }
  }
  UpdateWeights();
}

int FellegiSunterModel::EstimateMByEm(const PatternCounts& candidate_pairs, int max_iterations,
                                      double tolerance) {
  struct Pattern {
    ComparisonVector levels;
    double count;
  };
  std::vector<Pattern> patterns;
  patterns.reserve(candidate_pairs.counts.size());
  for (const auto& [pattern, count] : candidate_pairs.counts) {
    patterns.push_back({DecodePattern(pattern, comparisons()), static_cast<double>(count)});
  }
  if (patterns.empty()) return 0;
  const std::size_t n_comparisons = m_.size();
  int iteration = 0;
  for (; iteration < max_iterations; ++iteration) {
    std::vector<std::vector<double>> m_next(n_comparisons);
    for (std::size_t c = 0; c < n_comparisons; ++c) m_next[c].assign(m_[c].size(), 0.0);
    double matches = 0, total = 0;
    for (const Pattern& pattern : patterns) {
      double log_m = 0, log_u = 0;
      for (std::size_t c = 0; c < n_comparisons; ++c) {
        const std::size_t l = pattern.levels[c];
        if (!Weighs(c, l)) continue;
        log_m += std::log(std::max(m_[c][l], 1e-300));
        log_u += std::log(std::max(u_[c][l], 1e-300));
      }
      const double a = std::log(prior_) + log_m;
      const double b = std::log1p(-prior_) + log_u;
      const double p = 1.0 / (1.0 + std::exp(b - a));
      matches += p * pattern.count;
      total += pattern.count;
      for (std::size_t c = 0; c < n_comparisons; ++c) {
        m_next[c][pattern.levels[c]] += p * pattern.count;
      }
    }
    double change = 0;
    const double prior_next = std::clamp(matches / total, 1e-9, 1 - 1e-9);
    change = std::max(change, std::abs(prior_next - prior_));
    prior_ = prior_next;
    for (std::size_t c = 0; c < n_comparisons; ++c) {
      const int missing = missing_level_[c];
      double sum = 0;
      for (std::size_t l = 0; l < m_next[c].size(); ++l) {
        if (static_cast<int>(l) != missing) sum += m_next[c][l];
      }
      for (std::size_t l = 0; l < m_next[c].size(); ++l) {
        if (static_cast<int>(l) == missing) continue;
        // A small floor keeps a level seen among matches only rarely from weighing -infinity.
        const double value = sum > 0 ? std::max(m_next[c][l] / sum, kMinimumM) : m_[c][l];
        change = std::max(change, std::abs(value - m_[c][l]));
        m_[c][l] = value;
      }
    }
    BoundM();
    if (change < tolerance) break;
  }
  UpdateWeights();
  return iteration + 1;
}

void FellegiSunterModel::EstimateMFromMaskedPosteriors(
    const std::unordered_map<uint64_t, std::unordered_map<uint64_t, uint64_t>>& pairs) {
  const int n = comparisons();
  std::vector<std::vector<double>> sums(m_.size());
  for (std::size_t c = 0; c < m_.size(); ++c) sums[c].assign(m_[c].size(), 0.0);
  for (const auto& [masked_pattern, full_patterns] : pairs) {
    const ComparisonVector masked = DecodePattern(masked_pattern, n);
    double log_m = 0, log_u = 0;
    for (std::size_t c = 0; c < m_.size(); ++c) {
      const std::size_t l = masked[c];
      if (!Weighs(c, l)) continue;
      log_m += std::log(std::max(m_[c][l], 1e-300));
      log_u += std::log(std::max(u_[c][l], 1e-300));
    }
    const double p = 1.0 / (1.0 + std::exp(std::log1p(-prior_) + log_u - std::log(prior_) - log_m));
    for (const auto& [full_pattern, count] : full_patterns) {
      const ComparisonVector full = DecodePattern(full_pattern, n);
      for (std::size_t c = 0; c < m_.size(); ++c) {
        sums[c][full[c]] += p * static_cast<double>(count);
      }
    }
  }
  for (std::size_t c = 0; c < m_.size(); ++c) {
    double total = 0;
    for (std::size_t l = 0; l < sums[c].size(); ++l) {
      if (static_cast<int>(l) != missing_level_[c]) total += sums[c][l];
    }
    if (total <= 0) continue;
    for (std::size_t l = 0; l < sums[c].size(); ++l) {
      if (static_cast<int>(l) != missing_level_[c]) {
        m_[c][l] = std::max(sums[c][l] / total, kMinimumM);
      }
    }
  }
  BoundM();
  UpdateWeights();
}

void FellegiSunterModel::set_prior(double prior) { prior_ = std::clamp(prior, 1e-15, 1 - 1e-9); }

double FellegiSunterModel::prior_log2_odds() const {
  return std::log2(prior_) - std::log2(1 - prior_);
}

double FellegiSunterModel::WeightOf(int c, int level, double value_frequency) const {
  if (level == weightless_level_[Index(c)]) return 0.0;
  if (value_frequency > 0 && IsExactLevel(c, level)) {
    return std::log2(std::max(m_[Index(c)][0], 1e-12) / value_frequency);
  }
  return weight_[Index(c)][Index(level)];
}

double FellegiSunterModel::LogOdds(const ComparisonVector& vector) const {
  double sum = prior_log2_odds();
  for (std::size_t c = 0; c < weight_.size(); ++c) {
    if (Weighs(c, vector[c])) sum += weight_[c][vector[c]];
  }
  return sum;
}

double FellegiSunterModel::ProbabilityFromLog2Odds(double log2_odds) {
  if (log2_odds > 60) return 1.0;
  if (log2_odds < -60) return 0.0;
  const double odds = std::exp2(log2_odds);
  return odds / (1 + odds);
}

void FellegiSunterModel::Set(double prior, std::vector<std::vector<double>> m,
                             std::vector<std::vector<double>> u) {
  prior_ = prior;
  m_ = std::move(m);
  u_ = std::move(u);
  UpdateWeights();
}

}  // namespace canje::linkage
