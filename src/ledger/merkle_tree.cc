#include "ledger/merkle_tree.h"

#include <openssl/evp.h>

#include <algorithm>
#include <bit>
#include <cstdlib>

#include "core/openssl_handles.h"

namespace canje::ledger {
namespace {

// SHA-256 of prefix || first || second. The tree hashes millions of small inputs, so this skips
// OpenSSL 3's per-call algorithm fetch and context allocation (about 3x faster than EVP_Digest):
// the algorithm is fetched once, and each thread reuses one digest context.
Hash PrefixedSha256(uint8_t prefix, ByteView first, ByteView second) {
  static EVP_MD* const algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  thread_local const OpensslDigestContext context(EVP_MD_CTX_new());
  Hash out;
  unsigned int length = 0;
  if (algorithm == nullptr || context == nullptr ||
      EVP_DigestInit_ex(context.get(), algorithm, nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), &prefix, 1) != 1 ||
      EVP_DigestUpdate(context.get(), first.data(), first.size()) != 1 ||
      EVP_DigestUpdate(context.get(), second.data(), second.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), out.data(), &length) != 1 || length != out.size()) {
    std::abort();  // OpenSSL without SHA-256: nothing in the log can work
  }
  return out;
}

// A run of consecutive leaves [begin, end) whose RFC 9162 hash MTH(D[begin:end]) is needed.
struct LeafRange {
  int64_t begin;
  int64_t end;
};

// A complete subtree: 2^level leaves starting at leaf index << level.
struct Subtree {
  int level;
  int64_t index;
};

// The largest power of two strictly below n (n >= 2).
int64_t SplitPoint(int64_t n) { return int64_t{1} << (63 - std::countl_zero(uint64_t(n - 1))); }

std::string Base64(const Hash& hash) { return Base64Encode(hash); }

// Appends the complete subtrees whose hashes, folded from the right, give MTH(D[begin:end]):
// the binary digits of the range's length, largest first. Every range the provers below
// produce starts at a multiple of the smallest power of two not below its length, so each
// piece is a stored, aligned subtree.
void AppendSubtrees(LeafRange range, std::vector<Subtree>& out) {
  int64_t position = range.begin;
  const int64_t length = range.end - range.begin;
  for (int level = 62; level >= 0; --level) {
    const int64_t width = int64_t{1} << level;
    if ((length & width) == 0) continue;
    out.push_back({level, position >> level});
    position += width;
  }
}

// One batched read (none when `indexes` is empty), checked to return one hash per index.
Result<std::vector<Hash>> ReadStored(HashReader& reader, const std::vector<int64_t>& indexes) {
  if (indexes.empty()) return std::vector<Hash>{};
  CANJE_ASSIGN_OR_RETURN(std::vector<Hash> hashes, reader.ReadHashes(indexes));
  if (hashes.size() != indexes.size()) {
    return Status::Internal("the hash reader returned " + std::to_string(hashes.size()) +
                            " hashes for " + std::to_string(indexes.size()) + " indexes");
  }
  return hashes;
}

// The hashes of `ranges`, computed from one batched read of their complete subtrees.
Result<std::vector<Hash>> RangeHashes(const std::vector<LeafRange>& ranges, HashReader& reader) {
  std::vector<Subtree> subtrees;
  std::vector<size_t> first_subtree;  // where each range's subtrees start in `subtrees`
  for (const LeafRange& range : ranges) {
    first_subtree.push_back(subtrees.size());
    AppendSubtrees(range, subtrees);
  }
  first_subtree.push_back(subtrees.size());

  std::vector<int64_t> indexes;
  indexes.reserve(subtrees.size());
  for (const Subtree& subtree : subtrees) {
    indexes.push_back(StoredHashIndex(subtree.level, subtree.index));
  }
  CANJE_ASSIGN_OR_RETURN(std::vector<Hash> stored, ReadStored(reader, indexes));

  std::vector<Hash> out;
  out.reserve(ranges.size());
  for (size_t r = 0; r < ranges.size(); ++r) {
    size_t last = first_subtree[r + 1];
    if (last == first_subtree[r]) {
      out.push_back(EmptyTreeHash());
      continue;
    }
    Hash hash = stored[--last];
    while (last > first_subtree[r]) hash = HashChildren(stored[--last], hash);
    out.push_back(hash);
  }
  return out;
}

Status CheckSize(int64_t size, std::string_view what) {
  if (size < 0 || size > kMaxTreeSize) {
    return Status::Usage(std::string(what) + " " + std::to_string(size) +
                         " is out of range; a tree size is between 0 and 2^62");
  }
  return Status::Ok();
}

Status CheckInclusionArguments(int64_t index, int64_t size) {
  CANJE_RETURN_IF_ERROR(CheckSize(size, "tree size"));
  if (index < 0 || index >= size) {
    return Status::Usage("leaf index " + std::to_string(index) + " is not in a tree of size " +
                         std::to_string(size) + "; an index must be at least 0 and below the size");
  }
  return Status::Ok();
}

Status CheckConsistencyArguments(int64_t old_size, int64_t new_size) {
  CANJE_RETURN_IF_ERROR(CheckSize(old_size, "old tree size"));
  CANJE_RETURN_IF_ERROR(CheckSize(new_size, "new tree size"));
  if (old_size == 0) {
    return Status::Usage(
        "a consistency proof from the empty tree (size 0) proves nothing; the old size must be "
        "at least 1");
  }
  if (old_size > new_size) {
    return Status::Usage("old tree size " + std::to_string(old_size) +
                         " is larger than new tree size " + std::to_string(new_size) +
                         "; a tree only grows");
  }
  return Status::Ok();
}

// RFC 9162 2.1.3.1 PATH(m, D[n]) as leaf ranges, lowest level first.
std::vector<LeafRange> InclusionRanges(int64_t index, int64_t size) {
  std::vector<LeafRange> top_down;
  int64_t begin = 0;
  int64_t end = size;
  while (end - begin > 1) {
    const int64_t k = SplitPoint(end - begin);
    if (index - begin < k) {
      top_down.push_back({begin + k, end});
      end = begin + k;
    } else {
      top_down.push_back({begin, begin + k});
      begin += k;
    }
  }
  std::reverse(top_down.begin(), top_down.end());
  return top_down;
}

// RFC 9162 2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true) as leaf ranges, lowest level first.
std::vector<LeafRange> ConsistencyRanges(int64_t old_size, int64_t new_size) {
  std::vector<LeafRange> top_down;
  int64_t begin = 0;
  int64_t end = new_size;
  bool whole_old_tree = true;  // SUBPROOF's b: the current range is the old tree's full prefix
  while (old_size != end) {    // old_size is an absolute leaf count; begin <= old_size < end
    const int64_t k = SplitPoint(end - begin);
    if (old_size - begin <= k) {
      top_down.push_back({begin + k, end});
      end = begin + k;
    } else {
      top_down.push_back({begin, begin + k});
      begin += k;
      whole_old_tree = false;
    }
  }
  if (!whole_old_tree) top_down.push_back({begin, end});
  std::reverse(top_down.begin(), top_down.end());
  return top_down;
}

// RFC 9162's verification step "if LSB(fn) is not set, right-shift both fn and sn equally
// until either LSB(fn) is set or fn is 0".
void ShiftToRightEdge(uint64_t& fn, uint64_t& sn) {
  while ((fn & 1) == 0 && fn != 0) {
    fn >>= 1;
    sn >>= 1;
  }
}

Status RootMismatch(std::string_view which, const Hash& computed, const Hash& expected) {
  return Status::Invalid(std::string(which) + " computed from the proof is " + Base64(computed) +
                         " but the expected root is " + Base64(expected) +
                         "; the proof does not match these roots");
}

}  // namespace

HashReader::~HashReader() = default;

Hash HashLeaf(ByteView data) { return PrefixedSha256(0x00, data, {}); }

Hash HashChildren(const Hash& left, const Hash& right) { return PrefixedSha256(0x01, left, right); }

Hash EmptyTreeHash() { return Sha256(ByteView()); }

int64_t StoredHashIndex(int level, int64_t index) {
  // The subtree is completed by appending leaf m = (index + 1) * 2^level - 1. Before leaf m,
  // StoredHashCount(m) hashes exist; appending m stores its leaf hash and then levels 1..level.
  const int64_t last_leaf = ((index + 1) << level) - 1;
  return StoredHashCount(last_leaf) + level;
}

int64_t StoredHashCount(int64_t tree_size) {
  return 2 * tree_size - std::popcount(uint64_t(tree_size));
}

Result<std::vector<StoredHash>> HashesToStoreOnAppend(int64_t leaf_index, const Hash& leaf_hash,
                                                      HashReader& reader) {
  if (leaf_index < 0 || leaf_index >= kMaxTreeSize) {
    return Status::Usage("cannot append leaf " + std::to_string(leaf_index) +
                         "; leaf indexes run from 0 to 2^62 - 1");
  }
  // Leaf n completes one subtree per trailing 1 bit of n: at level L + 1 when bits 0..L are set.
  // Its left half is the stored subtree (L, (n >> L) - 1).
  std::vector<int64_t> left_siblings;
  for (int level = 0; (leaf_index >> level) & 1; ++level) {
    left_siblings.push_back(StoredHashIndex(level, (leaf_index >> level) - 1));
  }
  CANJE_ASSIGN_OR_RETURN(std::vector<Hash> lefts, ReadStored(reader, left_siblings));
  std::vector<StoredHash> out;
  out.reserve(1 + lefts.size());
  int64_t next_index = StoredHashCount(leaf_index);
  Hash hash = leaf_hash;
  out.push_back({next_index++, hash});
  for (const Hash& left : lefts) {
    hash = HashChildren(left, hash);
    out.push_back({next_index++, hash});
  }
  return out;
}

Result<Hash> TreeHash(int64_t size, HashReader& reader) {
  CANJE_RETURN_IF_ERROR(CheckSize(size, "tree size"));
  CANJE_ASSIGN_OR_RETURN(std::vector<Hash> hashes, RangeHashes({{0, size}}, reader));
  return hashes.front();
}

Result<std::vector<Hash>> ProveInclusion(int64_t index, int64_t size, HashReader& reader) {
  CANJE_RETURN_IF_ERROR(CheckInclusionArguments(index, size));
  return RangeHashes(InclusionRanges(index, size), reader);
}

Result<std::vector<Hash>> ProveConsistency(int64_t old_size, int64_t new_size, HashReader& reader) {
  CANJE_RETURN_IF_ERROR(CheckConsistencyArguments(old_size, new_size));
  return RangeHashes(ConsistencyRanges(old_size, new_size), reader);
}

int InclusionProofLength(int64_t index, int64_t size) {
  if (!CheckInclusionArguments(index, size).ok()) return -1;
  return static_cast<int>(InclusionRanges(index, size).size());
}

int ConsistencyProofLength(int64_t old_size, int64_t new_size) {
  if (!CheckConsistencyArguments(old_size, new_size).ok()) return -1;
  return static_cast<int>(ConsistencyRanges(old_size, new_size).size());
}

Status VerifyInclusion(int64_t index, int64_t size, const Hash& leaf_hash,
                       std::span<const Hash> proof, const Hash& root) {
  if (Status arguments = CheckInclusionArguments(index, size); !arguments.ok()) {
    return Status::Invalid(arguments.message());
  }
  const int expected_length = InclusionProofLength(index, size);
  if (static_cast<int64_t>(proof.size()) != expected_length) {
    return Status::Invalid("the inclusion proof has " + std::to_string(proof.size()) +
                           " hashes; a proof for leaf " + std::to_string(index) +
                           " in a tree of size " + std::to_string(size) + " has " +
                           std::to_string(expected_length));
  }
  // RFC 9162 section 2.1.3.2, step by step.
  uint64_t fn = static_cast<uint64_t>(index);
  uint64_t sn = static_cast<uint64_t>(size) - 1;
  Hash r = leaf_hash;
  for (const Hash& p : proof) {
    if (sn == 0) return Status::Invalid("the inclusion proof has more hashes than the tree needs");
    if ((fn & 1) == 1 || fn == sn) {
      r = HashChildren(p, r);
      ShiftToRightEdge(fn, sn);
    } else {
      r = HashChildren(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return Status::Invalid("the inclusion proof has fewer hashes than the tree needs");
  if (r != root) return RootMismatch("the root", r, root);
  return Status::Ok();
}

Status VerifyConsistency(int64_t size1, int64_t size2, std::span<const Hash> proof,
                         const Hash& root1, const Hash& root2) {
  if (Status arguments = CheckConsistencyArguments(size1, size2); !arguments.ok()) {
    return Status::Invalid(arguments.message());
  }
  if (size1 == size2) {
    if (!proof.empty()) {
      return Status::Invalid("the consistency proof between two trees of the same size " +
                             std::to_string(size1) + " must be empty; it has " +
                             std::to_string(proof.size()) + " hashes");
    }
    if (root1 != root2) {
      return Status::Invalid("two trees of the same size " + std::to_string(size1) +
                             " have different roots " + Base64(root1) + " and " + Base64(root2) +
                             "; the log has forked");
    }
    return Status::Ok();
  }
  const int expected_length = ConsistencyProofLength(size1, size2);
  if (static_cast<int64_t>(proof.size()) != expected_length) {
    return Status::Invalid("the consistency proof has " + std::to_string(proof.size()) +
                           " hashes; a proof from size " + std::to_string(size1) + " to size " +
                           std::to_string(size2) + " has " + std::to_string(expected_length));
  }
  // RFC 9162 section 2.1.4.2, step by step.
  std::vector<Hash> path(proof.begin(), proof.end());
  if (std::has_single_bit(static_cast<uint64_t>(size1))) path.insert(path.begin(), root1);
  uint64_t fn = static_cast<uint64_t>(size1) - 1;
  uint64_t sn = static_cast<uint64_t>(size2) - 1;
  while ((fn & 1) == 1) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = path.front();
  Hash sr = path.front();
  for (size_t i = 1; i < path.size(); ++i) {
    const Hash& c = path[i];
    if (sn == 0) {
      return Status::Invalid("the consistency proof has more hashes than the trees need");
    }
    if ((fn & 1) == 1 || fn == sn) {
      fr = HashChildren(c, fr);
      sr = HashChildren(c, sr);
      ShiftToRightEdge(fn, sn);
    } else {
      sr = HashChildren(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) {
    return Status::Invalid("the consistency proof has fewer hashes than the trees need");
  }
  if (fr != root1)
    return RootMismatch("the old root (size " + std::to_string(size1) + ")", fr, root1);
  if (sr != root2)
    return RootMismatch("the new root (size " + std::to_string(size2) + ")", sr, root2);
  return Status::Ok();
}

}  // namespace canje::ledger
