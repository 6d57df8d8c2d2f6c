#include "negotiation/workflow.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

namespace canje::negotiation {
namespace {

// Every pair of states, against the machine as docs/workflow.md draws it.
TEST(WorkflowTest, TheProposalMachineAsATable) {
  using enum ProposalState;
  const std::set<std::pair<ProposalState, ProposalState>> allowed = {
      {kDraft, kTabled},    {kTabled, kCountered},
      {kTabled, kRejected}, {kTabled, kAgreedInPrinciple},
      {kTabled, kAgreed},   {kAgreed, kReplaced},
  };
  const std::vector<ProposalState> all = {
      kDraft, kTabled, kCountered, kRejected, kAgreedInPrinciple, kAgreed, kReplaced};
  for (ProposalState from : all) {
    for (ProposalState to : all) {
      Status status = CheckTransition("V3", from, to);
      const bool expected = allowed.count({from, to}) == 1;
      EXPECT_EQ(status.ok(), expected)
          << ProposalStateName(from) << " -> " << ProposalStateName(to);
      if (expected) continue;
      EXPECT_EQ(status.code(), StatusCode::kInvalid);
      // The refusal names the current state and what is allowed from it.
      const std::string& message = status.message();
      EXPECT_EQ(message.rfind("V3 is " + std::string(ProposalStateName(from)) + ";", 0), 0u)
          << message;
      EXPECT_NE(message.find("cannot become " + std::string(ProposalStateName(to))),
                std::string::npos);
      for (ProposalState next : AllowedFrom(from)) {
        EXPECT_NE(message.find(ProposalStateName(next)), std::string::npos) << message;
      }
      if (AllowedFrom(from).empty()) {
        EXPECT_NE(message.find("a final state"), std::string::npos) << message;
      }
    }
  }
}

TEST(WorkflowTest, TheExchangeMachineAsATable) {
  using enum ExchangeState;
  const std::set<std::pair<ExchangeState, ExchangeState>> allowed = {
      {kNegotiating, kAgreed},  {kAgreed, kVerifying},      {kVerifying, kExecuting},
      {kExecuting, kCompleted}, {kNegotiating, kCollapsed}, {kAgreed, kCollapsed},
      {kVerifying, kCollapsed}, {kExecuting, kCollapsed},
  };
  const std::vector<ExchangeState> all = {kNegotiating, kAgreed,    kVerifying,
                                          kExecuting,   kCompleted, kCollapsed};
  for (ExchangeState from : all) {
    for (ExchangeState to : all) {
      Status status = CheckTransition("exchange X1", from, to);
      const bool expected = allowed.count({from, to}) == 1;
      EXPECT_EQ(status.ok(), expected)
          << ExchangeStateName(from) << " -> " << ExchangeStateName(to);
      if (expected) continue;
      const std::string& message = status.message();
      EXPECT_EQ(message.rfind("exchange X1 is " + std::string(ExchangeStateName(from)), 0), 0u);
      for (ExchangeState next : AllowedFrom(from)) {
        EXPECT_NE(message.find(ExchangeStateName(next)), std::string::npos) << message;
      }
    }
  }
}

TEST(WorkflowTest, AMessageReadsAsASentence) {
  EXPECT_EQ(CheckTransition("V3", ProposalState::kTabled, ProposalState::kDraft).message(),
            "V3 is tabled; it cannot become draft: from tabled it can only become countered, "
            "rejected, agreed-in-principle or agreed");
  EXPECT_EQ(CheckTransition("V3", ProposalState::kRejected, ProposalState::kAgreed).message(),
            "V3 is rejected; it cannot become agreed: nothing is allowed from rejected (a final "
            "state)");
}

TEST(WorkflowTest, StateNamesRoundTripAndUnknownNamesListTheStates) {
  for (const auto& transition : ProposalTransitions()) {
    EXPECT_EQ(*ParseProposalState(ProposalStateName(transition.to)), transition.to);
  }
  for (const auto& transition : ExchangeTransitions()) {
    EXPECT_EQ(*ParseExchangeState(ExchangeStateName(transition.to)), transition.to);
  }
  auto unknown = ParseProposalState("accepted");
  EXPECT_EQ(unknown.status().code(), StatusCode::kInvalid);
  EXPECT_NE(unknown.status().message().find("agreed-in-principle"), std::string::npos);
}

}  // namespace
}  // namespace canje::negotiation
