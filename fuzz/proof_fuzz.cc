// Fuzz target: proofs (ParseProof) and their verification against a small tree.
#include <string_view>

#include "fuzz/fuzz_target.h"
#include "ledger/memory_hash_store.h"
#include "ledger/proof_text.h"

namespace {
canje::ledger::MemoryHashStore& Tree() {
  static canje::ledger::MemoryHashStore* tree = [] {
    auto* store = new canje::ledger::MemoryHashStore;
    for (int i = 0; i < 13; ++i) {
      std::string leaf = "leaf " + std::to_string(i);
      (void)store->AppendLeafHash(canje::ledger::HashLeaf(canje::AsBytes(leaf)));
    }
    return store;
  }();
  return *tree;
}
}  // namespace

std::vector<std::string> FuzzSeeds() {
  return {canje::ledger::FormatProof(*canje::ledger::ProveInclusion(5, 13, Tree())),
          canje::ledger::FormatProof(*canje::ledger::ProveConsistency(6, 13, Tree()))};
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto proof =
      canje::ledger::ParseProof(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!proof.ok()) return 0;
  canje::ledger::Hash root = *canje::ledger::TreeHash(13, Tree());
  canje::ledger::Hash old_root = *canje::ledger::TreeHash(6, Tree());
  canje::ledger::Hash leaf = canje::ledger::HashLeaf(canje::AsBytes("leaf 5"));
  for (int64_t index : {0, 5, 12}) {
    (void)canje::ledger::VerifyInclusion(index, 13, leaf, *proof, root);
  }
  (void)canje::ledger::VerifyConsistency(6, 13, *proof, old_root, root);
  (void)canje::ledger::VerifyConsistency(13, 13, *proof, root, root);
  return 0;
}
