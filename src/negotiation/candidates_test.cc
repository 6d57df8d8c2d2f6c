#include "negotiation/candidates.h"

#include <gtest/gtest.h>

namespace canje::negotiation {
namespace {

using instance::Role;

ExchangeDetails Cecot() {
  ExchangeDetails details;
  details.exchange.id = 1;
  details.blocs = {{"SLV+USA", {solver::Rule::Kind::kValue, 1.0}, {"SLV", "USA"}},
                   {"VEN", {solver::Rule::Kind::kCount, 1.0}, {"VEN"}}};
  return details;
}

store::ClaimRow ClaimOf(int64_t person, std::string claimant) {
  store::ClaimRow claim;
  claim.id = 7;
  claim.person_id = person;
  claim.claimant = claimant;
  claim.destination = claimant;
  return claim;
}

store::ClaimedCustodyRow Custody(int64_t person, std::string holder, std::string status,
                                 int64_t list, std::string kind, std::string party) {
  return {person, holder, status, list, kind, party};
}

Obstacle Refusal() {
  return {ObstacleKind::kConsentRefused, true, true, "refused a transfer to VEN (interview I3)"};
}

bool MentionsRefusal(const std::vector<Reason>& reasons) {
  for (const Reason& reason : reasons) {
    if (reason.kind.find("refus") != std::string::npos ||
        reason.text.find("refus") != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST(DecideClaimTest, OnlyHeldOnTheHoldersOwnRosterIsConfirmed) {
  ExchangeDetails exchange = Cecot();
  auto confirmed = DecideClaim(
      ClaimOf(5, "VEN"), {Custody(5, "SLV", "held", 1, "custody_roster", "SLV")}, {}, exchange);
  EXPECT_EQ(confirmed.holders, std::vector<std::string>{"SLV"});
  EXPECT_TRUE(ExclusionReasons(confirmed, Role::kNegotiator).empty());

  // Held according to another party's list only: not confirmed, and the reason says where from.
  auto manifest_only = DecideClaim(
      ClaimOf(5, "VEN"), {Custody(5, "SLV", "held", 3, "transfer_manifest", "USA")}, {}, exchange);
  EXPECT_TRUE(manifest_only.holders.empty());
  auto reasons = ExclusionReasons(manifest_only, Role::kNegotiator);
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0].kind, "not_confirmed_held");
  EXPECT_NE(reasons[0].text.find("L3"), std::string::npos) << reasons[0].text;

  // On the holder's own roster but released.
  auto released = DecideClaim(
      ClaimOf(9, "USA"), {Custody(9, "VEN", "released", 2, "custody_roster", "VEN")}, {}, exchange);
  EXPECT_TRUE(released.holders.empty());
  EXPECT_NE(ExclusionReasons(released, Role::kMediator)[0].text.find("released"),
            std::string::npos);

  // No custody at all.
  auto nowhere = DecideClaim(ClaimOf(9, "USA"), {}, {}, exchange);
  EXPECT_EQ(ExclusionReasons(nowhere, Role::kMediator)[0].kind, "not_confirmed_held");
}

TEST(DecideClaimTest, AHolderOutsideTheExchangeGivesNoCandidate) {
  auto decision = DecideClaim(ClaimOf(5, "VEN"),
                              {Custody(5, "COL", "held", 4, "custody_roster", "COL")}, {}, Cecot());
  EXPECT_TRUE(decision.holders.empty());
  auto reasons = ExclusionReasons(decision, Role::kMediator);
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0].kind, "holder_not_in_exchange");
  EXPECT_NE(reasons[0].text.find("COL"), std::string::npos);
}

TEST(DecideClaimTest, ARefusalExcludesAndIsConfidentialForNegotiators) {
  auto decision =
      DecideClaim(ClaimOf(5, "VEN"), {Custody(5, "SLV", "held", 1, "custody_roster", "SLV")},
                  {Refusal()}, Cecot());
  ASSERT_EQ(decision.holders.size(), 1u);  // held, but refused: still excluded
  for (Role role : {Role::kNegotiator, Role::kObserver}) {
    auto reasons = ExclusionReasons(decision, role);
    ASSERT_EQ(reasons.size(), 1u);
    EXPECT_EQ(reasons[0].kind, "confidential");
    EXPECT_EQ(reasons[0].text, kNotAvailableConfidential);
    EXPECT_FALSE(MentionsRefusal(reasons));
  }
  for (Role role : {Role::kMediator, Role::kVerifier, Role::kAdmin}) {
    auto reasons = ExclusionReasons(decision, role);
    ASSERT_EQ(reasons.size(), 1u);
    EXPECT_EQ(reasons[0].kind, "consent_refused");
    EXPECT_EQ(reasons[0].text, Refusal().detail);
  }
}

TEST(DecideClaimTest, ConfidentialReasonsCollapseSoTheirNumberDoesNotShow) {
  Obstacle other = Refusal();
  other.detail = "refused a transfer to VEN (interview I9)";
  auto decision = DecideClaim(ClaimOf(5, "VEN"), {}, {Refusal(), other}, Cecot());
  auto negotiator = ExclusionReasons(decision, Role::kNegotiator);
  ASSERT_EQ(negotiator.size(), 2u);  // not confirmed held + one confidential
  EXPECT_EQ(negotiator[1].kind, "confidential");
  EXPECT_EQ(ExclusionReasons(decision, Role::kMediator).size(), 3u);
}

TEST(DecideClaimTest, AHoldExcludesAndItsReasonIsShownToEveryone) {
  Obstacle hold{ObstacleKind::kLegalHold, true, false, "legal hold H1: Supreme Court, 24A931"};
  auto decision = DecideClaim(
      ClaimOf(5, "VEN"), {Custody(5, "SLV", "held", 1, "custody_roster", "SLV")}, {hold}, Cecot());
  auto reasons = ExclusionReasons(decision, Role::kNegotiator);
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0].kind, "legal_hold");
  EXPECT_EQ(reasons[0].text, hold.detail);
}

TEST(DecideClaimTest, HandoverObstaclesKeepTheCandidateAndTravelAsNotes) {
  Obstacle not_yet{ObstacleKind::kConsentNotGiven, false, true,
                   "no interview yet about a transfer to VEN"};
  auto decision = DecideClaim(ClaimOf(5, "VEN"),
                              {Custody(5, "SLV", "held", 1, "custody_roster", "SLV")}, {not_yet},
                              Cecot());
  EXPECT_EQ(decision.holders, std::vector<std::string>{"SLV"});
  EXPECT_TRUE(ExclusionReasons(decision, Role::kNegotiator).empty());
  auto notes = ObstacleReasons(decision.handover, Role::kNegotiator);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].kind, "confidential");
  EXPECT_EQ(ObstacleReasons(decision.handover, Role::kMediator)[0].kind, "consent_not_given");
}

}  // namespace
}  // namespace canje::negotiation
