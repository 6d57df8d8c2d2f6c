// The API's routes in one place: the ones that need a token or a session, and the public ones.
#include "server/handlers.h"

namespace canje::server {

Result<Routes> AllRoutes() {
  Routes routes;
  CANJE_RETURN_IF_ERROR(AddAccountRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddRegistryRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddLogRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddNegotiationRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddHoldRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddExchangeRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddExchangeParticipantRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddProposalRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddAgreementRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddExecutionRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddStageRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddWorkflowRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddLogEntryRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddReconciliationRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddSessionRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddInterviewRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddLinkageRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddTileRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddListRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddAdminRoutes(routes));
  return routes;
}

Result<PublicRoutes> AllPublicRoutes() {
  PublicRoutes routes;
  CANJE_RETURN_IF_ERROR(AddSignInRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddServiceRoutes(routes));
  CANJE_RETURN_IF_ERROR(AddPublicTileRoutes(routes));
  return routes;
}

}  // namespace canje::server
