#include "ledger/streaming_root.h"

namespace canje::ledger {

void StreamingRoot::AddLeafHash(const Hash& leaf_hash) {
  Hash carry = leaf_hash;
  // Each trailing one bit of size_ is a complete subtree of the same size to merge with.
  for (int64_t bits = size_; bits & 1; bits >>= 1) {
    carry = HashChildren(subtrees_.back(), carry);
    subtrees_.pop_back();
  }
  subtrees_.push_back(carry);
  ++size_;
}

Hash StreamingRoot::Root() const {
  if (subtrees_.empty()) return EmptyTreeHash();
  Hash root = subtrees_.back();
  for (size_t i = subtrees_.size() - 1; i-- > 0;) root = HashChildren(subtrees_[i], root);
  return root;
}

}  // namespace canje::ledger
