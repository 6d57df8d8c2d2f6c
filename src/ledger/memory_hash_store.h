// HashReaders for tests and tools: a tree held in memory, and a wrapper that counts reads.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/status.h"
#include "ledger/merkle_tree.h"

namespace canje::ledger {

// A whole Merkle tree in memory: the stored hashes in index order (see merkle_tree.h).
class MemoryHashStore : public HashReader {
 public:
  // Appends a leaf with hash `leaf_hash`, storing the hashes HashesToStoreOnAppend returns.
  Status AppendLeafHash(const Hash& leaf_hash);
  // Appends one leaf given the hashes HashesToStoreOnAppend(size(), ...) returned; they must
  // start at the next free stored hash index and be consecutive.
  Status AppendStoredHashes(const std::vector<StoredHash>& new_hashes);
  // The number of leaves.
  int64_t size() const { return size_; }
  // Every stored hash, by stored hash index.
  const std::vector<Hash>& stored_hashes() const { return hashes_; }
  // Overwrites one stored hash (for tests that tamper with storage).
  void OverwriteForTest(int64_t index, const Hash& hash) { hashes_.at(index) = hash; }

  // Fails with kNotFound for an index that is not stored.
  Result<std::vector<Hash>> ReadHashes(std::span<const int64_t> indexes) override;

 private:
  std::vector<Hash> hashes_;
  int64_t size_ = 0;
};

// Passes reads through to another reader and counts them.
class CountingHashReader : public HashReader {
 public:
  explicit CountingHashReader(HashReader& inner) : inner_(inner) {}

  Result<std::vector<Hash>> ReadHashes(std::span<const int64_t> indexes) override;

  int64_t hashes_read() const { return hashes_read_; }  // indexes requested, in total
  int64_t calls() const { return calls_; }              // ReadHashes calls
  void Reset() { hashes_read_ = calls_ = 0; }

 private:
  HashReader& inner_;
  int64_t hashes_read_ = 0;
  int64_t calls_ = 0;
};

}  // namespace canje::ledger
