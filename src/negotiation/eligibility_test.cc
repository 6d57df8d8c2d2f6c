#include "negotiation/eligibility.h"

#include <gtest/gtest.h>

namespace canje::negotiation {
namespace {

using instance::Role;

const Obstacle kHold{ObstacleKind::kLegalHold, true, false, "legal hold H1: Court, R-1"};
const Obstacle kRefused{ObstacleKind::kConsentRefused, true, true,
                        "refused a transfer to VEN (interview I1)"};
const Obstacle kUndecided{ObstacleKind::kConsentNotGiven, true, true, "undecided (I1)"};
const Obstacle kUnconfirmed{ObstacleKind::kIdentityUnconfirmed, true, true,
                            "identity not confirmed (I1)"};
const Obstacle kUnfit{ObstacleKind::kUnfitToTravel, true, true, "not fit to travel (I2)"};
const Obstacle kNoInterview{ObstacleKind::kConsentNotGiven, false, true,
                            "no interview yet about a transfer to VEN"};
const Obstacle kErased{ObstacleKind::kErased, true, false, "P1 was erased on 2025-07-01"};

TEST(EligibilityTest, OnlyMediatorsVerifiersAndAdminsReadPersonalReasons) {
  for (Role role : {Role::kMediator, Role::kVerifier, Role::kAdmin}) {
    auto read = ObstaclesAsRead({kRefused}, role);
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].kind, "consent_refused");
    EXPECT_EQ(read[0].text, kRefused.detail);
  }
  for (Role role : {Role::kNegotiator, Role::kObserver}) {
    // What is not personal reads the same for everyone.
    auto read = ObstaclesAsRead({kHold, kUnfit}, role);
    ASSERT_EQ(read.size(), 2u);
    EXPECT_EQ(read[0].kind, "legal_hold");
    EXPECT_EQ(read[0].text, kHold.detail);
    EXPECT_EQ(read[1].kind, "confidential");
    EXPECT_EQ(read[1].text, "not available (confidential)");
  }
}

// A refusal and every other personal assessment read the same, in the same place, for roles
// that may not read why: one wording, one kind, blocking selection alike.
TEST(EligibilityTest, ARefusalReadsLikeEveryOtherPersonalAssessment) {
  for (Role role : {Role::kNegotiator, Role::kObserver}) {
    const auto refused = ObstaclesAsRead({kHold, kRefused, kErased}, role);
    for (const Obstacle& other : {kUndecided, kUnconfirmed, kUnfit}) {
      const auto read = ObstaclesAsRead({kHold, other, kErased}, role);
      ASSERT_EQ(read.size(), refused.size());
      for (size_t i = 0; i < read.size(); ++i) {
        EXPECT_EQ(read[i].kind, refused[i].kind);
        EXPECT_EQ(read[i].text, refused[i].text);
        EXPECT_EQ(read[i].blocks_selection, refused[i].blocks_selection);
      }
    }
  }
}

TEST(EligibilityTest, HiddenReasonsCollapseIntoOneSoTheirNumberDoesNotShow) {
  std::vector<Obstacle> obstacles = {kHold, kUndecided, kUnconfirmed, kUnfit, kErased};
  EXPECT_EQ(DescribeObstacles(obstacles, Role::kNegotiator),
            (std::vector<std::string>{kHold.detail, "not available (confidential)",
                                      kErased.detail}));
  EXPECT_EQ(DescribeObstacles(obstacles, Role::kMediator),
            (std::vector<std::string>{kHold.detail, kUndecided.detail, kUnconfirmed.detail,
                                      kUnfit.detail, kErased.detail}));
  // Not interviewed yet is personal too, and blocks only the handover.
  auto read = ObstaclesAsRead({kNoInterview}, Role::kNegotiator);
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].kind, "confidential");
  EXPECT_FALSE(read[0].blocks_selection);
}

TEST(EligibilityTest, SelectionIsBlockedOnlyByBlockingObstacles) {
  EXPECT_FALSE(BlocksSelection({}));
  EXPECT_FALSE(BlocksSelection({kNoInterview}));
  EXPECT_TRUE(BlocksSelection({kUnfit}));
  EXPECT_TRUE(NoOverrideExists({kUnfit}));
  EXPECT_TRUE(NoOverrideExists({kHold}));
  EXPECT_FALSE(NoOverrideExists({kNoInterview, kErased}));
  EXPECT_EQ(ObstacleKindName(ObstacleKind::kErased), "erased");
}

}  // namespace
}  // namespace canje::negotiation
