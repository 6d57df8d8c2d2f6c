#include "linkage/linkage_engine.h"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <random>
#include <thread>
#include <unordered_map>

namespace canje::linkage {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

uint64_t SplitMix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

uint64_t HashName(std::u32string_view text) {
  uint64_t hash = 1469598103934665603ULL;
  for (char32_t c : text) {
    hash ^= static_cast<uint64_t>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

// Calls work(begin, end) for `threads` consecutive ranges of [0, n), one thread each (one
// thread for small n).
template <typename Work>
void ForRanges(std::size_t n, int threads, Work work) {
  threads = std::max(1, std::min<int>(threads, static_cast<int>(n / 10000) + 1));
  auto range = [&](int t) {
    work(n * static_cast<std::size_t>(t) / static_cast<std::size_t>(threads),
         n * static_cast<std::size_t>(t + 1) / static_cast<std::size_t>(threads));
  };
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) workers.emplace_back(range, t);
  range(0);
  for (std::thread& worker : workers) worker.join();
}

// Union–find over record indices with member lists (clusters stay small).
class Clusters {
 public:
  explicit Clusters(std::size_t n) : parent_(n), members_(n) {
    std::iota(parent_.begin(), parent_.end(), 0U);
    for (uint32_t i = 0; i < n; ++i) members_[i] = {i};
  }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  const std::vector<uint32_t>& Members(uint32_t root) const { return members_[root]; }
  void Merge(uint32_t a, uint32_t b) {
    if (members_[a].size() < members_[b].size()) std::swap(a, b);
    parent_[b] = a;
    members_[a].insert(members_[a].end(), members_[b].begin(), members_[b].end());
    members_[b].clear();
    members_[b].shrink_to_fit();
  }

 private:
  std::vector<uint32_t> parent_;
  std::vector<std::vector<uint32_t>> members_;
};

}  // namespace

Result<LinkageEngine> LinkageEngine::Create(const LinkSettings& settings, RecordTable left,
                                            std::optional<RecordTable> right, LinkOptions options) {
  LinkageEngine engine;
  CANJE_ASSIGN_OR_RETURN(engine.schema_, ComparisonSchema::FromSettings(settings));
  if (engine.schema_.size() == 0) {
    return Status::Invalid(settings.file_name + ": the settings compare no fields");
  }
  const std::size_t total = left.size() + (right ? right->size() : 0);
  if (total >= (std::size_t{1} << 32) - 1) {
    return Status::Invalid("too many records: at most 4,294,967,294 in one run");
  }
  engine.options_ = options;
  engine.options_.threads = std::max(1, options.threads);
  engine.model_ = FellegiSunterModel(engine.schema_);
  engine.left_ = std::make_unique<RecordTable>(std::move(left));
  if (right) engine.right_ = std::make_unique<RecordTable>(std::move(*right));
  engine.ComputeTermFrequencies();
  return engine;
}

void LinkageEngine::ComputeTermFrequencies() {
  name_counts_ = NameFrequencies();
  if (!left_->has_names) return;
  const std::size_t n = record_count();
  name_counts_.records = n;
  for (uint32_t g = 0; g < n; ++g) {
    std::size_t r;
    const RecordTable& table = TableOf(g, &r);
    if (!table.has_names) continue;
    if (!table.given[r].empty()) ++name_counts_.given[HashName(table.given[r].joined())];
    if (!table.family[r].empty()) ++name_counts_.family[HashName(table.family[r].joined())];
  }
  ApplyNameCounts();
}

void LinkageEngine::ApplyNameCounts() {
  given_frequency_.clear();
  family_frequency_.clear();
  if (!left_->has_names) return;
  const std::size_t n = record_count();
  given_frequency_.assign(n, 0.0F);
  family_frequency_.assign(n, 0.0F);
  const double total = static_cast<double>(name_counts_.records);
  auto share = [total](const std::unordered_map<uint64_t, uint32_t>& counts, uint64_t hash) {
    auto found = counts.find(hash);
    return found == counts.end() || total == 0 ? 0.0F
                                               : static_cast<float>(found->second / total);
  };
  // Each thread fills its own range of records; the counts are only read.
  ForRanges(n, options_.threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t g = begin; g < end; ++g) {
      std::size_t r;
      const RecordTable& table = TableOf(static_cast<uint32_t>(g), &r);
      if (!table.has_names) continue;
      if (!table.given[r].empty()) {
        given_frequency_[g] = share(name_counts_.given, HashName(table.given[r].joined()));
      }
      if (!table.family[r].empty()) {
        family_frequency_[g] = share(name_counts_.family, HashName(table.family[r].joined()));
      }
    }
  });
}

Status LinkageEngine::UseModel(double prior, std::vector<std::vector<double>> m,
                               std::vector<std::vector<double>> u, const NameFrequencies& names) {
  const std::size_t comparisons = static_cast<std::size_t>(schema_.size());
  bool fits = m.size() == comparisons && u.size() == comparisons;
  for (std::size_t c = 0; fits && c < comparisons; ++c) {
    const std::size_t levels = static_cast<std::size_t>(model_.levels(static_cast<int>(c)));
    fits = m[c].size() == levels && u[c].size() == levels;
  }
  if (!fits || !(prior > 0 && prior < 1)) {
    return Status::Invalid("the saved model does not fit the comparisons of this canje");
  }
  model_.Set(prior, std::move(m), std::move(u));
  name_counts_ = names;
  ApplyNameCounts();
  return Status::Ok();
}

const RecordTable& LinkageEngine::TableOf(uint32_t index, std::size_t* local) const {
  if (right_ && index >= left_->size()) {
    *local = index - left_->size();
    return *right_;
  }
  *local = index;
  return *left_;
}

const std::string& LinkageEngine::RecordId(uint32_t index) const {
  std::size_t local;
  const RecordTable& table = TableOf(index, &local);
  return table.ids[local];
}

std::optional<uint32_t> LinkageEngine::FindRecord(std::string_view id, bool right_side) const {
  const RecordTable& table = right_side && right_ ? *right_ : *left_;
  const uint32_t offset = right_side && right_ ? static_cast<uint32_t>(left_->size()) : 0;
  for (std::size_t r = 0; r < table.size(); ++r) {
    if (table.ids[r] == id) return offset + static_cast<uint32_t>(r);
  }
  return std::nullopt;
}

void LinkageEngine::Compare(uint32_t i, uint32_t j, ComparisonVector& out) const {
  std::size_t a, b;
  const RecordTable& table_a = TableOf(i, &a);
  const RecordTable& table_b = TableOf(j, &b);
  schema_.Compare(table_a, a, table_b, b, out);
}

double LinkageEngine::ScoreVector(uint32_t i, uint32_t j, const ComparisonVector& vector) const {
  double sum = model_.prior_log2_odds();
  for (int c = 0; c < schema_.size(); ++c) {
    const int level = vector[static_cast<std::size_t>(c)];
    double frequency = 0;
    if (model_.IsExactLevel(c, level)) {
      const std::vector<float>& frequencies =
          c == schema_.given_index() ? given_frequency_ : family_frequency_;
      if (!frequencies.empty()) frequency = std::max(frequencies[i], frequencies[j]);
    }
    sum += model_.WeightOf(c, level, frequency);
  }
  return sum;
}

LinkRules LinkageEngine::link_rules() const {
  return LinkRules(left_.get(), right_.get(),
                   [this](uint32_t i, uint32_t j) { return WeightBesideNames(i, j); });
}

double LinkageEngine::WeightBesideNames(uint32_t i, uint32_t j) const {
  ComparisonVector vector;
  Compare(i, j, vector);
  double sum = 0;
  for (int c = 0; c < schema_.size(); ++c) {
    const ComparisonSource source = schema_.comparisons()[static_cast<std::size_t>(c)].source;
    if (source == ComparisonSource::kGivenName || source == ComparisonSource::kFamilyName ||
        source == ComparisonSource::kPatronymic) {
      continue;
    }
    sum += model_.Weight(c, vector[static_cast<std::size_t>(c)]);
  }
  return sum;
}

double LinkageEngine::Log2Odds(uint32_t i, uint32_t j) const {
  ComparisonVector vector;
  Compare(i, j, vector);
  return ScoreVector(i, j, vector);
}

void LinkageEngine::Train() {
  const auto start = std::chrono::steady_clock::now();
  const int threads = options_.threads;
  const std::size_t n_left = left_->size();
  const bool is_linkage = linkage();
  keys_ = ComputeBlockingKeys(*left_, right_.get(), options_.refine_above, threads);
  blocks_ = BuildBlocks(keys_, n_left, is_linkage, options_.max_block_size, &statistics_.rules,
                        threads);

  // u from random pairs.
  const std::size_t n_right = is_linkage ? right_->size() : n_left;
  const double possible = is_linkage ? static_cast<double>(n_left) * static_cast<double>(n_right)
                                     : static_cast<double>(n_left) * (n_left - 1) / 2.0;
  const uint64_t random_pairs = static_cast<uint64_t>(
      std::min<double>(static_cast<double>(options_.u_sample_pairs), possible));
  std::vector<PatternCounts> random_counts(static_cast<std::size_t>(threads));
  {
    std::vector<std::thread> workers;
    auto work = [&](int t) {
      std::mt19937_64 random(options_.seed * 7919 + static_cast<uint64_t>(t));
      PatternCounts& counts = random_counts[static_cast<std::size_t>(t)];
      counts.comparisons = schema_.size();
      ComparisonVector vector;
      const uint64_t share = random_pairs / static_cast<uint64_t>(threads) +
                             (static_cast<uint64_t>(t) < random_pairs % threads ? 1 : 0);
      for (uint64_t k = 0; k < share; ++k) {
        uint32_t i, j;
        if (is_linkage) {
          i = static_cast<uint32_t>(random() % n_left);
          j = static_cast<uint32_t>(n_left + random() % n_right);
        } else {
          if (n_left < 2) break;
          do {
            i = static_cast<uint32_t>(random() % n_left);
            j = static_cast<uint32_t>(random() % n_left);
          } while (i == j);
        }
        Compare(i, j, vector);
        counts.Add(vector);
      }
    };
    for (int t = 1; t < threads; ++t) workers.emplace_back(work, t);
    work(0);
    for (std::thread& worker : workers) worker.join();
  }
  PatternCounts random_total;
  random_total.comparisons = schema_.size();
  for (const PatternCounts& counts : random_counts) random_total.Merge(counts);
  statistics_.random_pairs = random_total.total();
  model_.EstimateU(random_total);

  // EM over (a sample of) the candidate pairs.
  uint64_t upper_bound = 0;
  for (const RuleBlocks& rule : blocks_) {
    for (const auto& [begin, end] : rule.runs) {
      const uint64_t size = end - begin;
      upper_bound += size * (size - 1) / 2;
    }
  }
  const double rate = upper_bound == 0
                          ? 1.0
                          : std::min(1.0, static_cast<double>(options_.em_sample_pairs) /
                                              static_cast<double>(upper_bound));
  const uint64_t cutoff =
      rate >= 1.0 ? UINT64_MAX : static_cast<uint64_t>(rate * 18446744073709551615.0);
  // The comparisons each blocking rule conditions on (blocking.h), left out of EM for its pairs.
  int first_date = -1, identifier = -1;
  for (int c = 0; c < schema_.size(); ++c) {
    const ComparisonSpec& spec = schema_.comparisons()[static_cast<std::size_t>(c)];
    if (spec.source == ComparisonSource::kDate && spec.field == 0) first_date = c;
    if (spec.source == ComparisonSource::kIdentifiers) identifier = c;
  }
  std::vector<std::vector<int>> masked(kBlockingRuleCount);
  auto mask = [&](int rule, int c) {
    if (c >= 0) masked[static_cast<std::size_t>(rule)].push_back(c);
  };
  mask(0, schema_.family_index());
  mask(0, first_date);
  mask(1, schema_.family_index());
  mask(1, first_date);
  mask(2, identifier);
  mask(3, first_date);
  mask(4, schema_.family_index());
  mask(4, schema_.given_index());
  mask(5, schema_.family_index());
  mask(6, schema_.given_index());
  mask(6, first_date);
  mask(7, schema_.family_index());
  mask(8, schema_.family_index());
  mask(8, schema_.given_index());
  mask(9, schema_.family_index());
  mask(9, schema_.given_index());
  mask(10, schema_.family_index());
  mask(10, first_date);
  mask(11, schema_.given_index());
  mask(11, first_date);
  std::vector<PatternCounts> em_counts(static_cast<std::size_t>(threads));
  using FullPatterns = std::unordered_map<uint64_t, std::unordered_map<uint64_t, uint64_t>>;
  std::vector<FullPatterns> em_full(static_cast<std::size_t>(threads));
  for (PatternCounts& counts : em_counts) counts.comparisons = schema_.size();
  std::vector<uint64_t> rule_pairs = ForEachCandidatePair(
      keys_, blocks_, n_left, is_linkage, threads,
      [&](int thread, int rule, uint32_t i, uint32_t j) {
        if (cutoff != UINT64_MAX && SplitMix((static_cast<uint64_t>(i) << 32) | j) > cutoff) {
          return;
        }
        ComparisonVector vector;
        Compare(i, j, vector);
        const uint64_t full_pattern = EncodePattern(vector, schema_.size());
        for (int c : masked[static_cast<std::size_t>(rule)]) {
          vector[static_cast<std::size_t>(c)] = static_cast<uint8_t>(model_.missing_level(c));
        }
        em_counts[static_cast<std::size_t>(thread)].Add(vector);
        ++em_full[static_cast<std::size_t>(thread)][EncodePattern(vector, schema_.size())]
                 [full_pattern];
      });
  for (std::size_t r = 0; r < rule_pairs.size(); ++r) statistics_.rules[r].pairs = rule_pairs[r];
  PatternCounts em_total;
  em_total.comparisons = schema_.size();
  for (const PatternCounts& counts : em_counts) em_total.Merge(counts);
  statistics_.em_pairs = em_total.total();
  statistics_.em_iterations = model_.EstimateMByEm(em_total);
  FullPatterns full_total;
  for (const FullPatterns& part : em_full) {
    for (const auto& [masked_pattern, fulls] : part) {
      for (const auto& [full_pattern, count] : fulls) {
        full_total[masked_pattern][full_pattern] += count;
      }
    }
  }
  model_.EstimateMFromMaskedPosteriors(full_total);
  // EM's prior is the share of matches among candidate pairs; scoring uses all comparisons,
  // blocked ones included, so it needs the probability that two random records match.
  uint64_t candidates = 0;
  for (uint64_t count : rule_pairs) candidates += count;
  statistics_.candidate_prior = model_.prior();
  const double expected_matches = model_.prior() * static_cast<double>(candidates);
  model_.set_prior(possible > 0 ? expected_matches / possible : 0.5);
  statistics_.train_seconds = SecondsSince(start);
}

std::vector<ScoredPair> LinkageEngine::ScorePairs(double minimum, double threshold) {
  const auto start = std::chrono::steady_clock::now();
  const int threads = options_.threads;
  std::vector<std::vector<ScoredPair>> found(static_cast<std::size_t>(threads));
  std::vector<uint64_t> uncertain(static_cast<std::size_t>(threads), 0);
  const std::vector<uint64_t> rule_pairs = ForEachCandidatePair(
      keys_, blocks_, left_->size(), linkage(), threads,
      [&](int thread, int, uint32_t i, uint32_t j) {
        ComparisonVector vector;
        Compare(i, j, vector);
        const double probability =
            FellegiSunterModel::ProbabilityFromLog2Odds(ScoreVector(i, j, vector));
        if (probability >= options_.uncertain_low && probability < options_.uncertain_high) {
          ++uncertain[static_cast<std::size_t>(thread)];
        }
        if (probability >= minimum) {
          found[static_cast<std::size_t>(thread)].push_back({i, j, probability});
        }
      });
  statistics_.candidate_pairs = std::accumulate(rule_pairs.begin(), rule_pairs.end(), 0ULL);
  statistics_.uncertain_pairs = std::accumulate(uncertain.begin(), uncertain.end(), 0ULL);
  std::vector<ScoredPair> pairs;
  for (const auto& part : found) pairs.insert(pairs.end(), part.begin(), part.end());
  std::sort(pairs.begin(), pairs.end(), [](const ScoredPair& a, const ScoredPair& b) {
    return a.left != b.left ? a.left < b.left : a.right < b.right;
  });
  link_rules().Hold(pairs, threshold);
  statistics_.score_seconds = SecondsSince(start);
  return pairs;
}

PairExplanation LinkageEngine::Explain(uint32_t i, uint32_t j) const {
  PairExplanation explanation;
  explanation.left_id = RecordId(i);
  explanation.right_id = RecordId(j);
  explanation.prior = model_.prior();
  explanation.prior_log2_odds = model_.prior_log2_odds();
  ComparisonVector vector;
  Compare(i, j, vector);
  std::size_t a, b;
  const RecordTable& table_a = TableOf(i, &a);
  const RecordTable& table_b = TableOf(j, &b);
  double sum = explanation.prior_log2_odds;
  for (int c = 0; c < schema_.size(); ++c) {
    const ComparisonSpec& spec = schema_.comparisons()[static_cast<std::size_t>(c)];
    const int level = vector[static_cast<std::size_t>(c)];
    ComparisonTerm term;
    term.comparison = spec.name;
    term.level = std::string(ComparisonLevelName(LevelSetFor(spec.kind).at(level)));
    term.left_value = schema_.ValueOf(table_a, a, c);
    term.right_value = schema_.ValueOf(table_b, b, c);
    term.m = model_.m(c, level);
    term.u = model_.u(c, level);
    double frequency = 0;
    if (model_.IsExactLevel(c, level)) {
      const std::vector<float>& frequencies =
          c == schema_.given_index() ? given_frequency_ : family_frequency_;
      if (!frequencies.empty()) frequency = std::max(frequencies[i], frequencies[j]);
    }
    term.term_frequency_adjusted = frequency > 0;
    if (term.term_frequency_adjusted) term.u = frequency;
    term.weight = model_.WeightOf(c, level, frequency);
    sum += term.weight;
    explanation.terms.push_back(std::move(term));
  }
  explanation.log2_odds = sum;
  explanation.probability = FellegiSunterModel::ProbabilityFromLog2Odds(sum);
  return explanation;
}

std::vector<uint32_t> LinkageEngine::Cluster(const std::vector<ScoredPair>& pairs,
                                             double threshold) {
  return Cluster(pairs, threshold, {});
}

std::vector<uint32_t> LinkageEngine::Cluster(
    const std::vector<ScoredPair>& pairs, double threshold,
    const std::unordered_map<uint64_t, bool>& decided_same) {
  const auto start = std::chrono::steady_clock::now();
  const std::size_t n = record_count();
  const std::size_t n_left = left_->size();
  const bool is_linkage = linkage();
  std::vector<const ScoredPair*> order;
  order.reserve(pairs.size());
  // A decision, if any, on the pair (x, y): same (true) or different (false).
  auto decision = [&decided_same](uint32_t x, uint32_t y) -> std::optional<bool> {
    if (decided_same.empty()) return std::nullopt;
    auto found = decided_same.find(PairKey(x, y));
    if (found == decided_same.end()) return std::nullopt;
    return found->second;
  };
  std::vector<ScoredPair> forced;  // pairs decided the same, joined before any scored pair
  for (const auto& [key, same] : decided_same) {
    if (same) forced.push_back({uint32_t(key >> 32), uint32_t(key & 0xffffffffu), 1.0});
  }
  std::sort(forced.begin(), forced.end(), [](const ScoredPair& a, const ScoredPair& b) {
    return std::pair(a.left, a.right) < std::pair(b.left, b.right);
  });
  for (const ScoredPair& pair : forced) order.push_back(&pair);
  const std::size_t forced_count = order.size();
  for (const ScoredPair& pair : pairs) {
    if (pair.probability >= threshold && pair.hold == LinkHold::kNone &&
        !decision(pair.left, pair.right).has_value()) {
      order.push_back(&pair);
    }
  }
  std::stable_sort(order.begin() + forced_count, order.end(),
                   [](const ScoredPair* a, const ScoredPair* b) {
                     return a->probability > b->probability;
                   });
  Clusters clusters(n);
  const LinkRules rules = link_rules();
  for (std::size_t position = 0; position < order.size(); ++position) {
    const ScoredPair* pair = order[position];
    const bool is_forced = position < forced_count;
    const uint32_t a = clusters.Find(pair->left);
    const uint32_t b = clusters.Find(pair->right);
    if (a == b) continue;
    const std::vector<uint32_t>& members_a = clusters.Members(a);
    const std::vector<uint32_t>& members_b = clusters.Members(b);
    if (!decided_same.empty()) {
      bool kept_apart = false;  // some pair across was decided different
      for (uint32_t x : members_a) {
        for (uint32_t y : members_b) {
          if (decision(x, y) == false) kept_apart = true;
        }
      }
      if (kept_apart) continue;
      if (is_forced) {
        clusters.Merge(a, b);
        continue;
      }
    }
    if (members_a.size() + members_b.size() > options_.max_cluster_size) continue;
    bool conflict = false;  // two dates of birth that cannot be one person's
    for (uint32_t x : members_a) {
      for (uint32_t y : members_b) {
        if (rules.Conflict(x, y) && decision(x, y) != true) conflict = true;
      }
      if (conflict) break;
    }
    if (conflict) continue;
    if (members_a.size() + members_b.size() > 2) {
      std::size_t cross = 0, linked = 0;
      bool refused = false;
      for (uint32_t x : members_a) {
        for (uint32_t y : members_b) {
          const bool same_list = is_linkage && ((x < n_left) == (y < n_left));
          if (same_list) {
            if (Probability(x, y) < options_.same_list_probability) refused = true;
            continue;
          }
          ++cross;
          if (Probability(x, y) >= threshold) ++linked;
        }
        if (refused) break;
      }
      if (refused) continue;
      if (static_cast<double>(linked) <
          options_.cluster_link_density * static_cast<double>(cross)) {
        continue;
      }
    }
    clusters.Merge(a, b);
  }
  std::vector<uint32_t> cluster_of(n, 0);
  std::unordered_map<uint32_t, uint32_t> number_of_root;
  for (uint32_t g = 0; g < n; ++g) {
    const uint32_t root = clusters.Find(g);
    auto [it, inserted] =
        number_of_root.emplace(root, static_cast<uint32_t>(number_of_root.size() + 1));
    cluster_of[g] = it->second;
  }
  statistics_.cluster_seconds = SecondsSince(start);
  return cluster_of;
}

}  // namespace canje::linkage
