// The HTTP API's routes, grouped by domain. Each Add*Routes adds its handlers to `routes`
// (docs/api.md documents every one). Handlers hold no rules: they call the core functions the
// command line calls and map the results with src/wire.
#pragma once

#include <string_view>

#include "core/status.h"
#include "server/api_call.h"

namespace canje::server {

// GET /v1/whoami
Status AddAccountRoutes(Routes& routes);
// GET /v1/summary, /v1/lists, /v1/persons, /v1/persons/{id}
Status AddRegistryRoutes(Routes& routes);
// GET /v1/log/checkpoint, /v1/log/proof/inclusion, /v1/log/proof/consistency
Status AddLogRoutes(Routes& routes);
// GET /v1/exchanges, /v1/exchanges/{id}, /v1/exchanges/{id}/proposals, /v1/proposals/{id};
// POST /v1/proposals/{id}/accept, /v1/proposals/{id}/reject
Status AddNegotiationRoutes(Routes& routes);
// GET /v1/link/status
Status AddReconciliationRoutes(Routes& routes);
// GET /log/checkpoint, /log/tile/... (C2SP tlog-tiles), and the same under kPublicLogPrefix
Status AddTileRoutes(Routes& routes);

// The log's tiles without a token: /log/public/<capability>/... (instance/log_witnesses.h).
// Api lets requests under this prefix through without a token; their handlers read only the
// store and answer 404 unless the capability opens the log.
inline constexpr std::string_view kPublicLogPrefix = "/log/public/";

// Every route above.
Result<Routes> AllRoutes();

}  // namespace canje::server
