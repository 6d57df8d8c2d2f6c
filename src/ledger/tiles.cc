#include "ledger/tiles.h"

#include <cstdio>
#include <optional>

#include "core/split.h"
#include "core/utf8.h"
#include "ledger/checkpoint.h"
#include "ledger/merkle_tree.h"

namespace canje::ledger {
namespace {

constexpr std::string_view kTilePrefix = "tile/";
constexpr std::string_view kEntriesLevel = "entries";
constexpr std::string_view kPartialSuffix = ".p";

// The leaves a tile spans: (index * 256 + width) * 256^level, saturated above kMaxTreeSize so
// that absurd coordinates compare as "beyond the tree" without overflowing.
int64_t SpanEnd(const Tile& tile) {
  constexpr uint64_t kMax = static_cast<uint64_t>(kMaxTreeSize);
  constexpr uint64_t kWidth = static_cast<uint64_t>(kTileWidth);
  // Each multiplication is checked first: `end` stays at most kMax + kWidth, far from overflow.
  if (static_cast<uint64_t>(tile.index) > kMax / kWidth) return kMaxTreeSize + 1;
  uint64_t end = static_cast<uint64_t>(tile.index) * kWidth + static_cast<uint64_t>(tile.width);
  for (int level = 0; level < tile.level; ++level) {
    if (end > kMax / kWidth) return kMaxTreeSize + 1;
    end *= kWidth;
  }
  if (end > kMax) return kMaxTreeSize + 1;
  return static_cast<int64_t>(end);
}

// A decimal number with no sign and no leading zeroes ("0" alone is allowed), at most `max`.
bool ParsePlainDecimal(std::string_view text, int64_t max, int64_t& value) {
  std::optional<int64_t> parsed = ParseTreeSize(text);
  if (!parsed || *parsed > max) return false;
  value = *parsed;
  return true;
}

// Three digits exactly: "000" to "999".
bool ParseThreeDigits(std::string_view text, int64_t& value) {
  if (text.size() != 3) return false;
  value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

std::string IndexPath(int64_t index) {
  std::string path;
  char group[8];
  std::snprintf(group, sizeof group, "%03d", static_cast<int>(index % 1000));
  path = group;
  for (index /= 1000; index > 0; index /= 1000) {
    std::snprintf(group, sizeof group, "x%03d/", static_cast<int>(index % 1000));
    path.insert(0, group);
  }
  return path;
}

}  // namespace

std::string TilePath(const Tile& tile) {
  std::string path(kTilePrefix);
  path += tile.kind == TileKind::kEntries ? std::string(kEntriesLevel) : std::to_string(tile.level);
  path += '/';
  path += IndexPath(tile.index);
  if (!tile.full()) path += std::string(kPartialSuffix) + "/" + std::to_string(tile.width);
  return path;
}

Result<Tile> ParseTilePath(std::string_view path) {
  auto bad = [&](std::string_view why) {
    return Status::Usage("'" + QuoteUntrusted(path) + "' is not a tile path: " + std::string(why) +
                         " (the form is tile/<L>/<N>[.p/<W>] or tile/entries/<N>[.p/<W>], "
                         "<N> in three-digit groups such as x001/x234/067)");
  };
  if (path.substr(0, kTilePrefix.size()) != kTilePrefix) return bad("it must start with tile/");
  std::vector<std::string_view> parts = SplitAt(path.substr(kTilePrefix.size()), '/');
  if (parts.size() < 2) return bad("it has no tile index");
  Tile tile;
  if (parts[0] == kEntriesLevel) {
    tile.kind = TileKind::kEntries;
  } else {
    int64_t level = 0;
    if (!ParsePlainDecimal(parts[0], 63, level)) {
      return bad("the level must be 0 to 63 without leading zeroes, or 'entries'");
    }
    tile.level = static_cast<int>(level);
  }
  parts.erase(parts.begin());
  // A partial tile ends in ".p/<W>": the last index group carries the ".p".
  if (parts.size() >= 2) {
    std::string_view& group = parts[parts.size() - 2];
    if (group.size() > kPartialSuffix.size() &&
        group.substr(group.size() - kPartialSuffix.size()) == kPartialSuffix) {
      int64_t width = 0;
      if (!ParsePlainDecimal(parts.back(), kTileWidth - 1, width) || width == 0) {
        return bad("the width after .p/ must be 1 to 255 without leading zeroes");
      }
      tile.width = static_cast<int>(width);
      group.remove_suffix(kPartialSuffix.size());
      parts.pop_back();
    }
  }
  // Groups: "xDDD" for all but the last, "DDD" for the last.
  int64_t index = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string_view group = parts[i];
    const bool last = i + 1 == parts.size();
    if (!last) {
      if (group.empty() || group.front() != 'x') {
        return bad("every index group but the last must start with 'x'");
      }
      group.remove_prefix(1);
    }
    int64_t digits = 0;
    if (!ParseThreeDigits(group, digits)) return bad("index groups have exactly three digits");
    if (i == 0 && digits == 0 && parts.size() > 1) {
      return bad("the index has a leading group of zeroes");
    }
    if (index > (kMaxTreeSize - digits) / 1000) return bad("the index is too large");
    index = index * 1000 + digits;
  }
  tile.index = index;
  return tile;
}

Status CheckTileInTree(const Tile& tile, int64_t tree_size) {
  if (SpanEnd(tile) <= tree_size) return Status::Ok();
  const std::string what = tile.kind == TileKind::kEntries ? "entry bundle " : "tile ";
  return Status::NotFound(what + TilePath(tile) + " is not in the log: the tree has " +
                          std::to_string(tree_size) + " entries");
}

std::vector<int64_t> TileHashIndexes(const Tile& tile) {
  std::vector<int64_t> indexes;
  indexes.reserve(static_cast<size_t>(tile.width));
  const int tree_level = tile.level * kTileHeight;
  for (int i = 0; i < tile.width; ++i) {
    indexes.push_back(StoredHashIndex(tree_level, tile.index * kTileWidth + i));
  }
  return indexes;
}

LeafSpan EntryBundleLeaves(const Tile& bundle) { return {bundle.index * kTileWidth, bundle.width}; }

std::vector<Tile> TilesOfTree(int64_t tree_size) {
  std::vector<Tile> tiles;
  auto add_level = [&](TileKind kind, int level, int64_t hashes_at_level) {
    for (int64_t index = 0; index < hashes_at_level / kTileWidth; ++index) {
      tiles.push_back({kind, level, index, kTileWidth});
    }
    if (int width = static_cast<int>(hashes_at_level % kTileWidth); width != 0) {
      tiles.push_back({kind, level, hashes_at_level / kTileWidth, width});
    }
  };
  int64_t hashes = tree_size;  // hashes at tree level 8L: complete subtrees of 256^L leaves
  for (int level = 0; hashes > 0; ++level, hashes /= kTileWidth) {
    add_level(TileKind::kHashes, level, hashes);
  }
  add_level(TileKind::kEntries, 0, tree_size);
  return tiles;
}

Result<std::string> EncodeEntryBundle(std::span<const std::string> leaves) {
  std::string bundle;
  size_t total = 0;
  for (const std::string& leaf : leaves) total += 2 + leaf.size();
  bundle.reserve(total);
  for (size_t i = 0; i < leaves.size(); ++i) {
    const std::string& leaf = leaves[i];
    if (leaf.size() > kMaxBundledLeafBytes) {
      return Status::Invalid(
          "leaf " + std::to_string(i) + " of the bundle has " + std::to_string(leaf.size()) +
          " bytes; an entry bundle holds at most " + std::to_string(kMaxBundledLeafBytes));
    }
    bundle += static_cast<char>(leaf.size() >> 8);
    bundle += static_cast<char>(leaf.size() & 0xff);
    bundle += leaf;
  }
  return bundle;
}

Result<std::vector<std::string>> DecodeEntryBundle(std::string_view bundle) {
  std::vector<std::string> leaves;
  size_t at = 0;
  while (at < bundle.size()) {
    if (bundle.size() - at < 2) {
      return Status::Invalid("entry bundle byte " + std::to_string(at) +
                             ": a length prefix is cut short");
    }
    const size_t length = (static_cast<size_t>(static_cast<uint8_t>(bundle[at])) << 8) |
                          static_cast<uint8_t>(bundle[at + 1]);
    at += 2;
    if (bundle.size() - at < length) {
      return Status::Invalid("entry bundle entry " + std::to_string(leaves.size()) + ": " +
                             std::to_string(length) + " bytes announced, " +
                             std::to_string(bundle.size() - at) + " left");
    }
    leaves.emplace_back(bundle.substr(at, length));
    at += length;
  }
  return leaves;
}

}  // namespace canje::ledger
