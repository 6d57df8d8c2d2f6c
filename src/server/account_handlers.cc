// GET /v1/whoami: who the token acts as.
#include "instance/access.h"
#include "server/handlers.h"

namespace canje::server {

Status AddAccountRoutes(Routes& routes) {
  return routes.Add(
      "GET", "/v1/whoami",
      {kEveryCaller, [](ApiCall& call) -> Result<Reply> {
         const store::Actor& actor = call.instance.actor();
         return JsonReply({{"user", actor.user}, {"party", actor.party}, {"role", actor.role}});
       }});
}

}  // namespace canje::server
