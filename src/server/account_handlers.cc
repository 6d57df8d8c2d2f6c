// GET /v1/whoami: who the token acts as.
#include "instance/access.h"
#include "server/handlers.h"

namespace canje::server {

Status AddAccountRoutes(Routes& routes) {
  return routes.Add("GET", "/v1/whoami", [](ApiCall& call) -> Result<Reply> {
    const store::Actor& actor = call.instance.actor();
    return JsonReply({{"user", actor.user}, {"party", actor.party}, {"role", actor.role}});
  });
}

Result<Routes> AllRoutes() {
  Routes routes;
  CANJE_RETURN_IF_ERROR(AddAccountRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddRegistryRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddLogRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddNegotiationRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddExecutionRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddReconciliationRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddSessionRoutes(routes));
  return routes;
}

}  // namespace canje::server
