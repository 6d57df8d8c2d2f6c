// The log's Merkle tree: RFC 9162 hashing, a storage layout for interior hashes, proofs and
// their verification.
//
// Hashing (RFC 9162 section 2.1.1): SHA-256; a leaf hash is H(0x00 || data), an interior node
// is H(0x01 || left || right), the empty tree's hash is H(""). A tree of n > 1 leaves splits
// at k, the largest power of two below n.
//
// Storage layout. Every complete subtree - the 2^L leaves [k*2^L, (k+1)*2^L) at level L - has
// one stored hash, addressed by a single int64 "stored hash index". Indexes are assigned in
// the order the hashes come into existence as leaves are appended: appending leaf n creates
// the leaf hash (level 0) and then one hash per level L for which the subtree ending at leaf n
// just became complete. So a tree of n leaves holds exactly StoredHashCount(n) = 2n - popcount(n)
// hashes, at indexes 0 .. StoredHashCount(n) - 1, and appending only ever adds indexes at the
// end. (This is the numbering of Go's golang.org/x/mod/sumdb/tlog.StoredHashIndex.)
//
// Every hash the functions below need is the hash of a complete subtree, so they read stored
// hashes through a HashReader and never rehash leaves. Costs, in hashes read per call (each
// call makes at most one ReadHashes request):
//   HashesToStoreOnAppend  <= log2(n)            (the left siblings that the new leaf completes)
//   TreeHash(n)            = popcount(n)         (<= log2(n) + 1)
//   ProveInclusion         <= 2 * log2(n)
//   ProveConsistency       <= 2 * log2(n) + 1
// at any tree size; merkle_tree_test.cc counts them.
//
// Sizes and indexes are int64; a tree holds at most kMaxTreeSize leaves. Arguments out of range
// are kUsage errors; proofs that do not verify are kInvalid errors whose message says what did
// not match.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/digest.h"
#include "core/encoding.h"
#include "core/status.h"

namespace canje::ledger {

// A SHA-256 digest: leaf hashes, interior hashes and roots.
using Hash = Sha256Hash;

// The largest tree: 2^62 leaves (so every stored hash index fits in an int64).
inline constexpr int64_t kMaxTreeSize = int64_t{1} << 62;

// RFC 9162 hashes.
Hash HashLeaf(ByteView data);
Hash HashChildren(const Hash& left, const Hash& right);
Hash EmptyTreeHash();  // SHA-256 of the empty string: the root of the tree of size 0

// The stored hash index of the complete subtree at `level` (0 = a leaf) with position `index`
// among the subtrees of that level. Requires 0 <= level <= 62, index >= 0 and
// (index + 1) * 2^level <= kMaxTreeSize.
int64_t StoredHashIndex(int level, int64_t index);
// How many hashes a tree of `tree_size` leaves stores (2n - popcount(n)); also the first
// stored hash index that appending leaf `tree_size` will use.
int64_t StoredHashCount(int64_t tree_size);

// Where stored hashes come from (memory in tests, a database table index -> hash in the store).
class HashReader {
 public:
  virtual ~HashReader();
  // Returns the hashes at `indexes`, in the same order, one per index (indexes may repeat and
  // come in any order). Fails if any of them is not stored.
  virtual Result<std::vector<Hash>> ReadHashes(std::span<const int64_t> indexes) = 0;
};

// A stored hash to write, at its stored hash index.
struct StoredHash {
  int64_t index;
  Hash hash;
  friend bool operator==(const StoredHash&, const StoredHash&) = default;
};

// The hashes to store when leaf `leaf_index` (the tree's current size) is appended with hash
// `leaf_hash`: the leaf's own hash first, then one interior hash per subtree the leaf completes,
// with consecutive indexes starting at StoredHashCount(leaf_index). Reads the left siblings from
// `reader`, which must hold every hash of the tree of size `leaf_index`.
Result<std::vector<StoredHash>> HashesToStoreOnAppend(int64_t leaf_index, const Hash& leaf_hash,
                                                      HashReader& reader);

// The root hash of the first `size` leaves (0 <= size <= kMaxTreeSize). Reads nothing for 0.
Result<Hash> TreeHash(int64_t size, HashReader& reader);

// The RFC 9162 section 2.1.3.1 inclusion proof for leaf `index` in the tree of `size` leaves,
// lowest level first. Requires 0 <= index < size.
Result<std::vector<Hash>> ProveInclusion(int64_t index, int64_t size, HashReader& reader);

// The RFC 9162 section 2.1.4.1 consistency proof from the tree of `old_size` leaves to the tree
// of `new_size` leaves. Requires 1 <= old_size <= new_size; empty when the sizes are equal.
Result<std::vector<Hash>> ProveConsistency(int64_t old_size, int64_t new_size, HashReader& reader);

// How many hashes a correct proof has (so callers can tell a malformed proof from a false one).
// Arguments as for ProveInclusion / ProveConsistency; -1 when they are out of range.
int InclusionProofLength(int64_t index, int64_t size);
int ConsistencyProofLength(int64_t old_size, int64_t new_size);

// RFC 9162 section 2.1.3.2: ok when `proof` shows the leaf with `leaf_hash` at `index` in the
// tree of `size` leaves whose root is `root`.
Status VerifyInclusion(int64_t index, int64_t size, const Hash& leaf_hash,
                       std::span<const Hash> proof, const Hash& root);

// RFC 9162 section 2.1.4.2: ok when `proof` shows that the tree of `size1` leaves with root
// `root1` is a prefix of the tree of `size2` leaves with root `root2`. Equal sizes need an empty
// proof and equal roots. A proof from the empty tree (size1 = 0) proves nothing and is refused.
Status VerifyConsistency(int64_t size1, int64_t size2, std::span<const Hash> proof,
                         const Hash& root1, const Hash& root2);

}  // namespace canje::ledger
