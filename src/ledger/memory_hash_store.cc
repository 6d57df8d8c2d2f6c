#include "ledger/memory_hash_store.h"

#include <string>

namespace canje::ledger {

Status MemoryHashStore::AppendLeafHash(const Hash& leaf_hash) {
  if (size_ >= kMaxTreeSize) return HashesToStoreOnAppend(size_, leaf_hash, *this).status();
  // What HashesToStoreOnAppend returns, computed in place: leaf n completes one subtree per
  // trailing 1 bit of n, whose left half is already stored here.
  Hash hash = leaf_hash;
  hashes_.push_back(hash);
  for (int level = 0; (size_ >> level) & 1; ++level) {
    hash = HashChildren(hashes_[static_cast<size_t>(StoredHashIndex(level, (size_ >> level) - 1))],
                        hash);
    hashes_.push_back(hash);
  }
  ++size_;
  return Status::Ok();
}

Status MemoryHashStore::AppendStoredHashes(const std::vector<StoredHash>& new_hashes) {
  if (new_hashes.empty() || new_hashes.front().index != StoredHashCount(size_)) {
    return Status::Internal("the hashes to store do not start at stored hash index " +
                            std::to_string(StoredHashCount(size_)));
  }
  for (const StoredHash& stored : new_hashes) {
    if (stored.index != static_cast<int64_t>(hashes_.size())) {
      return Status::Internal("append produced stored hash index " + std::to_string(stored.index) +
                              " where " + std::to_string(hashes_.size()) + " was next");
    }
    hashes_.push_back(stored.hash);
  }
  ++size_;
  return Status::Ok();
}

Result<std::vector<Hash>> MemoryHashStore::ReadHashes(std::span<const int64_t> indexes) {
  std::vector<Hash> out;
  out.reserve(indexes.size());
  for (int64_t index : indexes) {
    if (index < 0 || index >= static_cast<int64_t>(hashes_.size())) {
      return Status::NotFound("stored hash " + std::to_string(index) +
                              " does not exist; the tree "
                              "of size " +
                              std::to_string(size_) + " stores " + std::to_string(hashes_.size()) +
                              " hashes");
    }
    out.push_back(hashes_[static_cast<size_t>(index)]);
  }
  return out;
}

Result<std::vector<Hash>> CountingHashReader::ReadHashes(std::span<const int64_t> indexes) {
  ++calls_;
  hashes_read_ += static_cast<int64_t>(indexes.size());
  return inner_.ReadHashes(indexes);
}

}  // namespace canje::ledger
