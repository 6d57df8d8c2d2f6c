#include "instance/access.h"

#include <gtest/gtest.h>

#include "instance/need_to_know.h"

namespace canje::instance {
namespace {

// The whole access table, written out: a change to access.cc must change this too.
TEST(AccessTest, TheTableAsWritten) {
  using enum Role;
  struct Row {
    Action action;
    std::vector<Role> allowed;
  };
  const std::vector<Row> expected = {
      {Action::kManageUsers, {kAdmin}},
      {Action::kManageParties, {kAdmin, kMediator}},
      {Action::kImportList, {kAdmin, kMediator, kNegotiator, kVerifier}},
      {Action::kReadRegistry, {kAdmin, kMediator, kNegotiator, kVerifier, kObserver}},
      {Action::kExportPersons, {kAdmin, kMediator}},
      {Action::kErasePerson, {kAdmin, kMediator}},
      {Action::kManageKeys, {kAdmin}},
      {Action::kManageLog, {kAdmin, kMediator}},
      {Action::kManageHolds, {kAdmin, kMediator}},
      {Action::kRecordLegalAct, {kAdmin, kMediator}},
      {Action::kRecordInterview, {kVerifier}},
      {Action::kReadInterviews, {kAdmin, kMediator, kVerifier}},
      {Action::kLinkRecords, {kAdmin, kMediator, kVerifier}},
      {Action::kReviewLinks, {kAdmin, kMediator, kVerifier, kNegotiator}},
      {Action::kEnrolSigningKey, {kAdmin, kMediator, kNegotiator}},
      {Action::kDraftProposal, {kMediator, kNegotiator}},
      {Action::kRespondToProposal, {kNegotiator}},
      {Action::kOverrideBalanceRule, {kMediator}},
      {Action::kAddAgreementSignature, {kAdmin, kMediator, kNegotiator}},
      {Action::kReadProposals, {kAdmin, kMediator, kNegotiator, kVerifier, kObserver}},
      {Action::kChangeExchangeState, {kMediator}},
      {Action::kManageExchanges, {kAdmin, kMediator}},
      {Action::kClaimInExchange, {kAdmin, kMediator, kNegotiator}},
      {Action::kReadExchanges, {kAdmin, kMediator, kNegotiator, kVerifier}},
      {Action::kRecordExecution, {kMediator, kVerifier}},
      {Action::kReportCount, {kMediator, kNegotiator}},
      {Action::kReadExecution, {kAdmin, kMediator, kNegotiator, kVerifier, kObserver}},
      {Action::kManageWitnesses, {kAdmin}},
      {Action::kOpenLogReading, {kAdmin}},
      {Action::kSubmitToWitnesses, {kAdmin, kMediator}},
      {Action::kSetWitnessPolicy, {kAdmin, kMediator}},
      {Action::kRecordAfterTheFact, {kAdmin, kMediator}},
  };
  for (const Row& row : expected) {
    for (Role role : {kAdmin, kMediator, kNegotiator, kVerifier, kObserver}) {
      bool allowed = std::find(row.allowed.begin(), row.allowed.end(), role) != row.allowed.end();
      Status status = Authorize(role, row.action);
      EXPECT_EQ(status.ok(), allowed) << RoleName(role) << " / " << ActionName(row.action);
      if (!allowed) {
        EXPECT_EQ(status.code(), StatusCode::kNotPermitted);
      }
    }
  }
}

TEST(AccessTest, NegotiatorsActOnlyForTheirOwnParty) {
  EXPECT_TRUE(AuthorizeForParty(Role::kNegotiator, "VEN", "VEN").ok());
  Status refused = AuthorizeForParty(Role::kNegotiator, "VEN", "SLV");
  EXPECT_EQ(refused.code(), StatusCode::kNotPermitted);
  EXPECT_NE(refused.message().find("only for VEN"), std::string::npos);
  EXPECT_TRUE(AuthorizeForParty(Role::kMediator, "ICRC", "SLV").ok());
}

// Need to know (need_to_know.h), by role: who reads every person, and who reads why a person is
// not available. The person-by-person rule is tested end to end in cli/need_to_know_test.cc.
TEST(AccessTest, WhoReadsEveryPersonAndWhoReadsPersonalAssessments) {
  using enum Role;
  for (Role role : {kAdmin, kMediator, kVerifier}) {
    EXPECT_TRUE(SeesEveryPerson(role)) << RoleName(role);
    EXPECT_TRUE(ReadsPersonalAssessments(role)) << RoleName(role);
  }
  for (Role role : {kNegotiator, kObserver}) {
    EXPECT_FALSE(SeesEveryPerson(role)) << RoleName(role);
    EXPECT_FALSE(ReadsPersonalAssessments(role)) << RoleName(role);
  }
}

TEST(AccessTest, RolesParseByName) {
  EXPECT_EQ(*ParseRole("verifier"), Role::kVerifier);
  EXPECT_EQ(ParseRole("king").status().code(), StatusCode::kUsage);
}

}  // namespace
}  // namespace canje::instance
