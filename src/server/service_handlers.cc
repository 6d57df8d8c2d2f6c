// What a load balancer or a client needs before it has a token: GET /healthz (the process
// answers), GET /readyz (the store answers) and GET /v1/openapi.json (the API's description).
// None of them says anything about the store's data.
#include "server/handlers.h"
#include "server/openapi_document.h"

namespace canje::server {
namespace {

Result<Reply> GetHealth(PublicCall&) { return JsonReply({{"status", "ok"}}); }

// Ready when the store answers: a read through a pooled instance.
Result<Reply> GetReady(PublicCall& call) {
  Result<InstancePool::Lease> lease = call.pool.Acquire("");
  if (!lease.ok()) return Status::Unavailable("the store cannot be opened");
  if (!(*lease)->CheckStoreAnswers().ok()) {
    lease->Discard();
    return Status::Unavailable("the store does not answer");
  }
  return JsonReply({{"status", "ready"}});
}

Result<Reply> GetOpenApi(PublicCall&) {
  Reply reply;
  reply.content_type = "application/json";
  reply.body = std::string(OpenApiDocument());
  return reply;
}

}  // namespace

Status AddServiceRoutes(PublicRoutes& routes) {
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/healthz", GetHealth));
  CANJE_RETURN_IF_ERROR(routes.Add("GET", "/readyz", GetReady));
  return routes.Add("GET", "/v1/openapi.json", GetOpenApi);
}

}  // namespace canje::server
