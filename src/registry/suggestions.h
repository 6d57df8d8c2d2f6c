// "Did you mean ...?" for unknown names in list files.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "registry/text_fold.h"

namespace canje::registry {

// The optimal-string-alignment distance (Levenshtein plus transposition of two adjacent
// characters) between `a` and `b`, counted in code points ("й" and "и" are one edit apart).
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` by EditDistance, if that distance is at most
// `max_distance`; on ties the earliest candidate wins.
std::optional<std::string_view> ClosestMatch(std::string_view word,
                                             std::span<const std::string_view> candidates,
                                             size_t max_distance);

// The usual threshold for a suggestion: a third of the word's length in code points, at least
// 1, at most 3.
size_t SuggestionDistanceFor(std::string_view word);

// The folded names of a vocabulary in several scripts (header names, country names), for
// suggesting the nearest ones to a word that is not among them.
class SuggestionIndex {
 public:
  // Adds a folded name (FoldForMatchingAnyScript); entries are numbered from 0 in this order.
  void Add(std::string folded);
  size_t size() const { return entries_.size(); }

  // The entries nearest to `folded_word` by EditDistance, within SuggestionDistanceFor of it,
  // all at the same (smallest) distance, at most `max_count`, in the order they were added.
  // Names in the word's own script (ScriptOf) are tried first; the others only when none of
  // those is near enough. Empty when nothing is near.
  std::vector<size_t> Nearest(std::string_view folded_word, size_t max_count) const;

 private:
  struct Entry {
    std::string folded;
    Script script;
  };
  std::vector<Entry> entries_;
};

}  // namespace canje::registry
