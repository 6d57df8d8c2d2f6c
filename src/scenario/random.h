// Deterministic randomness for the scenario generator.
//
// Everything here is defined by integer arithmetic only, so the same seed gives the same
// numbers on every platform and with every standard library (the std:: distributions are
// implementation-defined and differ between libstdc++ and libc++ versions).
//
// Scenarios derive one independent generator per (stream, index) with StreamSeed, so that a
// person or a list record can be regenerated on demand without keeping anything in memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace canje::scenario {

// One step of SplitMix64: advances `state` and returns a well-mixed 64-bit value.
uint64_t SplitMix64(uint64_t& state);

// A seed for the independent stream (seed, stream, index). Distinct triples give unrelated
// seeds; the function is a fixed hash, stable across versions of canje.
uint64_t StreamSeed(uint64_t seed, uint64_t stream, uint64_t index);

// xoshiro256** (Blackman and Vigna), seeded through SplitMix64.
class Random {
 public:
  explicit Random(uint64_t seed);

  uint64_t Next();
  // A uniform integer in [0, n). Requires n > 0. Unbiased (rejection of the short last range).
  uint64_t Below(uint64_t n);
  // A uniform integer in [lo, hi]. Requires lo <= hi.
  int64_t Between(int64_t lo, int64_t hi);
  // True with probability `p` (p <= 0: never; p >= 1: always), to a resolution of 2^-53.
  bool Chance(double p);

  // A uniformly chosen element. Requires a non-empty span.
  template <typename T>
  const T& Pick(std::span<const T> items) {
    return items[Below(items.size())];
  }

 private:
  uint64_t state_[4];
};

// Choice among n outcomes with integer weights, so that picking is exact and portable.
// Invariant: at least one weight is positive.
class WeightedChoice {
 public:
  explicit WeightedChoice(std::vector<uint64_t> weights);
  // An index in [0, size()), index i with probability weight(i) / total.
  size_t Pick(Random& random) const;
  size_t size() const { return cumulative_.size(); }
  // The probability of index i.
  double Probability(size_t i) const;

 private:
  std::vector<uint64_t> cumulative_;  // cumulative_[i] = weight(0) + ... + weight(i)
};

// Zipf-like integer weights for ranks 0..n-1: floor(10^12 / (rank + offset)). With offset 5 over
// a few hundred surnames, the commonest takes about 4% and the rarest well under 0.1%, which is
// the shape of surname frequencies in Spanish-speaking countries.
std::vector<uint64_t> ZipfWeights(size_t n, uint64_t offset);

}  // namespace canje::scenario
