// Entries of the transparency log over HTTP, for any role that may read the log:
// GET /v1/log/entries/{index}, the exact leaf bytes `canje log entry N` prints
// (instance/log_reads.h ReadEntry), and GET /v1/log/bundle?entries=A-B, the evidence bundle
// `canje log bundle --out DIR --entries A-B` writes (instance/transparency_log.h BundleFiles),
// its files as one tar archive (wire/tar_archive.h).
#include <string>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "instance/log_reads.h"
#include "instance/transparency_log.h"
#include "server/handlers.h"
#include "wire/tar_archive.h"

namespace canje::server {
namespace {

// GET /v1/log/entries/{index}: the leaf's bytes, application/octet-stream.
Result<Reply> GetLogEntry(ApiCall& call) {
  const std::string& text = call.Param("index");
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != text.npos) {
    return Status::Usage(
        "an entry is its index, 0-based decimal digits, such as /v1/log/entries/3; got " +
        QuoteUntrusted(text, 40));
  }
  CANJE_ASSIGN_OR_RETURN(std::string leaf, instance::ReadEntry(call.instance, std::stoll(text)));
  Reply reply;
  reply.content_type = "application/octet-stream";
  reply.body = std::move(leaf);
  return reply;
}

// GET /v1/log/bundle?entries=A-B (default: every entry of the latest checkpoint's tree).
Result<Reply> GetLogBundle(ApiCall& call) {
  std::pair<int64_t, int64_t> range{0, -1};
  if (const std::string entries = call.Query("entries"); !entries.empty()) {
    Result<std::pair<int64_t, int64_t>> parsed = instance::ParseEntryRange(entries);
    if (!parsed.ok()) {
      return call.AtParameter(Status::Usage("entries must be A-B, such as 0-20"), "entries");
    }
    range = *parsed;
  }
  CANJE_ASSIGN_OR_RETURN(std::vector<instance::BundleFile> files,
                         instance::BundleFiles(call.instance, range.first, range.second));
  std::vector<wire::ArchivedFile> archived;
  for (instance::BundleFile& file : files) {
    archived.push_back({"canje-bundle/" + file.path, std::move(file.bytes)});
  }
  Reply reply;
  reply.content_type = "application/x-tar";
  CANJE_ASSIGN_OR_RETURN(reply.body, wire::TarArchive(archived));
  reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"canje-bundle.tar\"");
  return reply;
}

}  // namespace

Status AddLogEntryRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/v1/log/entries/{index}", {Action::kReadRegistry, GetLogEntry}));
  return routes.Add("GET", "/v1/log/bundle", {Action::kReadRegistry, GetLogBundle});
}

}  // namespace canje::server
