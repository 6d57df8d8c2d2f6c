#include "instance/access.h"

#include <array>
#include <string>

namespace canje::instance {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 5> kRoleNames = {{
    {Role::kAdmin, "admin"},
    {Role::kMediator, "mediator"},
    {Role::kNegotiator, "negotiator"},
    {Role::kVerifier, "verifier"},
    {Role::kObserver, "observer"},
}};

struct Rule {
  Action action;
  std::string_view name;
  std::vector<Role> roles;
};

// The access table. Change it here and in access_test.cc together.
const std::vector<Rule>& Rules() {
  using enum Role;
  static const std::vector<Rule> kRules = {
      {Action::kManageUsers, "manage users", {kAdmin}},
      {Action::kManageParties, "manage parties", {kAdmin, kMediator}},
      {Action::kImportList, "import a list", {kAdmin, kMediator, kNegotiator, kVerifier}},
      {Action::kReadRegistry,
       "read the registry",
       {kAdmin, kMediator, kNegotiator, kVerifier, kObserver}},
      {Action::kExportPersons, "export persons", {kAdmin, kMediator}},
      {Action::kErasePerson, "erase a person", {kAdmin, kMediator}},
      {Action::kManageKeys, "manage keys", {kAdmin}},
      {Action::kManageLog, "attach cosignatures to the log", {kAdmin, kMediator}},
      {Action::kManageHolds, "add or lift legal holds", {kAdmin, kMediator}},
      {Action::kRecordLegalAct, "record legal acts", {kAdmin, kMediator}},
      {Action::kRecordInterview, "record interviews", {kVerifier}},
      {Action::kReadInterviews, "read interviews", {kAdmin, kMediator, kVerifier}},
      {Action::kLinkRecords, "link the lists into persons", {kAdmin, kMediator, kVerifier}},
      {Action::kReviewLinks,
       "decide whether two records are the same person",
       {kAdmin, kMediator, kVerifier, kNegotiator}},
      {Action::kEnrolSigningKey, "enrol a party's signing key", {kAdmin, kMediator, kNegotiator}},
      {Action::kDraftProposal, "create or table a proposal", {kMediator, kNegotiator}},
      {Action::kRespondToProposal, "accept or reject a proposal for a party", {kNegotiator}},
      {Action::kOverrideBalanceRule,
       "override a balance rule on humanitarian grounds",
       {kMediator}},
      {Action::kAddAgreementSignature,
       "attach a party's signature to an agreement",
       {kAdmin, kMediator, kNegotiator}},
      {Action::kReadProposals,
       "read proposals and agreements",
       {kAdmin, kMediator, kNegotiator, kVerifier, kObserver}},
      {Action::kChangeExchangeState, "move an exchange through its workflow", {kMediator}},
      {Action::kManageExchanges, "create or manage an exchange", {kAdmin, kMediator}},
      {Action::kClaimInExchange,
       "claim persons or set release costs in an exchange",
       {kAdmin, kMediator, kNegotiator}},
      {Action::kReadExchanges,
       "read exchanges, their candidates and deals",
       {kAdmin, kMediator, kNegotiator, kVerifier}},
      {Action::kRecordExecution,
       "record handovers or who does not travel",
       {kMediator, kVerifier}},
      {Action::kReportCount, "report a party's count of an exchange", {kMediator, kNegotiator}},
      {Action::kReadExecution,
       "read an exchange's readiness, handovers and counts",
       {kAdmin, kMediator, kNegotiator, kVerifier, kObserver}},
      {Action::kManageWitnesses, "register or remove the log's witnesses", {kAdmin}},
      {Action::kOpenLogReading, "decide who may read the log's tiles", {kAdmin}},
      {Action::kSubmitToWitnesses,
       "send the log's checkpoint to its witnesses",
       {kAdmin, kMediator}},
      {Action::kSetWitnessPolicy, "set an exchange's witness policy", {kAdmin, kMediator}},
      {Action::kRecordAfterTheFact,
       "record a negotiation's earlier steps with the time they happened",
       {kAdmin, kMediator}},
  };
  return kRules;
}

const Rule& RuleFor(Action action) {
  for (const Rule& rule : Rules()) {
    if (rule.action == action) return rule;
  }
  std::abort();  // every Action has a rule
}

}  // namespace

std::string_view RoleName(Role role) {
  for (const auto& [candidate, name] : kRoleNames) {
    if (candidate == role) return name;
  }
  return "unknown";
}

std::vector<Role> AllRoles() {
  std::vector<Role> roles;
  for (const auto& [role, name] : kRoleNames) roles.push_back(role);
  return roles;
}

Result<Role> ParseRole(std::string_view name) {
  for (const auto& [role, role_name] : kRoleNames) {
    if (role_name == name) return role;
  }
  return Status::Usage("unknown role '" + std::string(name) +
                       "'; use one of admin, mediator, negotiator, verifier, observer");
}

std::string_view ActionName(Action action) { return RuleFor(action).name; }

std::vector<Role> RolesAllowed(Action action) { return RuleFor(action).roles; }

Status Authorize(Role role, Action action) {
  const Rule& rule = RuleFor(action);
  for (Role allowed : rule.roles) {
    if (allowed == role) return Status::Ok();
  }
  std::string names;
  for (Role allowed : rule.roles) {
    if (!names.empty()) names += ", ";
    names += RoleName(allowed);
  }
  const std::string_view name = RoleName(role);
  const bool vowel =
      !name.empty() && std::string_view("aeiou").find(name.front()) != std::string_view::npos;
  return Status::NotPermitted((vowel ? "an " : "a ") + std::string(name) + " may not " +
                              std::string(rule.name) + "; ask a user with the role " + names);
}

Status AuthorizeForParty(Role role, std::string_view own_party, std::string_view target_party) {
  if (own_party == target_party || role == Role::kAdmin || role == Role::kMediator) {
    return Status::Ok();
  }
  return Status::NotPermitted("a " + std::string(RoleName(role)) + " of " + std::string(own_party) +
                              " may act only for " + std::string(own_party) + ", not for " +
                              std::string(target_party));
}

}  // namespace canje::instance
