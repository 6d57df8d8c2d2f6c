#include "negotiation/workflow.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace canje::negotiation {
namespace {

// Checks CheckTransition(subject, from, to) for every pair of `states` against the machine as
// docs/workflow.md draws it (`allowed`): an allowed move passes; any other is refused as kInvalid,
// the message naming the current state, the state refused and each state allowed from the
// current one (or saying it is a final state). `name` is the machine's state-name function.
template <typename State, typename Name>
void ExpectMachine(std::string_view subject, const std::vector<State>& states,
                   const std::set<std::pair<State, State>>& allowed, Name name) {
  for (State from : states) {
    for (State to : states) {
      Status status = CheckTransition(subject, from, to);
      const bool expected = allowed.count({from, to}) == 1;
      EXPECT_EQ(status.ok(), expected) << name(from) << " -> " << name(to);
      if (expected) continue;
      EXPECT_EQ(status.code(), StatusCode::kInvalid);
      const std::string& message = status.message();
      EXPECT_EQ(message.rfind(std::string(subject) + " is " + std::string(name(from)) + ";", 0), 0u)
          << message;
      EXPECT_NE(message.find("cannot become " + std::string(name(to))), std::string::npos);
      for (State next : AllowedFrom(from)) {
        EXPECT_NE(message.find(name(next)), std::string::npos) << message;
      }
      if (AllowedFrom(from).empty()) {
        EXPECT_NE(message.find("a final state"), std::string::npos) << message;
      }
    }
  }
}

TEST(WorkflowTest, TheProposalMachineAsATable) {
  using enum ProposalState;
  ExpectMachine<ProposalState>(
      "V3", {kDraft, kTabled, kCountered, kRejected, kAgreedInPrinciple, kAgreed, kReplaced},
      {{kDraft, kTabled},
       {kTabled, kCountered},
       {kTabled, kRejected},
       {kTabled, kAgreedInPrinciple},
       {kTabled, kAgreed},
       {kAgreed, kReplaced}},
      ProposalStateName);
}

TEST(WorkflowTest, TheExchangeMachineAsATable) {
  using enum ExchangeState;
  ExpectMachine<ExchangeState>(
      "exchange X1", {kNegotiating, kAgreed, kVerifying, kExecuting, kCompleted, kCollapsed},
      {
          {kNegotiating, kAgreed},
          {kAgreed, kVerifying},
          {kVerifying, kExecuting},
          {kExecuting, kCompleted},
          {kNegotiating, kCollapsed},
          {kAgreed, kCollapsed},
          {kVerifying, kCollapsed},
          {kExecuting, kCollapsed},
      },
      ExchangeStateName);
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
