// A pseudo-random permutation of [0, n) computed one element at a time, in O(1) memory.
//
// Scenarios use it to (a) write a list's records in an order unrelated to the person keys, and
// (b) choose exactly k of n people ("238 of the 252") as those whose permuted rank is below k,
// without ever materialising the population. It is a 4-round Feistel network on the smallest
// even number of bits covering n, with cycle walking to stay inside [0, n); the round keys come
// from the seed, so a permutation is fully determined by (n, seed).
#pragma once

#include <cstdint>

namespace canje::scenario {

class RandomPermutation {
 public:
  RandomPermutation(uint64_t n, uint64_t seed);

  // The image of i, for i in [0, n). A bijection of [0, n) onto itself.
  uint64_t operator()(uint64_t i) const;
  uint64_t size() const { return n_; }

 private:
  uint64_t Encrypt(uint64_t x) const;

  uint64_t n_;
  int half_bits_ = 1;
  uint64_t half_mask_ = 1;
  uint64_t keys_[4] = {};
};

// Calls visit(v) for every v in [0, n), in the order of RandomPermutation(n, seed).
template <typename Visit>
void ForEachInPermutedOrder(uint64_t n, uint64_t seed, Visit&& visit) {
  const RandomPermutation order(n, seed);
  for (uint64_t k = 0; k < n; ++k) visit(order(k));
}

}  // namespace canje::scenario
