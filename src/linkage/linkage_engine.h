// The record linkage engine: de-duplicate one list or link two, with Fellegi–Sunter
// probabilities, clusters and explanations.
//
// Use:
//   CANJE_ASSIGN_OR_RETURN(LinkageEngine engine,
//                          LinkageEngine::Create(settings, std::move(left), std::move(right)));
//   engine.Train();                                  // blocking, u from random pairs, EM for m
//   std::vector<ScoredPair> pairs = engine.ScorePairs(threshold);  // holds set (link_rules.h)
//   std::vector<uint32_t> clusters = engine.Cluster(pairs, threshold);
//   PairExplanation why = engine.Explain(i, j);
//
// Records are indexed as in blocking.h: de-duplication 0..n-1; linkage left 0..n_left-1, right
// n_left..n_left+n_right-1. Every record is prepared once (record_table.h) and comparisons read
// only prepared data. Blocking, the samples and scoring run on options.threads threads.
//
// The prior is the probability that two records drawn at random match: EM's share of matches
// among candidate pairs times the number of candidate pairs, over the number of possible pairs.
// Every comparison's weight, the blocked-on ones included, is then added to it.
//
// Clusters: pairs at or above the threshold that no link rule holds (link_rules.h) are joined,
// best pair first, into entities, with four guards against chaining unrelated people through
// weak links:
//   - density: two clusters merge only if at least cluster_link_density of the record pairs
//     across them (opposite lists only, in linkage) score at or above the threshold, so a chain
//     a–b–c where a and c disagree does not form unless most links hold;
//   - size: a merge that would exceed max_cluster_size records is refused;
//   - same list (linkage only): a merge that puts two records of the same list together is
//     refused unless each such pair scores at least same_list_probability (strong evidence that
//     the list itself holds a duplicate);
//   - conflicts: a merge that puts together two records that conflict (LinkRules::Conflict:
//     dates of birth that cannot be one person's, and nothing beside the names to outweigh
//     them) is refused, unless the two were decided the same.
// Every record gets a cluster (a single record is a cluster of its own). Cluster numbers start at
// 1 and follow the order of each cluster's first record.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "linkage/blocking.h"
#include "linkage/comparison_schema.h"
#include "linkage/fellegi_sunter.h"
#include "linkage/link_rules.h"
#include "linkage/link_settings.h"
#include "linkage/record_table.h"
#include "linkage/scored_pair.h"

namespace canje::linkage {

// The documented default threshold of `canje link`.
inline constexpr double kDefaultLinkThreshold = 0.9;

struct LinkOptions {
  int threads = 2;
  std::size_t max_block_size = 300;
  std::size_t refine_above = kDefaultRefineAbove;  // frequent keys refined (blocking.h); 0: none
  uint64_t u_sample_pairs = 1'000'000;   // random pairs for u
  uint64_t em_sample_pairs = 2'000'000;  // candidate pairs (at most) for EM
  uint64_t seed = 1;
  double cluster_link_density = 0.5;
  std::size_t max_cluster_size = 50;
  double same_list_probability = 0.99;
  double uncertain_low = 0.1;  // the uncertain band [low, high) reported in statistics
  double uncertain_high = 0.9;
};

struct LinkStatistics {
  std::vector<BlockingRuleStats> rules;
  uint64_t candidate_pairs = 0;  // compared in scoring
  uint64_t em_pairs = 0;         // compared for EM
  uint64_t random_pairs = 0;     // compared for u
  uint64_t uncertain_pairs = 0;  // candidates with probability in [uncertain_low, uncertain_high)
  int em_iterations = 0;
  double candidate_prior = 0;  // EM's share of matches among candidate pairs
  double prepare_seconds = 0;  // set by the caller (loading is outside the engine)
  double train_seconds = 0;
  double score_seconds = 0;
  double cluster_seconds = 0;
};

struct ComparisonTerm {
  std::string comparison;  // "given_name", "family_name", a column, "identifier"
  std::string level;       // "exact", "jaro_winkler_high", ...
  std::string left_value;  // comparison forms; empty when missing
  std::string right_value;
  double m = 0;
  double u = 0;
  double weight = 0;  // log2 Bayes factor actually used (term-frequency adjusted if noted)
  bool term_frequency_adjusted = false;
};

// The counts behind the term-frequency adjustment of names (fellegi_sunter.h): how many records
// hold each given name and each family name, keyed by a 64-bit hash of the prepared name, never
// the name. A saved model keeps them (sealed: reconciliation/link_model.h) so that a later
// explanation weighs a name as the run that saved it did.
struct NameFrequencies {
  uint64_t records = 0;
  std::unordered_map<uint64_t, uint32_t> given;   // name hash -> records holding it
  std::unordered_map<uint64_t, uint32_t> family;
};

// The table behind a waterfall chart: prior_log2_odds + sum of weights = log2_odds.
struct PairExplanation {
  std::string left_id;
  std::string right_id;
  double prior = 0;
  double prior_log2_odds = 0;
  std::vector<ComparisonTerm> terms;
  double log2_odds = 0;
  double probability = 0;
};

class LinkageEngine {
 public:
  // `right` absent: de-duplication of `left`. The tables must have been loaded with the
  // settings' left and right sides.
  static Result<LinkageEngine> Create(const LinkSettings& settings, RecordTable left,
                                      std::optional<RecordTable> right, LinkOptions options = {});

  // Blocking, u from random pairs and EM for m and the prior. Call once, before scoring.
  void Train();

  // Instead of Train(): the parameters of a model trained before (m and u per comparison and
  // level, as model() holds them, and the prior) and the name counts it weighed names with. A
  // record whose name the counts lack (imported since) gets no term-frequency adjustment.
  // kInvalid when the parameters do not fit this engine's comparisons.
  Status UseModel(double prior, std::vector<std::vector<double>> m,
                  std::vector<std::vector<double>> u, const NameFrequencies& names);
  // The name counts of the records this engine was created with (or given to UseModel).
  const NameFrequencies& name_frequencies() const { return name_counts_; }

  // Every candidate pair with probability >= minimum, sorted by (left, right); the link rules'
  // holds are set on those at or above `threshold` (link_rules.h).
  std::vector<ScoredPair> ScorePairs(double minimum, double threshold);
  std::vector<ScoredPair> ScorePairs(double threshold) { return ScorePairs(threshold, threshold); }

  // The log2-odds and probability of any two records (blocked or not).
  double Log2Odds(uint32_t i, uint32_t j) const;
  double Probability(uint32_t i, uint32_t j) const {
    return FellegiSunterModel::ProbabilityFromLog2Odds(Log2Odds(i, j));
  }
  PairExplanation Explain(uint32_t i, uint32_t j) const;

  // Cluster number per record (size record_count()); see the header comment. Pairs with a hold
  // are not joined.
  std::vector<uint32_t> Cluster(const std::vector<ScoredPair>& pairs, double threshold);

  // Clustering bound by people's decisions (`canje review decide`): a pair decided the same is
  // joined first, whatever its score, the density and size guards notwithstanding; no merge may
  // put together two records of a pair decided different. Keys are PairKey(i, j).
  static uint64_t PairKey(uint32_t i, uint32_t j) {
    return i < j ? (uint64_t{i} << 32 | j) : (uint64_t{j} << 32 | i);
  }
  std::vector<uint32_t> Cluster(const std::vector<ScoredPair>& pairs, double threshold,
                                const std::unordered_map<uint64_t, bool>& decided_same);

  bool linkage() const { return right_ != nullptr; }
  std::size_t left_size() const { return left_->size(); }
  std::size_t record_count() const { return left_->size() + (right_ ? right_->size() : 0); }
  const std::string& RecordId(uint32_t index) const;
  // The index of the record with `id` in the left (`right_side` false) or right table.
  std::optional<uint32_t> FindRecord(std::string_view id, bool right_side) const;

  const FellegiSunterModel& model() const { return model_; }
  FellegiSunterModel& mutable_model() { return model_; }
  const ComparisonSchema& schema() const { return schema_; }
  const LinkStatistics& statistics() const { return statistics_; }
  LinkStatistics& mutable_statistics() { return statistics_; }
  const RecordTable& left_table() const { return *left_; }
  const RecordTable* right_table() const { return right_.get(); }
  // The link rules over this engine's records and model (link_rules.h); valid while the engine
  // is neither moved nor destroyed.
  LinkRules link_rules() const;
  // The sum of the weights of every comparison but the given names, family names and
  // patronymic, for records i and j (the prior left out).
  double WeightBesideNames(uint32_t i, uint32_t j) const;

 private:
  LinkageEngine() = default;
  const RecordTable& TableOf(uint32_t index, std::size_t* local) const;
  void Compare(uint32_t i, uint32_t j, ComparisonVector& out) const;
  double ScoreVector(uint32_t i, uint32_t j, const ComparisonVector& vector) const;
  void ComputeTermFrequencies();
  // Per record, the share of name_counts_.records holding its names (0 when not counted).
  void ApplyNameCounts();

  LinkOptions options_;
  ComparisonSchema schema_;
  FellegiSunterModel model_;
  std::unique_ptr<RecordTable> left_;
  std::unique_ptr<RecordTable> right_;
  BlockingKeys keys_;
  std::vector<RuleBlocks> blocks_;
  std::vector<float> given_frequency_;   // per record: share of records with its given names
  std::vector<float> family_frequency_;  // per record: share of records with its family names
  NameFrequencies name_counts_;
  LinkStatistics statistics_;
};

}  // namespace canje::linkage
