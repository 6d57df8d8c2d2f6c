// The transparency log as C2SP tlog-tiles (docs/api.md, "The log as tiles"): the checkpoint
// with its cosignatures, hash tiles and entry bundles, under two prefixes:
//   /log/                           with a token, for a user who may read the log;
//   /log/public/<capability>/       without one, once an admin opened the log: the capability
//                                   is the SHA-256 of the log's verifier key (only its holders
//                                   can find the log). Api lets these paths in without a token.
// Full tiles and bundles never change: they are cached for a year ("immutable"); the
// checkpoint and partial tiles change as the log grows and are revalidated each time.
#include <string>

#include "instance/log_tiles.h"
#include "server/handlers.h"

namespace canje::server {
namespace {

// A tile path has "tile", a level, up to six index groups (2^62 leaves) and a width: the routes
// give the segments after "tile/" as parameters s1, s2, ...
constexpr int kMaxTileSegments = 8;

std::string TilePathOf(const ApiCall& call) {
  std::string path = "tile";
  for (int i = 1; i <= kMaxTileSegments; ++i) {
    auto found = call.params.find("s" + std::to_string(i));
    if (found == call.params.end()) break;
    path += "/" + found->second;
  }
  return path;
}

Reply ResourceReply(instance::LogResource resource, bool public_reader) {
  Reply reply;
  reply.content_type = std::move(resource.content_type);
  reply.body = std::move(resource.body);
  const std::string scope = public_reader ? "public" : "private";
  reply.headers.emplace_back("Cache-Control", resource.immutable
                                                  ? scope + ", max-age=31536000, immutable"
                                                  : scope + ", no-cache");
  return reply;
}

Result<Reply> GetCheckpoint(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(auto resource, instance::ReadLogResource(call.instance, "checkpoint"));
  return ResourceReply(std::move(resource), false);
}

Result<Reply> GetTile(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(auto resource, instance::ReadLogResource(call.instance, TilePathOf(call)));
  return ResourceReply(std::move(resource), false);
}

// The public prefix reads the store only: the caller has no user (Api acquired the instance
// without a token), so nothing here may depend on the instance's actor.
Result<Reply> GetPublicCheckpoint(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(auto resource,
                         instance::ReadPublicLogResource(call.instance.store(),
                                                         call.Param("capability"), "checkpoint"));
  return ResourceReply(std::move(resource), true);
}

Result<Reply> GetPublicTile(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(
      auto resource, instance::ReadPublicLogResource(call.instance.store(),
                                                     call.Param("capability"), TilePathOf(call)));
  return ResourceReply(std::move(resource), true);
}

}  // namespace

Status AddTileRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/log/checkpoint", GetCheckpoint));
  CANJE_RETURN_IF_ERROR(routes.Add("GET", std::string(kPublicLogPrefix) + "{capability}/checkpoint",
                                   GetPublicCheckpoint));
  std::string segments;
  for (int i = 1; i <= kMaxTileSegments; ++i) {
    segments += "/{s" + std::to_string(i) + "}";
    if (i < 2) continue;  // at least a level and an index
    CANJE_RETURN_IF_ERROR(routes.Add("GET", "/log/tile" + segments, GetTile));
    CANJE_RETURN_IF_ERROR(routes.Add(
        "GET", std::string(kPublicLogPrefix) + "{capability}/tile" + segments, GetPublicTile));
  }
  return Status::Ok();
}

}  // namespace canje::server
