#include "linkage/link_rules.h"

#include <algorithm>
#include <unordered_map>
#include <utility>
#include <vector>

#include "linkage/date_comparison.h"

namespace canje::linkage {

std::string_view LinkHoldName(LinkHold hold) {
  switch (hold) {
    case LinkHold::kNone:
      return "";
    case LinkHold::kDateConflict:
      return "date_conflict";
    case LinkHold::kAmbiguousWithoutDate:
      return "ambiguous_without_date";
    case LinkHold::kUndatedSameList:
      return "undated_same_list";
  }
  return "";
}

LinkRules::LinkRules(const RecordTable* left, const RecordTable* right,
                     WeightBesideNames beside_names)
    : left_(left), right_(right), beside_names_(std::move(beside_names)) {}

const RecordTable& LinkRules::TableOf(uint32_t index, std::size_t* local) const {
  if (right_ != nullptr && index >= left_->size()) {
    *local = index - left_->size();
    return *right_;
  }
  *local = index;
  return *left_;
}

bool LinkRules::LacksDate(uint32_t i) const {
  std::size_t r;
  const RecordTable& table = TableOf(i, &r);
  return !table.dates.empty() && table.dates[0][r].missing();
}

bool LinkRules::ShareDocument(uint32_t i, uint32_t j) const {
  std::size_t a, b;
  const RecordTable& table_a = TableOf(i, &a);
  const RecordTable& table_b = TableOf(j, &b);
  for (const auto& left : table_a.identifiers) {
    if (left[a].empty()) continue;
    for (const auto& right : table_b.identifiers) {
      if (left[a] == right[b]) return true;
    }
  }
  return table_a.has_service_numbers && table_b.has_service_numbers &&
         !table_a.service_numbers[a].empty() &&
         table_a.service_numbers[a] == table_b.service_numbers[b];
}

bool LinkRules::Conflict(uint32_t i, uint32_t j) const {
  std::size_t a, b;
  const RecordTable& table_a = TableOf(i, &a);
  const RecordTable& table_b = TableOf(j, &b);
  if (table_a.dates.empty() || table_b.dates.empty()) return false;
  return DatesConflict(table_a.dates[0][a], table_b.dates[0][b]) && !ShareDocument(i, j) &&
         beside_names_(i, j) < 0;
}

bool LinkRules::SameList(uint32_t i, uint32_t j) const {
  std::size_t a, b;
  const RecordTable& table_a = TableOf(i, &a);
  const RecordTable& table_b = TableOf(j, &b);
  return !table_a.lists.empty() && !table_b.lists.empty() && table_a.lists[a] == table_b.lists[b];
}

void LinkRules::Hold(std::span<ScoredPair> pairs, double threshold) const {
  // Per record without a date: its pairs (positions in `pairs`) at or above the threshold.
  std::unordered_map<uint32_t, std::vector<std::size_t>> undated_pairs;
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    ScoredPair& pair = pairs[k];
    pair.hold = LinkHold::kNone;
    if (pair.probability < threshold) continue;
    if (Conflict(pair.left, pair.right)) {
      pair.hold = LinkHold::kDateConflict;
      continue;
    }
    if ((LacksDate(pair.left) || LacksDate(pair.right)) && SameList(pair.left, pair.right) &&
        !ShareDocument(pair.left, pair.right)) {
      pair.hold = LinkHold::kUndatedSameList;
      continue;
    }
    if (LacksDate(pair.left)) undated_pairs[pair.left].push_back(k);
    if (LacksDate(pair.right)) undated_pairs[pair.right].push_back(k);
  }
  const auto odds = [](double probability) {
    const double p = std::min(probability, 1 - 1e-15);
    return p / (1 - p);
  };
  for (const auto& [undated, positions] : undated_pairs) {
    if (positions.size() < 2) continue;
    auto partner = [&, undated = undated](std::size_t k) {
      return pairs[k].left == undated ? pairs[k].right : pairs[k].left;
    };
    // The odds of the pairs each pair could be confused with: for a dated partner, the pairs
    // with partners that conflict with it; for a partner without a date, every dated partner's.
    std::vector<double> alternatives(positions.size(), 0.0);
    double dated_odds = 0;
    bool ambiguous = false;
    for (std::size_t p = 0; p < positions.size(); ++p) {
      if (LacksDate(partner(positions[p]))) continue;
      dated_odds += odds(pairs[positions[p]].probability);
      for (std::size_t q = 0; q < positions.size(); ++q) {
        if (q == p || LacksDate(partner(positions[q]))) continue;
        if (Conflict(partner(positions[p]), partner(positions[q]))) {
          alternatives[p] += odds(pairs[positions[q]].probability);
          ambiguous = true;
        }
      }
    }
    if (!ambiguous) continue;
    for (std::size_t p = 0; p < positions.size(); ++p) {
      ScoredPair& pair = pairs[positions[p]];
      if (LacksDate(partner(positions[p]))) alternatives[p] = dated_odds;
      const double own = odds(pair.probability);
      if (own / (1 + own + alternatives[p]) < threshold) pair.hold = LinkHold::kAmbiguousWithoutDate;
    }
  }
}

}  // namespace canje::linkage
