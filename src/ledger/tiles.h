// The log as C2SP tlog-tiles resources: which hashes make a tile, which tiles a tree of a given
// size has, their paths, and entry bundles. Pure: the caller reads the stored hashes and leaves.
//
// Tiles have height 8 (256 hashes). The tile at level L with index N holds, for i = 0 .. W-1,
// the hash of the complete subtree of 256^L leaves starting at leaf (N * 256 + i) * 256^L,
// i.e. the stored hash at tree level 8L and position N * 256 + i (merkle_tree.h's
// StoredHashIndex(8L, N * 256 + i)). A full tile has W = 256 hashes (8,192 bytes) and never
// changes once the tree reaches its end; a partial tile (1 <= W <= 255) is a prefix of what
// will be the full tile. For a tree of size s, level L has floor(s / 256^(L+1)) full tiles and,
// when W = floor(s / 256^L) mod 256 is not 0, one partial tile of width W.
//
// The entry bundle with index N holds the leaves N * 256 .. N * 256 + W - 1, each as a
// big-endian uint16 length followed by the leaf's bytes, exactly as hashed (leaves longer than
// 65,535 bytes cannot be bundled).
//
// Paths (relative to the log's prefix):
//   tile/<L>/<N>[.p/<W>]        hash tiles; L in 0..63 decimal, no leading zeroes
//   tile/entries/<N>[.p/<W>]    entry bundles
// <N> is written in groups of three digits, all but the last prefixed with "x":
// 1234067 is "x001/x234/067". W, when present, is 1..255 with no leading zeroes. Parsing
// accepts exactly the paths TilePath writes, nothing else (so one resource has one path).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace canje::ledger {

inline constexpr int kTileHeight = 8;
inline constexpr int kTileWidth = 256;  // hashes in a full tile
inline constexpr int kTileHashBytes = 32;
inline constexpr size_t kMaxBundledLeafBytes = 65535;

enum class TileKind { kHashes, kEntries };

struct Tile {
  TileKind kind = TileKind::kHashes;
  int level = 0;      // 0..63; always 0 for entry bundles
  int64_t index = 0;  // N, the tile's position within its level
  int width = kTileWidth;
  bool full() const { return width == kTileWidth; }
  friend bool operator==(const Tile&, const Tile&) = default;
};

// "tile/2/x001/234.p/7", "tile/entries/000".
std::string TilePath(const Tile& tile);

// Parses a path TilePath wrote. kUsage, quoting the path and saying what is wrong, otherwise.
Result<Tile> ParseTilePath(std::string_view path);

// Ok when every hash (or leaf) of `tile` exists in the tree of `tree_size` leaves: its span
// (index * 256 + width) * 256^level ends within the tree. So the tree's own partial tiles are
// served, and so are the partial tiles of every smaller tree (C2SP tlog-tiles requires them for
// every size a checkpoint was signed at; their content never changes either, being a prefix of
// the full tile). kNotFound saying why otherwise.
Status CheckTileInTree(const Tile& tile, int64_t tree_size);

// The stored hash indexes (merkle_tree.h) of a hash tile's hashes, in order.
std::vector<int64_t> TileHashIndexes(const Tile& tile);

// The leaf indexes an entry bundle holds: [first, first + count).
struct LeafSpan {
  int64_t first = 0;
  int64_t count = 0;
};
LeafSpan EntryBundleLeaves(const Tile& bundle);

// Every tile and entry bundle of the tree of `tree_size` leaves, hash tiles level by level
// (full tiles by index, then the partial one), then the entry bundles.
std::vector<Tile> TilesOfTree(int64_t tree_size);

// The bundle of `leaves`. kInvalid naming the leaf (by its position in `leaves`) when one is
// longer than kMaxBundledLeafBytes.
Result<std::string> EncodeEntryBundle(std::span<const std::string> leaves);

// Splits a bundle back into leaves. kInvalid when a length runs past the end.
Result<std::vector<std::string>> DecodeEntryBundle(std::string_view bundle);

}  // namespace canje::ledger
