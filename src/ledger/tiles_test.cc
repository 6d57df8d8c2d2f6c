#include "ledger/tiles.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ledger/memory_hash_store.h"
#include "ledger/merkle_tree.h"

namespace canje::ledger {
namespace {

Tile Hashes(int level, int64_t index, int width = kTileWidth) {
  return {TileKind::kHashes, level, index, width};
}
Tile Entries(int64_t index, int width = kTileWidth) {
  return {TileKind::kEntries, 0, index, width};
}

TEST(TilePathTest, WritesTheSpecificationsForms) {
  EXPECT_EQ(TilePath(Hashes(0, 0)), "tile/0/000");
  EXPECT_EQ(TilePath(Hashes(4, 1234067, 1)), "tile/4/x001/x234/067.p/1");
  EXPECT_EQ(TilePath(Hashes(4, 1234067)), "tile/4/x001/x234/067");
  EXPECT_EQ(TilePath(Hashes(1, 1000)), "tile/1/x001/000");
  EXPECT_EQ(TilePath(Hashes(63, 999, 255)), "tile/63/999.p/255");
  EXPECT_EQ(TilePath(Entries(5)), "tile/entries/005");
  EXPECT_EQ(TilePath(Entries(1234, 112)), "tile/entries/x001/234.p/112");
}

TEST(TilePathTest, ParsesWhatItWritesAndNothingElse) {
  for (const Tile& tile : {Hashes(0, 0), Hashes(4, 1234067, 1), Hashes(2, 999999, 17),
                           Hashes(63, 1), Entries(0, 3), Entries(123456789)}) {
    Result<Tile> parsed = ParseTilePath(TilePath(tile));
    ASSERT_TRUE(parsed.ok()) << TilePath(tile) << ": " << parsed.status().message();
    EXPECT_EQ(*parsed, tile) << TilePath(tile);
  }
  for (std::string_view bad : {"tile/0",
                               "tile/00/000",
                               "tile/64/000",
                               "tile/-1/000",
                               "tile/0/0",
                               "tile/0/0000",
                               "tile/0/001/002",
                               "tile/0/x000/001",
                               "tile/0/x001",
                               "tile/0/000.p/0",
                               "tile/0/000.p/256",
                               "tile/0/000.p/07",
                               "tile/0/000.p",
                               "tile/0/000/",
                               "tile/data/000",
                               "tiles/0/000",
                               "/tile/0/000",
                               "tile/0/00a",
                               "tile/entries/000.p/1/2",
                               "tile/0/xx01/000",
                               "tile/0/x999/x999/x999/x999/x999/x999/x999/999"}) {
    Result<Tile> parsed = ParseTilePath(bad);
    EXPECT_FALSE(parsed.ok()) << bad;
    if (!parsed.ok()) {
      EXPECT_EQ(parsed.status().code(), StatusCode::kUsage);
      EXPECT_NE(parsed.status().message().find(std::string(bad)), std::string::npos);
    }
  }
}

// The specification's examples: "a tree of size 70,000 will be represented by 273 full level 0
// tiles, one partial level 0 tile of width 112, one full level 1 tile, one partial level 1 tile
// of width 17, and one partial level 2 tile of width 1", and "a tree of size 256 will be
// represented by a full level 0 tile and a partial level 1 tile of width 1".
TEST(TilesOfTreeTest, MatchesTheSpecificationsExamples) {
  std::vector<Tile> tiles = TilesOfTree(70000);
  std::vector<Tile> hashes, entries;
  for (const Tile& tile : tiles)
    (tile.kind == TileKind::kHashes ? hashes : entries).push_back(tile);
  ASSERT_EQ(hashes.size(), 273u + 1 + 1 + 1 + 1);
  EXPECT_EQ(hashes[272], Hashes(0, 272));
  EXPECT_EQ(hashes[273], Hashes(0, 273, 112));
  EXPECT_EQ(hashes[274], Hashes(1, 0));
  EXPECT_EQ(hashes[275], Hashes(1, 1, 17));
  EXPECT_EQ(hashes[276], Hashes(2, 0, 1));
  ASSERT_EQ(entries.size(), 274u);
  EXPECT_EQ(entries.back(), Entries(273, 112));

  EXPECT_EQ(TilesOfTree(256), (std::vector<Tile>{Hashes(0, 0), Hashes(1, 0, 1), Entries(0)}));
  EXPECT_TRUE(TilesOfTree(0).empty());
  EXPECT_EQ(TilesOfTree(1), (std::vector<Tile>{Hashes(0, 0, 1), Entries(0, 1)}));
}

TEST(CheckTileInTreeTest, FullTilesOnceCompleteAndPartialsOfEverySize) {
  EXPECT_TRUE(CheckTileInTree(Hashes(0, 0), 256).ok());
  EXPECT_EQ(CheckTileInTree(Hashes(0, 0), 255).code(), StatusCode::kNotFound);
  EXPECT_TRUE(CheckTileInTree(Hashes(0, 0, 255), 255).ok());
  EXPECT_TRUE(CheckTileInTree(Hashes(0, 0, 17), 255).ok());  // an older tree's partial
  EXPECT_EQ(CheckTileInTree(Hashes(0, 1, 1), 256).code(), StatusCode::kNotFound);
  EXPECT_TRUE(CheckTileInTree(Hashes(1, 0, 1), 256).ok());
  EXPECT_EQ(CheckTileInTree(Hashes(1, 0, 2), 511).code(), StatusCode::kNotFound);
  EXPECT_TRUE(CheckTileInTree(Hashes(1, 0, 2), 512).ok());
  EXPECT_EQ(CheckTileInTree(Hashes(2, 0, 1), 65535).code(), StatusCode::kNotFound);
  EXPECT_TRUE(CheckTileInTree(Hashes(2, 0, 1), 65536).ok());
  EXPECT_TRUE(CheckTileInTree(Entries(1, 4), 260).ok());
  EXPECT_EQ(CheckTileInTree(Entries(1, 5), 260).code(), StatusCode::kNotFound);
  // Coordinates far beyond any tree do not overflow.
  EXPECT_EQ(CheckTileInTree(Hashes(63, kMaxTreeSize), kMaxTreeSize).code(), StatusCode::kNotFound);
  EXPECT_EQ(CheckTileInTree(Entries(kMaxTreeSize), kMaxTreeSize).code(), StatusCode::kNotFound);
}

// The hash of a complete tile's 256 hashes, folded pairwise: the subtree 8 levels up.
Hash FoldTile(std::vector<Hash> level) {
  while (level.size() > 1) {
    std::vector<Hash> up;
    for (size_t i = 0; i < level.size(); i += 2) up.push_back(HashChildren(level[i], level[i + 1]));
    level = up;
  }
  return level.front();
}

TEST(TileHashIndexesTest, EachLevelHoldsTheRootsOfTheFullTilesBelowIt) {
  MemoryHashStore tree;
  std::vector<Hash> leaves;
  for (int i = 0; i < 256 * 256 + 300; ++i) {
    leaves.push_back(HashLeaf(AsBytes("entry " + std::to_string(i))));
    ASSERT_TRUE(tree.AppendLeafHash(leaves.back()).ok());
  }
  auto read = [&](const Tile& tile) {
    Result<std::vector<Hash>> hashes = tree.ReadHashes(TileHashIndexes(tile));
    EXPECT_TRUE(hashes.ok()) << hashes.status().message();
    return hashes.ok() ? *hashes : std::vector<Hash>{};
  };
  // Level 0 holds the leaf hashes.
  std::vector<Hash> first = read(Hashes(0, 1));
  ASSERT_EQ(first.size(), 256u);
  EXPECT_EQ(first[0], leaves[256]);
  EXPECT_EQ(first[255], leaves[511]);
  // Level 1, hash i = the root of full level-0 tile i; level 2, hash 0 = root of level-1 tile 0.
  std::vector<Hash> level1 = read(Hashes(1, 0));
  for (int i : {0, 1, 100, 255}) EXPECT_EQ(level1[i], FoldTile(read(Hashes(0, i)))) << i;
  EXPECT_EQ(read(Hashes(2, 0, 1))[0], FoldTile(level1));
  // The root of the first 65,536 leaves is that same hash.
  Result<Hash> root = TreeHash(65536, tree);
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(*root, FoldTile(level1));
  // A partial tile is a prefix of the full tile it grows into.
  std::vector<Hash> partial = read(Hashes(0, 256, 44));
  ASSERT_EQ(partial.size(), 44u);
  EXPECT_EQ(partial[43], leaves[256 * 256 + 43]);
}

TEST(EntryBundleTest, LengthPrefixedLeavesRoundTrip) {
  std::vector<std::string> leaves = {"", "a", std::string(300, 'b'),
                                     std::string(kMaxBundledLeafBytes, 'c')};
  Result<std::string> bundle = EncodeEntryBundle(leaves);
  ASSERT_TRUE(bundle.ok());
  EXPECT_EQ(bundle->substr(0, 5), std::string("\0\0\0\x01"
                                              "a",
                                              5));
  EXPECT_EQ(bundle->substr(5, 2), std::string("\x01\x2c", 2));  // 300, big-endian
  Result<std::vector<std::string>> decoded = DecodeEntryBundle(*bundle);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, leaves);

  std::vector<std::string> too_long = {"x", std::string(kMaxBundledLeafBytes + 1, 'd')};
  Result<std::string> refused = EncodeEntryBundle(too_long);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("leaf 1"), std::string::npos);

  EXPECT_FALSE(DecodeEntryBundle(std::string("\0\x05"
                                             "abc",
                                             5))
                   .ok());
  EXPECT_FALSE(DecodeEntryBundle(std::string("\0", 1)).ok());
  EXPECT_EQ(EntryBundleLeaves(Entries(3, 7)).first, 768);
  EXPECT_EQ(EntryBundleLeaves(Entries(3, 7)).count, 7);
}

}  // namespace
}  // namespace canje::ledger
