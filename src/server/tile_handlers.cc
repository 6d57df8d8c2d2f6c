// The transparency log as C2SP tlog-tiles (docs/api.md, "The log as tiles"): the checkpoint
// with its cosignatures, hash tiles and entry bundles, under two prefixes:
//   /log/                           with a token, for a user who may read the log;
//   /log/public/<capability>/       without one, once an admin opened the log: the capability
//                                   is the SHA-256 of the log's verifier key (only its holders
//                                   can find the log). These are public routes (api_call.h).
// Full tiles and bundles never change: they are cached for a year ("immutable"); the
// checkpoint and partial tiles change as the log grows and are revalidated each time.
#include <string>
#include <vector>

#include "instance/log_tiles.h"
#include "server/handlers.h"

namespace canje::server {
namespace {

// A tile path has "tile", a level, up to six index groups (2^62 leaves) and a width: the routes
// give the segments after "tile/" as parameters s1, s2, ...
constexpr int kMaxTileSegments = 8;

std::string TilePathOf(const PathParams& params) {
  std::string path = "tile";
  for (int i = 1; i <= kMaxTileSegments; ++i) {
    auto found = params.find("s" + std::to_string(i));
    if (found == params.end()) break;
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
  CANJE_ASSIGN_OR_RETURN(auto resource,
                         instance::ReadLogResource(call.instance, TilePathOf(call.params)));
  return ResourceReply(std::move(resource), false);
}

// The public prefix has no caller: it reads the store through an instance of the store's
// default user, and nothing here may depend on that instance's actor.
Result<Reply> GetPublicResource(PublicCall& call, const std::string& path) {
  CANJE_ASSIGN_OR_RETURN(InstancePool::Lease lease, call.pool.Acquire(""));
  Result<instance::LogResource> resource =
      instance::ReadPublicLogResource(lease->store(), call.Param("capability"), path);
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

// "/{s1}/{s2}", "/{s1}/{s2}/{s3}", ...: every tile path's segments after "tile".
std::vector<std::string> TileSegmentPatterns() {
  std::vector<std::string> patterns;
  std::string segments;
  for (int i = 1; i <= kMaxTileSegments; ++i) {
    segments += "/{s" + std::to_string(i) + "}";
    if (i >= 2) patterns.push_back(segments);  // at least a level and an index
  }
  return patterns;
}

}  // namespace

Status AddTileRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/log/checkpoint", GetCheckpoint));
  for (const std::string& segments : TileSegmentPatterns()) {
    CANJE_RETURN_IF_ERROR(routes.Add("GET", "/log/tile" + segments, GetTile));
  }
  return Status::Ok();
}

Status AddPublicTileRoutes(PublicRoutes& routes) {
  const std::string prefix = "/log/public/{capability}";
  CANJE_RETURN_IF_ERROR(routes.Add("GET", prefix + "/checkpoint", GetPublicCheckpoint));
  for (const std::string& segments : TileSegmentPatterns()) {
    CANJE_RETURN_IF_ERROR(routes.Add("GET", prefix + "/tile" + segments, GetPublicTile));
  }
  return Status::Ok();
}

}  // namespace canje::server
