// The HTTP API's routes, grouped by domain. Each Add*Routes adds its handlers to `routes`
// (docs/api.md documents every one). Handlers hold no rules: they call the core functions the
// command line calls and map the results with src/wire.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/status.h"
#include "registry/person_directory.h"
#include "server/api_call.h"

namespace canje::server {

// Each route names the action its use case checks (server/api_call.h, Endpoint).
using instance::Action;

// GET /v1/whoami
Status AddAccountRoutes(Routes& routes);
// GET /v1/summary, /v1/lists, /v1/persons, /v1/persons/{id}
Status AddRegistryRoutes(Routes& routes);
// GET /v1/log/events, /v1/log/checkpoint, /v1/log/proof/inclusion, /v1/log/proof/consistency
Status AddLogRoutes(Routes& routes);
// GET /v1/exchanges, /v1/exchanges/{id}, /v1/exchanges/{id}/proposals, /v1/proposals/{id};
// POST /v1/proposals/{id}/accept, /v1/proposals/{id}/reject
Status AddNegotiationRoutes(Routes& routes);
// POST /v1/exchanges, /v1/exchanges/{id}/parties, /v1/exchanges/{id}/rules,
// /v1/exchanges/{id}/caps, /v1/exchanges/{id}/claims, /v1/exchanges/{id}/costs,
// /v1/exchanges/{id}/solve; GET /v1/exchanges/{id}/candidates
Status AddExchangeRoutes(Routes& routes);
// POST /v1/exchanges/{id}/guarantors, /v1/exchanges/{id}/observers; DELETE
// /v1/exchanges/{id}/guarantors/{party}, /v1/exchanges/{id}/observers/{party}
Status AddExchangeParticipantRoutes(Routes& routes);
// POST /v1/exchanges/{id}/proposals, /v1/proposals/{id}/counter, /v1/proposals/{id}/table,
// /v1/proposals/{id}/override; GET /v1/proposals/{id}/diff, /v1/proposals/{id}/manifest
Status AddProposalRoutes(Routes& routes);
// POST /v1/proposals/{id}/signatures, /v1/parties/{party}/keys; GET /v1/proposals/{id}/agreement,
// /v1/parties/{party}/keys
Status AddAgreementRoutes(Routes& routes);
// GET /v1/holds, /v1/holds/{id}; POST /v1/holds, /v1/holds/{id}/lift
Status AddHoldRoutes(Routes& routes);
// GET /v1/exchanges/{id}/readiness, /v1/exchanges/{id}/handovers,
// /v1/exchanges/{id}/reconciliation
Status AddExecutionRoutes(Routes& routes);
Status AddStageRoutes(Routes& routes);
// GET and POST /v1/users, /v1/parties; POST /v1/users/{name}/totp, /v1/users/{name}/tokens
// (an admin's)
Status AddAdminRoutes(Routes& routes);
// POST /v1/lists (importing a list file), GET /v1/export/persons, POST /v1/persons/{id}/erase
Status AddListRoutes(Routes& routes);
// The route that takes a list file as its body, and the largest body it takes (when
// --body-limit is smaller): 20,000 rows of a list are some 5 MiB.
inline constexpr std::string_view kListFilePath = "/v1/lists";
inline constexpr size_t kListFileBodyLimit = size_t{32} << 20;
// GET /v1/exchanges/{id}/workflow; POST /v1/exchanges/{id}/workflow/advance,
// /v1/exchanges/{id}/workflow/collapse
Status AddWorkflowRoutes(Routes& routes);
// GET /v1/log/entries/{index}, /v1/log/bundle
Status AddLogEntryRoutes(Routes& routes);
// GET /v1/link/status
Status AddReconciliationRoutes(Routes& routes);
// GET and POST /v1/interviews, POST /v1/interviews/batch; GET and POST /v1/acts;
// GET /v1/eligibility
Status AddInterviewRoutes(Routes& routes);
// POST /v1/link; GET /v1/review; POST /v1/review/{pair}/decision, /v1/review/decisions
Status AddLinkageRoutes(Routes& routes);
// GET and DELETE /v1/session (the caller's own), GET /v1/sessions and DELETE
// /v1/sessions/{id} (an admin's)
Status AddSessionRoutes(Routes& routes);
// GET /log/checkpoint, /log/tile/... (C2SP tlog-tiles), for a caller who may read the log
Status AddTileRoutes(Routes& routes);

// Without a token: POST /v1/session (signing in)
Status AddSignInRoutes(PublicRoutes& routes);
// Without a token: GET /healthz, GET /readyz, GET /v1/openapi.json
Status AddServiceRoutes(PublicRoutes& routes);
// Without a token: GET /log/public/<capability>/checkpoint and /log/public/<capability>/tile/...,
// answered only once an admin opened the log and the capability is its own
// (instance/log_witnesses.h); 404 otherwise.
Status AddPublicTileRoutes(PublicRoutes& routes);

// The filters of `canje persons` from the query (registry_handlers.cc): holder, category,
// nationality, status, list, document, exact_name; and name when asked (`canje export persons`
// has none). `limit` is a page's size (server/pagination.h), not a filter.
Result<registry::PersonQuery> PersonQueryOf(ApiCall& call, bool with_name);

// The query parameter `name` naming a person ("P17"); 0 when absent. A malformed id is kUsage
// pointing at the parameter (interview_handlers.cc).
Result<int64_t> PersonParameter(ApiCall& call, const std::string& name);

// Every route above that needs a token or a session (routes.cc).
Result<Routes> AllRoutes();
// Every route above that needs neither (routes.cc).
Result<PublicRoutes> AllPublicRoutes();

}  // namespace canje::server
