#include "instance/log_tiles.h"

#include <fstream>

#include "instance/log_witnesses.h"
#include "instance/transparency_log.h"
#include "ledger/tiles.h"
#include "store/sql_hash_reader.h"

namespace canje::instance {
namespace {

constexpr std::string_view kCheckpointPath = "checkpoint";
constexpr std::string_view kTextType = "text/plain; charset=utf-8";
constexpr std::string_view kBinaryType = "application/octet-stream";

Result<std::string> TileBody(store::Store& store, const ledger::Tile& tile) {
  if (tile.kind == ledger::TileKind::kEntries) {
    const ledger::LeafSpan span = ledger::EntryBundleLeaves(tile);
    CANJE_ASSIGN_OR_RETURN(std::vector<std::string> leaves,
                           EntryLeaves(store, span.first, span.count));
    return ledger::EncodeEntryBundle(leaves);
  }
  store::SqlHashReader reader(store.connection());
  CANJE_ASSIGN_OR_RETURN(std::vector<ledger::Hash> hashes,
                         reader.ReadHashes(ledger::TileHashIndexes(tile)));
  std::string body;
  body.reserve(hashes.size() * ledger::kTileHashBytes);
  for (const ledger::Hash& hash : hashes) body.append(hash.begin(), hash.end());
  return body;
}

// The resource at `path`, whoever asks (the callers decide who may).
Result<LogResource> Resource(store::Store& store, std::string_view path) {
  if (path == kCheckpointPath) {
    CANJE_ASSIGN_OR_RETURN(std::string note, LatestCheckpointNote(store));
    return LogResource{std::move(note), std::string(kTextType), false};
  }
  CANJE_ASSIGN_OR_RETURN(ledger::Tile tile, ledger::ParseTilePath(path));
  CANJE_ASSIGN_OR_RETURN(int64_t size, CheckpointSize(store));
  CANJE_RETURN_IF_ERROR(ledger::CheckTileInTree(tile, size));
  CANJE_ASSIGN_OR_RETURN(std::string body, TileBody(store, tile));
  return LogResource{std::move(body), std::string(kBinaryType), tile.full()};
}

Status WriteFile(const std::filesystem::path& path, const std::string& body) {
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  if (error) return Status::CannotWrite("cannot create " + path.parent_path().string());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << body;
  if (!out) return Status::CannotWrite("cannot write " + path.string());
  return Status::Ok();
}

}  // namespace

Result<LogResource> ReadLogResource(Instance& instance, std::string_view path) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadRegistry));
  return Resource(instance.store(), path);
}

Result<LogResource> ReadPublicLogResource(Instance& instance, const std::string& capability,
                                          std::string_view path) {
  store::Store& store = instance.store();
  CANJE_ASSIGN_OR_RETURN(bool matches, PublicLogCapabilityMatches(store, capability));
  if (!matches) {
    return Status::NotFound(
        "no log is served here; ask the log's operator for its verifier key "
        "and whether its tiles are open");
  }
  return Resource(store, path);
}

Result<TileExport> ExportTiles(Instance& instance, const std::filesystem::path& folder) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadRegistry));
  store::Store& store = instance.store();
  // One read transaction: the checkpoint and the tiles are of the same tree even if the log
  // grows meanwhile.
  CANJE_RETURN_IF_ERROR(store.connection().BeginRead());
  Result<TileExport> exported = [&]() -> Result<TileExport> {
    TileExport done;
    CANJE_ASSIGN_OR_RETURN(std::string note, LatestCheckpointNote(store));
    CANJE_ASSIGN_OR_RETURN(done.tree_size, CheckpointSize(store));
    for (const ledger::Tile& tile : ledger::TilesOfTree(done.tree_size)) {
      CANJE_ASSIGN_OR_RETURN(std::string body, TileBody(store, tile));
      CANJE_RETURN_IF_ERROR(WriteFile(folder / ledger::TilePath(tile), body));
      ++done.files;
    }
    CANJE_RETURN_IF_ERROR(WriteFile(folder / kCheckpointPath, note));
    ++done.files;
    return done;
  }();
  (void)store.connection().Rollback();
  return exported;
}

}  // namespace canje::instance
