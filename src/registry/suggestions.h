// "Did you mean ...?" for unknown names in list files.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace canje::registry {

// The optimal-string-alignment distance (Levenshtein plus transposition of two adjacent
// characters) between `a` and `b`, counted in bytes.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` by EditDistance, if that distance is at most
// `max_distance`; on ties the earliest candidate wins.
std::optional<std::string_view> ClosestMatch(std::string_view word,
                                             std::span<const std::string_view> candidates,
                                             size_t max_distance);

// The usual threshold for a suggestion: a third of the word's length, at least 1, at most 3.
size_t SuggestionDistanceFor(std::string_view word);

}  // namespace canje::registry
