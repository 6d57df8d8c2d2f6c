// The log as C2SP tlog-tiles resources (ledger/tiles.h), read from the store: the checkpoint,
// hash tiles and entry bundles, for `canje serve` (server/tile_handlers.cc) and for
// `canje log export-tiles`, which writes the same bytes to files a static web server can serve.
//
// Resources are named by their path under the log's prefix: "checkpoint", "tile/0/x001/234",
// "tile/entries/005.p/17". Tiles are bounded by the latest checkpoint's size, so nothing the
// log has not signed is served.
//
// Who may read: a user whose role may read the log (Action::kReadRegistry, like `canje log
// show`), or anyone holding the log's verifier key once an admin opened the log
// (instance/log_witnesses.h). The leaves hold ids, times, actors, party codes and event types,
// and a salted hash of each payload; never a name or any personal data.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/status.h"
#include "instance/instance.h"

namespace canje::instance {

struct LogResource {
  std::string body;
  std::string content_type;  // text/plain; charset=utf-8 or application/octet-stream
  bool immutable = false;    // a full tile or full entry bundle: the same bytes forever
};

// The resource at `path`, for the acting user. kUsage for a path that names no resource,
// kNotFound for a tile beyond the latest checkpoint, kNotPermitted for a role that may not read
// the log.
Result<LogResource> ReadLogResource(Instance& instance, std::string_view path);

// The same for a reader without a user: kNotFound (the same answer whatever the reason) unless
// the log is open and `capability` is its own (PublicLogCapabilityMatches). `instance` only
// lends its store: its user is not asked for anything.
Result<LogResource> ReadPublicLogResource(Instance& instance, const std::string& capability,
                                          std::string_view path);

struct TileExport {
  int64_t tree_size = 0;
  int64_t files = 0;  // the checkpoint and every tile and bundle written
};

// Writes `checkpoint` and every tile and entry bundle of the latest checkpoint's tree under
// `folder`, at their paths (tile/0/000, ...), exactly as ReadLogResource serves them.
// Files already there with the same name are replaced. kReadRegistry.
Result<TileExport> ExportTiles(Instance& instance, const std::filesystem::path& folder);

}  // namespace canje::instance
