#include "ledger/streaming_root.h"

#include <gtest/gtest.h>

#include "ledger/memory_hash_store.h"

namespace canje::ledger {
namespace {

TEST(StreamingRootTest, AgreesWithTheStoredTreeAtEverySize) {
  StreamingRoot streaming;
  MemoryHashStore tree;
  EXPECT_EQ(streaming.Root(), EmptyTreeHash());
  for (int i = 0; i < 300; ++i) {
    std::string data = "record " + std::to_string(i);
    streaming.AddLeaf(AsBytes(data));
    ASSERT_TRUE(tree.AppendLeafHash(HashLeaf(AsBytes(data))).ok());
    Result<Hash> expected = TreeHash(tree.size(), tree);
    ASSERT_TRUE(expected.ok());
    ASSERT_EQ(streaming.Root(), *expected) << "size " << i + 1;
  }
}

}  // namespace
}  // namespace canje::ledger
