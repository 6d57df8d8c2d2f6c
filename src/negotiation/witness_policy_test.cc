#include "negotiation/witness_policy.h"

#include <gtest/gtest.h>

namespace canje::negotiation {
namespace {

const store::WitnessPolicyRow kTwoOfThree{1, 2, {"icrc.example", "slv.example", "ven.example"}};

TEST(DecideFinalityTest, FinalOnlyWhenEnoughPolicyWitnessesCosignedPastTheEntry) {
  // Entry 57 needs a cosigned checkpoint of size 58 or more.
  Finality one = DecideFinality(kTwoOfThree, 57, {{"ven.example", 60}, {"slv.example", 57}}, "");
  EXPECT_FALSE(one.final);
  ASSERT_EQ(one.witnesses.size(), 3u);
  EXPECT_FALSE(one.witnesses[0].covers);  // icrc: nothing cosigned
  EXPECT_FALSE(one.witnesses[1].covers);  // slv: size 57 does not hold entry 57
  EXPECT_TRUE(one.witnesses[2].covers);
  EXPECT_NE(one.detail.find("cosigned by ven.example (2 of 3 witnesses required)"),
            std::string::npos)
      << one.detail;

  Finality two = DecideFinality(kTwoOfThree, 57, {{"ven.example", 60}, {"slv.example", 58}}, "");
  EXPECT_TRUE(two.final);
  EXPECT_EQ(two.threshold, 2);
  EXPECT_EQ(two.entry, 57);

  // A witness outside the policy does not count, however far it cosigned.
  Finality outsider =
      DecideFinality(kTwoOfThree, 57, {{"ven.example", 60}, {"usa.example", 99}}, "");
  EXPECT_FALSE(outsider.final);
}

TEST(DecideFinalityTest, NothingIsFinalWithoutAPolicyOrBeforeTheEvent) {
  Finality no_policy = DecideFinality(std::nullopt, 3, {{"ven.example", 60}}, "");
  EXPECT_FALSE(no_policy.final);
  EXPECT_EQ(no_policy.threshold, 0);
  EXPECT_NE(no_policy.detail.find("no witness policy"), std::string::npos);

  Finality not_yet = DecideFinality(kTwoOfThree, -1, {{"ven.example", 60}, {"slv.example", 60}},
                                    "not every party's signature of V3 is valid yet");
  EXPECT_FALSE(not_yet.final);
  EXPECT_EQ(not_yet.detail, "not every party's signature of V3 is valid yet");
  EXPECT_FALSE(not_yet.witnesses[2].covers);
}

}  // namespace
}  // namespace canje::negotiation
