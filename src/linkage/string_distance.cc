#include "linkage/string_distance.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

namespace canje::linkage {
namespace {

// Per-thread buffers for strings longer than kShortStringLength and for Damerau–Levenshtein.
// They only grow, so steady-state calls do not allocate.
struct Scratch {
  std::vector<unsigned char> flags;
  std::vector<int> ints;
  std::vector<char32_t> alphabet;
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

template <typename T>
T* Reserve(std::vector<T>& buffer, std::size_t size) {
  if (buffer.size() < size) buffer.resize(size);
  return buffer.data();
}

// Bit masks of the positions of each code point in a string of at most 64 code points (bit j
// set when pattern[j] == c). Only entries for code points of the two strings are initialised,
// so building costs O(|pattern| + |other|), not a clear of the whole table.
class PositionMasks {
 public:
  PositionMasks(std::u32string_view pattern, std::u32string_view other) {
    for (char32_t c : other) {
      if (c < kAsciiSize) ascii_[c] = 0;
    }
    for (char32_t c : pattern) {
      if (c < kAsciiSize) ascii_[c] = 0;
    }
    for (std::size_t j = 0; j < pattern.size(); ++j) {
      const char32_t c = pattern[j];
      const uint64_t bit = uint64_t{1} << j;
      if (c < kAsciiSize) {
        ascii_[c] |= bit;
        continue;
      }
      std::size_t k = 0;
      while (k < other_count_ && other_[k].code_point != c) ++k;
      if (k == other_count_) other_[other_count_++] = {c, 0};
      other_[k].mask |= bit;
    }
  }

  uint64_t Of(char32_t c) const {
    if (c < kAsciiSize) return ascii_[c];
    for (std::size_t k = 0; k < other_count_; ++k) {
      if (other_[k].code_point == c) return other_[k].mask;
    }
    return 0;
  }

 private:
  static constexpr char32_t kAsciiSize = 128;
  struct Entry {
    char32_t code_point;
    uint64_t mask;
  };
  uint64_t ascii_[kAsciiSize];  // deliberately not cleared; see above
  Entry other_[kShortStringLength];
  std::size_t other_count_ = 0;
};

uint64_t LowBits(std::size_t count) {
  return count >= 64 ? ~uint64_t{0} : (uint64_t{1} << count) - 1;
}

// Jaro for |a|, |b| <= 64 with match flags as bit sets: each code point of a takes the first
// unmatched equal code point of b inside the window, as in the reference definition.
double ShortJaro(std::u32string_view a, std::u32string_view b) {
  const PositionMasks positions(b, a);
  const std::ptrdiff_t a_length = static_cast<std::ptrdiff_t>(a.size());
  const std::ptrdiff_t b_length = static_cast<std::ptrdiff_t>(b.size());
  const std::ptrdiff_t window = std::max<std::ptrdiff_t>(std::max(a_length, b_length) / 2 - 1, 0);

  uint64_t a_flags = 0;
  uint64_t b_flags = 0;
  int common = 0;
  for (std::ptrdiff_t i = 0; i < a_length; ++i) {
    const std::ptrdiff_t low = std::max<std::ptrdiff_t>(i - window, 0);
    const std::ptrdiff_t high = std::min(i + window, b_length - 1);
    if (low > high) continue;
    const uint64_t in_window = LowBits(static_cast<std::size_t>(high - low + 1)) << low;
    const uint64_t candidates = positions.Of(a[i]) & in_window & ~b_flags;
    if (candidates == 0) continue;
    b_flags |= candidates & (~candidates + 1);  // lowest set bit
    a_flags |= uint64_t{1} << i;
    ++common;
  }
  if (common == 0) return 0.0;

  int out_of_order = 0;
  while (a_flags != 0) {
    const int i = std::countr_zero(a_flags);
    const int j = std::countr_zero(b_flags);
    if (a[static_cast<std::size_t>(i)] != b[static_cast<std::size_t>(j)]) ++out_of_order;
    a_flags &= a_flags - 1;
    b_flags &= b_flags - 1;
  }
  const int transpositions = out_of_order / 2;  // rounded down, as jellyfish does

  const double m = common;
  return (m / static_cast<double>(a_length) + m / static_cast<double>(b_length) +
          static_cast<double>(common - transpositions) / m) /
         3.0;
}

// Levenshtein distance for 1 <= |b| <= 64 with the bit-vector algorithm of Myers (1999) in
// Hyyrö's (2003) formulation for whole-string distance: one column of the DP matrix is held as
// vertical +1/-1 delta bit vectors and advanced by a few word operations per code point of a.
int ShortLevenshtein(std::u32string_view a, std::u32string_view b) {
  const PositionMasks positions(b, a);
  const uint64_t last = uint64_t{1} << (b.size() - 1);
  uint64_t vertical_positive = LowBits(b.size());
  uint64_t vertical_negative = 0;
  int distance = static_cast<int>(b.size());
  for (char32_t c : a) {
    const uint64_t x = positions.Of(c) | vertical_negative;
    const uint64_t diagonal_zero =
        (((x & vertical_positive) + vertical_positive) ^ vertical_positive) | x;
    uint64_t horizontal_positive = vertical_negative | ~(diagonal_zero | vertical_positive);
    uint64_t horizontal_negative = diagonal_zero & vertical_positive;
    if (horizontal_positive & last) ++distance;
    if (horizontal_negative & last) --distance;
    horizontal_positive = (horizontal_positive << 1) | 1;
    horizontal_negative <<= 1;
    vertical_positive = horizontal_negative | ~(diagonal_zero | horizontal_positive);
    vertical_negative = horizontal_positive & diagonal_zero;
  }
  return distance;
}

// Jaro with caller-provided, zeroed match flags for a (size |a|) and b (size |b|).
double JaroWithFlags(std::u32string_view a, std::u32string_view b, unsigned char* a_flags,
                     unsigned char* b_flags) {
  const std::ptrdiff_t a_length = static_cast<std::ptrdiff_t>(a.size());
  const std::ptrdiff_t b_length = static_cast<std::ptrdiff_t>(b.size());
  const std::ptrdiff_t window = std::max<std::ptrdiff_t>(std::max(a_length, b_length) / 2 - 1, 0);

  std::ptrdiff_t common = 0;
  for (std::ptrdiff_t i = 0; i < a_length; ++i) {
    const std::ptrdiff_t low = std::max<std::ptrdiff_t>(i - window, 0);
    const std::ptrdiff_t high = std::min(i + window, b_length - 1);
    for (std::ptrdiff_t j = low; j <= high; ++j) {
      if (!b_flags[j] && b[j] == a[i]) {
        a_flags[i] = 1;
        b_flags[j] = 1;
        ++common;
        break;
      }
    }
  }
  if (common == 0) return 0.0;

  std::ptrdiff_t out_of_order = 0;
  std::ptrdiff_t k = 0;
  for (std::ptrdiff_t i = 0; i < a_length; ++i) {
    if (!a_flags[i]) continue;
    while (!b_flags[k]) ++k;
    if (a[i] != b[k]) ++out_of_order;
    ++k;
  }
  const std::ptrdiff_t transpositions = out_of_order / 2;  // rounded down, as jellyfish does

  const double m = static_cast<double>(common);
  return (m / static_cast<double>(a_length) + m / static_cast<double>(b_length) +
          static_cast<double>(common - transpositions) / m) /
         3.0;
}

}  // namespace

double JaroSimilarity(std::u32string_view a, std::u32string_view b) {
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  if (a.size() <= kShortStringLength && b.size() <= kShortStringLength) return ShortJaro(a, b);
  Scratch& scratch = ThreadScratch();
  unsigned char* flags = Reserve(scratch.flags, a.size() + b.size());
  std::memset(flags, 0, a.size() + b.size());
  return JaroWithFlags(a, b, flags, flags + a.size());
}

double JaroWinklerSimilarity(std::u32string_view a, std::u32string_view b) {
  const double jaro = JaroSimilarity(a, b);
  if (jaro <= 0.7) return jaro;
  const std::size_t limit = std::min<std::size_t>({a.size(), b.size(), 4});
  std::size_t prefix = 0;
  while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
  return jaro + 0.1 * static_cast<double>(prefix) * (1.0 - jaro);
}

int LevenshteinDistance(std::u32string_view a, std::u32string_view b) {
  if (a.size() < b.size()) std::swap(a, b);  // the row runs over the shorter string
  if (b.empty()) return static_cast<int>(a.size());
  if (b.size() <= kShortStringLength) return ShortLevenshtein(a, b);

  int* row = Reserve(ThreadScratch().ints, b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);

  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];  // distance(a[0, i-1), b[0, j-1))
    row[0] = static_cast<int>(i);
    const char32_t a_char = a[i - 1];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int above = row[j];
      const int substitution = diagonal + (a_char == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

int DamerauLevenshteinDistance(std::u32string_view a, std::u32string_view b) {
  if (a.empty()) return static_cast<int>(b.size());
  if (b.empty()) return static_cast<int>(a.size());

  Scratch& scratch = ThreadScratch();
  const std::size_t rows = a.size() + 2;
  const std::size_t columns = b.size() + 2;

  // Number the distinct code points of a and b 0..k-1 so that "last row where this character
  // occurred in a" is a plain array. Linear search is fastest for names (few distinct letters).
  const std::size_t total_length = a.size() + b.size();
  char32_t* alphabet = Reserve(scratch.alphabet, total_length);
  int* cells = Reserve(scratch.ints, rows * columns + 2 * total_length);
  int* a_ids = cells + rows * columns;
  int* b_ids = a_ids + a.size();
  int* last_row_of = b_ids + b.size();  // indexed by character id; at most |a| + |b| ids
  std::size_t alphabet_size = 0;
  auto id_of = [&](char32_t c) {
    for (std::size_t k = 0; k < alphabet_size; ++k) {
      if (alphabet[k] == c) return static_cast<int>(k);
    }
    alphabet[alphabet_size] = c;
    return static_cast<int>(alphabet_size++);
  };
  for (std::size_t i = 0; i < a.size(); ++i) a_ids[i] = id_of(a[i]);
  for (std::size_t j = 0; j < b.size(); ++j) b_ids[j] = id_of(b[j]);
  std::fill(last_row_of, last_row_of + alphabet_size, 0);

  auto cell = [&](std::size_t i, std::size_t j) -> int& { return cells[i * columns + j]; };
  const int infinity = static_cast<int>(a.size() + b.size());
  cell(0, 0) = infinity;
  for (std::size_t i = 0; i <= a.size(); ++i) {
    cell(i + 1, 0) = infinity;
    cell(i + 1, 1) = static_cast<int>(i);
  }
  for (std::size_t j = 0; j <= b.size(); ++j) {
    cell(0, j + 1) = infinity;
    cell(1, j + 1) = static_cast<int>(j);
  }

  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t last_match_column = 0;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t i1 = static_cast<std::size_t>(last_row_of[b_ids[j - 1]]);
      const std::size_t j1 = last_match_column;
      int cost = 1;
      if (a_ids[i - 1] == b_ids[j - 1]) {
        cost = 0;
        last_match_column = j;
      }
      const int transposition =
          cell(i1, j1) + static_cast<int>(i - i1 - 1) + 1 + static_cast<int>(j - j1 - 1);
      cell(i + 1, j + 1) =
          std::min({cell(i, j) + cost, cell(i + 1, j) + 1, cell(i, j + 1) + 1, transposition});
    }
    last_row_of[a_ids[i - 1]] = static_cast<int>(i);
  }
  return cell(a.size() + 1, b.size() + 1);
}

}  // namespace canje::linkage
