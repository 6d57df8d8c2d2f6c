// Who may do what: the one table of access rules (docs/principles.md, principle 3).
//
// Every command checks its action here before it touches the store; a refusal is kNotPermitted
// (exit 77, HTTP 403) with a message naming the role and the roles that may. The table is
// tested as a table in access_test.cc.
#pragma once

#include <string_view>
#include <vector>

#include "core/status.h"

namespace canje::instance {

enum class Role { kAdmin, kMediator, kNegotiator, kVerifier, kObserver };

enum class Action {
  kManageUsers,     // user add
  kManageParties,   // party add
  kImportList,      // import a list (a negotiator only for their own party)
  kReadRegistry,    // lists, persons, person show
  kExportPersons,   // export persons
  kErasePerson,     // person erase
  kManageKeys,      // key backup, restore, rotate
  kManageLog,       // attach witnesses' cosignatures
  kManageHolds,     // hold add, hold lift (legal holds)
  kRecordLegalAct,  // act add (pardon, commutation, ...)
  kRecordInterview, // interview record: only the verifier who interviews the person
  kReadInterviews,  // interview list, reasons of confidential obstacles
  kLinkRecords,     // canje link: reconcile the lists into persons
  kReviewLinks,     // review decide (a negotiator only for pairs touching its party's lists)
  kEnrolSigningKey,      // party key add (a negotiator only for its own party)
  kDraftProposal,        // proposal create, proposal table
  kRespondToProposal,    // proposal accept / reject: only the party's own negotiator
  kOverrideBalanceRule,  // proposal override (humanitarian; never for holds or refusals)
  kAddAgreementSignature,  // agreement sign-add (the signature itself proves the party)
  kReadProposals,        // proposal show / diff / manifest, agreement verify, party key list
  kChangeExchangeState,  // exchange workflow: verifying, executing, completed, collapsed
  kManageExchanges,      // exchange create, party add, rule, caps
  kClaimInExchange,      // exchange claim, cost (a negotiator only for its own party)
  kReadExchanges,        // exchange show, list, candidates, solve (a negotiator: its exchanges)
  kRecordExecution,  // exchange not-travelling, handover record (mediator, verifier)
  kReportCount,      // exchange report: a party's own count (a negotiator only for its party)
  kReadExecution,    // exchange readiness, reconcile, handover list (parties to the exchange)
  kManageWitnesses,     // witness add, witness remove: who cosigns the log's checkpoints
  kOpenLogReading,      // log reading public|token: the tiles readable without a token
  kSubmitToWitnesses,   // log push: send the latest checkpoint to every witness now
  kSetWitnessPolicy,    // exchange witness-policy: which witnesses make the exchange final
  kRecordAfterTheFact,  // --at: date a step of a negotiation that happened before it was recorded
};

// Every role, in the order of the enum.
std::vector<Role> AllRoles();
std::string_view RoleName(Role role);
Result<Role> ParseRole(std::string_view name);  // kUsage with the accepted names
std::string_view ActionName(Action action);

// The roles allowed to take `action`, in a stable order.
std::vector<Role> RolesAllowed(Action action);

// kNotPermitted unless `role` may take `action`.
Status Authorize(Role role, Action action);

// Acting for a party other than one's own (importing its list): only admin and mediator.
Status AuthorizeForParty(Role role, std::string_view own_party, std::string_view target_party);

}  // namespace canje::instance
