#include "registry/suggestions.h"

#include <algorithm>
#include <vector>

#include "core/utf8.h"

namespace canje::registry {

size_t EditDistance(std::string_view a_text, std::string_view b_text) {
  const std::u32string a = CodePointsOf(a_text);
  const std::u32string b = CodePointsOf(b_text);
  const size_t n = a.size();
  const size_t m = b.size();
  // Three rows of the dynamic-programming table: i-2, i-1 and i.
  std::vector<size_t> before(m + 1), previous(m + 1), current(m + 1);
  for (size_t j = 0; j <= m; ++j) previous[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    current[0] = i;
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

std::optional<std::string_view> ClosestMatch(std::string_view word,
                                             std::span<const std::string_view> candidates,
                                             size_t max_distance) {
  std::optional<std::string_view> best;
  size_t best_distance = max_distance + 1;
  for (std::string_view candidate : candidates) {
    const size_t distance = EditDistance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

size_t SuggestionDistanceFor(std::string_view word) {
  return std::clamp<size_t>(CountCodePoints(word) / 3, 1, 3);
}

void SuggestionIndex::Add(std::string folded) {
  const Script script = ScriptOf(folded);
  entries_.push_back({std::move(folded), script});
}

std::vector<size_t> SuggestionIndex::Nearest(std::string_view folded_word, size_t max_count) const {
  const size_t limit = SuggestionDistanceFor(folded_word);
  const Script script = ScriptOf(folded_word);
  for (bool same_script_only : {true, false}) {
    std::vector<size_t> nearest;
    size_t nearest_distance = limit + 1;
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (same_script_only && entries_[i].script != script) continue;
      const size_t distance = EditDistance(folded_word, entries_[i].folded);
      if (distance > limit) continue;
      if (distance < nearest_distance) {
        nearest_distance = distance;
        nearest.assign(1, i);
      } else if (distance == nearest_distance && nearest.size() < max_count) {
        nearest.push_back(i);
      }
    }
    if (!nearest.empty()) return nearest;
  }
  return {};
}

}  // namespace canje::registry
