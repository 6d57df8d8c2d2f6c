#include "scenario/random_permutation.h"

#include <bit>
#include <cstdlib>

#include "scenario/random.h"

namespace canje::scenario {

RandomPermutation::RandomPermutation(uint64_t n, uint64_t seed) : n_(n) {
  const int bits = n <= 2 ? 1 : std::bit_width(n - 1);
  half_bits_ = (bits + 1) / 2;
  half_mask_ = (uint64_t{1} << half_bits_) - 1;
  uint64_t state = seed;
  for (uint64_t& key : keys_) key = SplitMix64(state);
}

uint64_t RandomPermutation::Encrypt(uint64_t x) const {
  uint64_t left = x >> half_bits_;
  uint64_t right = x & half_mask_;
  for (uint64_t key : keys_) {
    uint64_t state = key ^ right;
    const uint64_t round = SplitMix64(state) & half_mask_;
    const uint64_t next_right = left ^ round;
    left = right;
    right = next_right;
  }
  return (left << half_bits_) | right;
}

uint64_t RandomPermutation::operator()(uint64_t i) const {
  if (i >= n_) std::abort();
  // The Feistel network permutes [0, 4^half_bits); walking the cycle from i until it comes
  // back inside [0, n) restricts it to a permutation of [0, n). The domain is under 4n, so
  // the walk takes fewer than 4 steps on average.
  uint64_t x = i;
  do {
    x = Encrypt(x);
  } while (x >= n_);
  return x;
}

}  // namespace canje::scenario
