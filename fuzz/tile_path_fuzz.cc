// Fuzz target: tile paths as `canje serve` reads them from a request (ParseTilePath), and entry
// bundles as a tlog client reads them (DecodeEntryBundle). Properties: a path that parses is
// the one TilePath writes for it (one resource, one path); a tile within a tree has the hash
// indexes of its width; a bundle that decodes encodes back to the same bytes; every message is
// valid UTF-8.
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "fuzz/fuzz_target.h"
#include "ledger/merkle_tree.h"
#include "ledger/tiles.h"

std::vector<std::string> FuzzSeeds() {
  return {"tile/0/000",
          "tile/0/x001/x234/067.p/8",
          "tile/2/000.p/1",
          "tile/entries/x001/234",
          "tile/entries/000.p/255",
          "tile/63/x009/x223/x372/x036/x854/775",
          std::string("\x00\x03"
                      "abc"
                      "\x00\x00",
                      7)};
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace canje::ledger;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  canje::Result<Tile> tile = ParseTilePath(input);
  if (tile.ok()) {
    FuzzCheck(TilePath(*tile) == input, "a parsed tile path is not the one TilePath writes");
    for (int64_t tree_size : {int64_t{1}, int64_t{300}, int64_t{70000}, kMaxTreeSize}) {
      canje::Status in_tree = CheckTileInTree(*tile, tree_size);
      FuzzCheck(canje::IsValidUtf8(in_tree.message()), "a tile message is not UTF-8");
      if (in_tree.ok() && tile->kind == TileKind::kHashes && tree_size <= 70000) {
        FuzzCheck(TileHashIndexes(*tile).size() == static_cast<size_t>(tile->width),
                  "a tile's hash indexes are not as many as its width");
      }
    }
  } else {
    FuzzCheck(canje::IsValidUtf8(tile.status().message()), "a tile path message is not UTF-8");
  }
  canje::Result<std::vector<std::string>> leaves = DecodeEntryBundle(input);
  if (leaves.ok()) {
    canje::Result<std::string> bundle = EncodeEntryBundle(*leaves);
    FuzzCheck(bundle.ok() && *bundle == input, "a decoded entry bundle does not encode back");
  }
  return 0;
}
