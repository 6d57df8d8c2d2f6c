#include "scenario/random.h"

#include <algorithm>
#include <cstdlib>

namespace canje::scenario {
namespace {

uint64_t RotateLeft(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

uint64_t SplitMix64(uint64_t& state) {
  state += 0x9e3779b97f4a7c15ULL;
  uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t StreamSeed(uint64_t seed, uint64_t stream, uint64_t index) {
  uint64_t state = seed;
  uint64_t a = SplitMix64(state);
  state = a ^ (stream * 0xd1b54a32d192ed03ULL);
  uint64_t b = SplitMix64(state);
  state = b ^ (index * 0xaf251af3b0f025b5ULL);
  return SplitMix64(state);
}

Random::Random(uint64_t seed) {
  uint64_t state = seed;
  for (uint64_t& word : state_) word = SplitMix64(state);
}

uint64_t Random::Next() {
  const uint64_t result = RotateLeft(state_[1] * 5, 7) * 9;
  const uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = RotateLeft(state_[3], 45);
  return result;
}

uint64_t Random::Below(uint64_t n) {
  if (n == 0) std::abort();
  // Values below `threshold` would make the low range over-represented; skip them.
  const uint64_t threshold = (0 - n) % n;
  while (true) {
    uint64_t r = Next();
    if (r >= threshold) return r % n;
  }
}

int64_t Random::Between(int64_t lo, int64_t hi) {
  if (lo > hi) std::abort();
  uint64_t span = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo) + 1;
  if (span == 0) return static_cast<int64_t>(Next());  // the whole 64-bit range
  return static_cast<int64_t>(static_cast<uint64_t>(lo) + Below(span));
}

bool Random::Chance(double p) {
  if (p <= 0) return false;
  if (p >= 1) return true;
  const double unit = static_cast<double>(Next() >> 11) * 0x1.0p-53;
  return unit < p;
}

WeightedChoice::WeightedChoice(std::vector<uint64_t> weights) : cumulative_(std::move(weights)) {
  uint64_t total = 0;
  for (uint64_t& w : cumulative_) {
    total += w;
    w = total;
  }
  if (total == 0) std::abort();
}

size_t WeightedChoice::Pick(Random& random) const {
  const uint64_t target = random.Below(cumulative_.back());
  return static_cast<size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), target) -
                             cumulative_.begin());
}

double WeightedChoice::Probability(size_t i) const {
  const uint64_t weight = cumulative_[i] - (i == 0 ? 0 : cumulative_[i - 1]);
  return static_cast<double>(weight) / static_cast<double>(cumulative_.back());
}

std::vector<uint64_t> ZipfWeights(size_t n, uint64_t offset) {
  std::vector<uint64_t> weights(n);
  for (size_t rank = 0; rank < n; ++rank) weights[rank] = 1'000'000'000'000ULL / (rank + offset);
  return weights;
}

}  // namespace canje::scenario
