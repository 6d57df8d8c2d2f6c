#include "negotiation/eligibility.h"

#include <gtest/gtest.h>

namespace canje::negotiation {
namespace {

using instance::Role;

const Obstacle kHold{ObstacleKind::kLegalHold, true, false, "legal hold H1: Court, R-1"};
const Obstacle kRefused{ObstacleKind::kConsentRefused, true, true,
                        "refused a transfer to VEN (interview I1)"};
const Obstacle kSecondSecret{ObstacleKind::kConsentRefused, true, true, "another secret"};
const Obstacle kUnfit{ObstacleKind::kUnfitToTravel, false, false, "not fit to travel (I2)"};

TEST(EligibilityTest, OnlyMediatorsVerifiersAndAdminsReadConfidentialReasons) {
  for (Role role : {Role::kMediator, Role::kVerifier, Role::kAdmin}) {
    EXPECT_TRUE(MaySeeConfidential(role));
    EXPECT_EQ(DescribeObstacle(kRefused, role), kRefused.detail);
    EXPECT_EQ(ObstacleKindNameFor(kRefused, role), "consent_refused");
  }
  for (Role role : {Role::kNegotiator, Role::kObserver}) {
    EXPECT_FALSE(MaySeeConfidential(role));
    EXPECT_EQ(DescribeObstacle(kRefused, role), "not available (confidential)");
    EXPECT_EQ(ObstacleKindNameFor(kRefused, role), "confidential");
    // What is not confidential reads the same for everyone.
    EXPECT_EQ(DescribeObstacle(kHold, role), kHold.detail);
    EXPECT_EQ(ObstacleKindNameFor(kUnfit, role), "unfit_to_travel");
  }
}

TEST(EligibilityTest, HiddenReasonsCollapseIntoOneSoTheirNumberDoesNotShow) {
  std::vector<Obstacle> obstacles = {kHold, kRefused, kSecondSecret, kUnfit};
  EXPECT_EQ(
      DescribeObstacles(obstacles, Role::kNegotiator),
      (std::vector<std::string>{kHold.detail, "not available (confidential)", kUnfit.detail}));
  EXPECT_EQ(DescribeObstacles(obstacles, Role::kMediator),
            (std::vector<std::string>{kHold.detail, kRefused.detail, kSecondSecret.detail,
                                      kUnfit.detail}));
}

TEST(EligibilityTest, SelectionIsBlockedOnlyByBlockingObstacles) {
  EXPECT_FALSE(BlocksSelection({}));
  EXPECT_FALSE(BlocksSelection({kUnfit}));
  EXPECT_TRUE(BlocksSelection({kUnfit, kRefused}));
  EXPECT_EQ(ObstacleKindName(ObstacleKind::kErased), "erased");
}

}  // namespace
}  // namespace canje::negotiation
