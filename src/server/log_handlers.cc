// The transparency log over HTTP: the signed checkpoint (text/plain, the C2SP signed note
// byte for byte) and RFC 9162 proofs (JSON, hashes in base64), as `canje log` gives them.
#include "instance/log_reads.h"
#include "instance/sealed_events.h"
#include "server/handlers.h"
#include "wire/log_proofs.h"

namespace canje::server {
namespace {

Result<Reply> GetCheckpoint(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(std::string note, instance::ReadLatestCheckpoint(call.instance));
  return TextReply(std::move(note));
}

// A proof named by two query parameters: `from_name` (required; the entry or the older size)
// and `size_name` (optional; default the latest checkpoint's size).
Result<Reply> GetProof(ApiCall& call, const std::string& from_name, const std::string& hint,
                       const std::string& size_name,
                       Result<instance::LogProof> (*prove)(instance::Instance&, int64_t, int64_t),
                       nlohmann::json (*to_json)(const instance::LogProof&)) {
  if (call.Query(from_name).empty()) return call.AtParameter(Status::Usage(hint), from_name);
  CANJE_ASSIGN_OR_RETURN(int64_t from, call.QueryInteger(from_name, 0));
  CANJE_ASSIGN_OR_RETURN(int64_t size, call.QueryInteger(size_name, -1));
  CANJE_ASSIGN_OR_RETURN(instance::LogProof proof, prove(call.instance, from, size));
  return JsonReply(to_json(proof));
}

Result<Reply> GetInclusionProof(ApiCall& call) {
  return GetProof(call, "index", "give the entry with ?index=N (0-based)", "size",
                  instance::ProveInclusion, wire::InclusionProofJson);
}

Result<Reply> GetConsistencyProof(ApiCall& call) {
  return GetProof(call, "old", "give the older tree size with ?old=A", "new",
                  instance::ProveConsistency, wire::ConsistencyProofJson);
}

// The entries as `canje log show` lists them (instance/sealed_events.h decides what each reader
// sees of a sealed personal assessment): ?from=N (default 0) &limit=M (default 100).
Result<Reply> GetEvents(ApiCall& call) {
  CANJE_ASSIGN_OR_RETURN(int64_t from, call.QueryInteger("from", 0));
  CANJE_ASSIGN_OR_RETURN(int64_t limit, call.QueryInteger("limit", 100));
  CANJE_ASSIGN_OR_RETURN(auto events, instance::ReadLogEvents(call.instance, from, limit));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& event : events) out.push_back(wire::LogEventJson(event));
  return JsonReply(out);
}

}  // namespace

Status AddLogRoutes(Routes& routes) {
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/v1/log/events", {Action::kReadRegistry, GetEvents}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/v1/log/checkpoint", {Action::kReadRegistry, GetCheckpoint}));
  CANJE_RETURN_IF_ERROR(
      routes.Add("GET", "/v1/log/proof/inclusion", {Action::kReadRegistry, GetInclusionProof}));
  return routes.Add("GET", "/v1/log/proof/consistency",
                    {Action::kReadRegistry, GetConsistencyProof});
}

}  // namespace canje::server
