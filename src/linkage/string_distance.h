// String similarity and edit distances on Unicode code points.
//
// All functions take std::u32string_view (one element per code point, never bytes), so "José"
// has length 4 and "é" is one substitution away from "e". Build the views once per record (see
// prepared_name.h) and call these in the hot loop. Jaro, Jaro–Winkler and Levenshtein use
// bit-parallel algorithms on the stack when the strings (for Levenshtein, the shorter one) are
// at most kShortStringLength code points long, which covers names; otherwise, and always for
// Damerau–Levenshtein (which needs the whole matrix), they use a per-thread scratch buffer that
// grows once and is reused. So all are thread-safe and allocation-free in steady state.
//
// The definitions follow the jellyfish library (jamesturk/jellyfish), whose test values in
// tests/reference-data/strings these functions reproduce (to the three decimals given there):
//   - Jaro: matching window max(|a|,|b|)/2 - 1 (at least 0); transpositions are half the
//     matched characters out of order, rounded down; 0 when either string is empty.
//   - Jaro–Winkler: Jaro plus 0.1 * prefix * (1 - Jaro), prefix = common leading code points up
//     to 4, applied only when Jaro > 0.7 (Winkler's boost threshold).
//   - Levenshtein: insertions, deletions, substitutions, each costing 1.
//   - Damerau–Levenshtein: the unrestricted ("true") distance of Lowrance and Wagner, in which
//     transposed adjacent characters cost 1 even when other edits touch them later: "ca" ->
//     "abc" is 2, not 3 as in the optimal-string-alignment variant.
#pragma once

#include <cstddef>
#include <string_view>

namespace canje::linkage {

// Strings up to this many code points are compared with stack buffers only.
inline constexpr std::size_t kShortStringLength = 64;

// Jaro similarity in [0, 1]; 1 for identical non-empty strings, 0 if either is empty.
double JaroSimilarity(std::u32string_view a, std::u32string_view b);

// Jaro–Winkler similarity in [0, 1] with prefix scale 0.1 and at most 4 prefix code points.
double JaroWinklerSimilarity(std::u32string_view a, std::u32string_view b);

// Minimum number of single code point insertions, deletions and substitutions.
int LevenshteinDistance(std::u32string_view a, std::u32string_view b);

// Levenshtein plus transposition of two adjacent code points (unrestricted Damerau).
int DamerauLevenshteinDistance(std::u32string_view a, std::u32string_view b);

}  // namespace canje::linkage
