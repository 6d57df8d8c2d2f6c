// Claims on a real store (exchange.h AddClaims): a list claimed again at a weaker priority
// leaves the stronger priority of the claims made before unless the claim says --replace, and
// the outcome counts what was added, kept and replaced; a negotiator may claim, for its own
// party, only from lists it may act on (instance/need_to_know.h).
#include <gtest/gtest.h>

#include "instance/ids.h"
#include "negotiation/exchange.h"
#include "negotiation/exchange_test_store.h"
#include "store/exchange_tables.h"

namespace canje::negotiation {
namespace {

class ClaimPriorityTest : public testing::ExchangeTestStore {
 protected:
  void SetUp() override { SetUpExchange(); }

  Result<ClaimOutcome> Claim(const std::string& user, const std::vector<int64_t>& persons,
                             int64_t priority, ClaimMode mode, double value = 1) {
    std::vector<NewClaim> claims;
    for (int64_t person : persons) claims.push_back({person, "VEN", "", value, priority, false});
    return AddClaims(As(user), exchange_, claims, mode);
  }

  // Expects `outcome` to have succeeded with these numbers of claims added, kept and replaced.
  static void ExpectCounts(const Result<ClaimOutcome>& outcome, int64_t added, int64_t kept,
                           int64_t replaced) {
    ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
    EXPECT_EQ(outcome->added, added);
    EXPECT_EQ(outcome->kept, kept);
    EXPECT_EQ(outcome->replaced, replaced);
  }

  // The priority and value of VEN's claim on each person, by person.
  std::map<int64_t, std::pair<int64_t, double>> VenClaims() {
    std::map<int64_t, std::pair<int64_t, double>> out;
    auto claims = store::ClaimsOf(store_.admin().store(), exchange_);
    EXPECT_TRUE(claims.ok()) << claims.status().ToString();
    if (!claims.ok()) return out;
    for (const auto& claim : *claims) {
      if (claim.claimant == "VEN") out[claim.person_id] = {claim.priority, claim.value};
    }
    return out;
  }
};

TEST_F(ClaimPriorityTest, AWeakerClaimKeepsTheStrongerPriorityUnlessItReplaces) {
  // VEN's negotiator claims one person as most urgent, with a value of its own.
  auto first = Claim("ven", {roster_[1]}, 1, ClaimMode::kKeepStronger, 5);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->added, 1);

  // The mediator claims the whole roster for VEN at tier 2: three new claims, one kept.
  const int64_t before = LogSize();
  ExpectCounts(Claim("med", roster_, 2, ClaimMode::kKeepStronger), 3, 1, 0);
  EXPECT_EQ(LogSize(), before + 3) << "a kept claim is not logged: nothing changed";
  auto claims = VenClaims();
  EXPECT_EQ(claims[roster_[1]], (std::pair<int64_t, double>{1, 5})) << "the claim was weakened";
  EXPECT_EQ(claims[roster_[0]], (std::pair<int64_t, double>{2, 1}));

  // Claimed again all at a weaker tier: every claim kept, nothing written.
  const int64_t unchanged = LogSize();
  ExpectCounts(Claim("med", roster_, 4, ClaimMode::kKeepStronger), 0, 4, 0);
  EXPECT_EQ(LogSize(), unchanged);

  // A stronger claim needs no --replace: it raises the priority.
  auto raised = Claim("med", {roster_[0]}, 1, ClaimMode::kKeepStronger, 4);
  ASSERT_TRUE(raised.ok()) << raised.status().ToString();
  EXPECT_EQ(raised->replaced, 1);
  EXPECT_EQ(VenClaims()[roster_[0]], (std::pair<int64_t, double>{1, 4}));

  // With --replace every earlier claim takes the new terms, and the log says what it was.
  ExpectCounts(Claim("med", roster_, 3, ClaimMode::kReplace), 0, 0, 4);
  for (const auto& [person, terms] : VenClaims()) {
    EXPECT_EQ(terms, (std::pair<int64_t, double>{3, 1})) << instance::PersonId(person);
  }
  nlohmann::json payload;
  EXPECT_EQ(LastEvent(&payload).type, "exchange.claimed");
  EXPECT_EQ(payload["replaces_earlier"], true);
  EXPECT_EQ(payload["earlier_priority"], 2) << payload.dump();
  EXPECT_EQ(payload["priority"], 3);
}

// "All for all": VEN claims every person El Salvador holds. The mediator may claim SLV's roster
// for VEN; VEN's own negotiator may not act on another party's list (the need-to-know rule,
// instance/need_to_know.h: a negotiator claims from its own party's lists only), and is told so
// as for a list that does not exist — it claims person by person, or from a list of its own
// that `canje link` tied to the roster's persons.
TEST_F(ClaimPriorityTest, AllForAllOnTheOtherSidesRosterIsTheMediatorsOrByPerson) {
  Result<std::vector<int64_t>> refused = PersonOrListPersons(As("ven"), "", "L1");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kNotFound);
  EXPECT_NE(refused.status().message().find("no list L1 that you may see"), std::string::npos)
      << refused.status().message();

  Result<std::vector<int64_t>> listed = PersonOrListPersons(As("med"), "", "L1");
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  auto all = Claim("med", *listed, 1, ClaimMode::kKeepStronger);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->added, 4);

  // Person by person, VEN's negotiator claims for VEN, never for SLV.
  auto own = Claim("ven", {roster_[2]}, 1, ClaimMode::kKeepStronger);
  EXPECT_TRUE(own.ok()) << own.status().ToString();
  std::vector<NewClaim> for_slv = {{roster_[2], "SLV", "", 1, 1, false}};
  EXPECT_EQ(AddClaims(As("ven"), exchange_, for_slv).status().code(), StatusCode::kNotPermitted);
}

}  // namespace
}  // namespace canje::negotiation
