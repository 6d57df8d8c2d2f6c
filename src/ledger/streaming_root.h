// The RFC 9162 root of a sequence of leaves, computed as they stream by, in O(log n) memory:
// for committing to every record of a million-row import in one hash.
#pragma once

#include <cstdint>
#include <vector>

#include "ledger/merkle_tree.h"

namespace canje::ledger {

class StreamingRoot {
 public:
  // Adds the next leaf (its data; it is hashed with the 0x00 prefix here).
  void AddLeaf(ByteView data) { AddLeafHash(HashLeaf(data)); }
  void AddLeafHash(const Hash& leaf_hash);
  int64_t size() const { return size_; }
  // The root of the leaves added so far (EmptyTreeHash() for none).
  Hash Root() const;

 private:
  // Roots of complete subtrees, largest first; their sizes are the set bits of size_.
  std::vector<Hash> subtrees_;
  int64_t size_ = 0;
};

}  // namespace canje::ledger
