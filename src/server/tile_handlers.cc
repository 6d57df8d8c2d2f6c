// The transparency log as C2SP tlog-tiles (docs/api.md, "The log as tiles"): the checkpoint
// with its cosignatures, hash tiles and entry bundles, under two prefixes:
//   /log/                           with a token, for a user who may read the log;
//   /log/public/<capability>/       without one, once an admin opened the log: the capability
//                                   is the SHA-256 of the log's verifier key (only its holders
//                                   can find the log). These are public routes (api_call.h).
// Full tiles and bundles never change: they are cached for a year ("immutable"); the
// checkpoint and partial tiles change as the log grows and are revalidated each time.
#include <string>

#include "instance/log_tiles.h"
#include "server/handlers.h"

namespace canje::server {
namespace {

// A tile path is "tile/" and a level (or "entries"), the index in one or more three-digit
// groups, and for a partial tile ".p/" and a width: the routes give all that follows "tile/" as
// one parameter (router.h, "{tile...}"), which instance::ReadLogResource parses.
std::string TilePathOf(const PathParams& params) { return "tile/" + params.at("tile"); }

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

Result<Reply> GetTileCheckpoint(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(auto resource, instance::ReadLogResource(call.instance, "checkpoint"));
  return ResourceReply(std::move(resource), false);
}

Result<Reply> GetTile(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(auto resource,
                         instance::ReadLogResource(call.instance, TilePathOf(call.params)));
  return ResourceReply(std::move(resource), false);
}

// The public prefix has no caller: it reads the store through an instance of the store's
// default user, and nothing here may depend on that instance's actor.
Result<Reply> GetPublicResource(PublicCall& call, const std::string& path) {
  CANJE_ASSIGN_OR_RETURN(InstancePool::Lease lease, call.pool.Acquire(""));
  Result<instance::LogResource> resource =
      instance::ReadPublicLogResource(*lease, call.Param("capability"), path);
  if (!resource.ok()) {
    if (resource.status().code() == StatusCode::kUnavailable ||
        resource.status().code() == StatusCode::kInternal) {
      lease.Discard();
    }
    return resource.status();
  }
  return ResourceReply(std::move(*resource), true);
}

Result<Reply> GetPublicCheckpoint(PublicCall& call) {
  return GetPublicResource(call, "checkpoint");
}

Result<Reply> GetPublicTile(PublicCall& call) {
  return GetPublicResource(call, TilePathOf(call.params));
}

}  // namespace

Status AddTileRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/log/checkpoint", {Action::kReadRegistry, GetTileCheckpoint}));
  return routes.Add("GET", "/log/tile/{tile...}", {Action::kReadRegistry, GetTile});
}

Status AddPublicTileRoutes(PublicRoutes& routes) {
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/log/public/{capability}/checkpoint", GetPublicCheckpoint));
  return routes.Add("GET", "/log/public/{capability}/tile/{tile...}", GetPublicTile);
}

}  // namespace canje::server
