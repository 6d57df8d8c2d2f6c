#include "negotiation/hold_scope.h"

#include <gtest/gtest.h>

namespace canje::negotiation {
namespace {

store::PersonView Person(int64_t id, std::string nationalities, std::string categories,
                         std::vector<std::pair<std::string, std::string>> custody) {
  store::PersonView view;
  view.person.id = id;
  view.person.nationalities = std::move(nationalities);
  view.person.categories = std::move(categories);
  for (auto& [holder, basis] : custody) {
    store::CustodyRow row;
    row.person_id = id;
    row.holder = holder;
    row.legal_basis = basis;
    row.status = "held";
    view.custody.push_back(row);
  }
  return view;
}

store::HoldRow RuleHold(std::string holder, std::string nationality, std::string category) {
  store::HoldRow hold;
  hold.id = 1;
  hold.issuer = "Supreme Court";
  hold.reference = "24A931";
  hold.effective_from = "2025-04-19";
  hold.rule_holder = std::move(holder);
  hold.rule_nationality = std::move(nationality);
  hold.rule_category = std::move(category);
  return hold;
}

TEST(HoldScopeTest, ARuleCoversExactlyThePersonsMatchingEveryGivenField) {
  store::HoldRow hold = RuleHold("SLV", "VEN", "deportee");
  EXPECT_TRUE(HoldCovers(hold, Person(1, "VEN", "deportee", {{"SLV", "custody agreement"}})));
  EXPECT_TRUE(HoldCovers(hold, Person(2, "COL|VEN", "minor|deportee", {{"USA", ""}, {"SLV", ""}})));
  EXPECT_FALSE(HoldCovers(hold, Person(3, "COL", "deportee", {{"SLV", ""}})));    // nationality
  EXPECT_FALSE(HoldCovers(hold, Person(4, "VEN", "journalist", {{"SLV", ""}})));  // category
  EXPECT_FALSE(HoldCovers(hold, Person(5, "VEN", "deportee", {{"VEN", ""}})));    // holder
  EXPECT_FALSE(HoldCovers(hold, Person(6, "VEN", "deportee", {})));  // no custody at all
  // Items match whole, not as substrings.
  EXPECT_FALSE(HoldCovers(RuleHold("", "VE", ""), Person(7, "VEN", "", {})));
}

TEST(HoldScopeTest, AnEmptyRuleFieldDoesNotFilter) {
  store::HoldRow by_nationality = RuleHold("", "VEN", "");
  EXPECT_TRUE(HoldCovers(by_nationality, Person(1, "VEN", "other", {})));
  EXPECT_FALSE(HoldCovers(by_nationality, Person(2, "SLV", "other", {})));
}

TEST(HoldScopeTest, LegalBasisMatchesTextInTheSameCustodyRowAsTheHolder) {
  store::HoldRow hold = RuleHold("SLV", "", "");
  hold.rule_legal_basis = "personas EXPULSADAS";
  EXPECT_TRUE(HoldCovers(
      hold, Person(1, "VEN", "", {{"SLV", "Acuerdo de custodia (personas expulsadas)"}})));
  // The basis is on a custody row of another holder: not covered.
  EXPECT_FALSE(HoldCovers(
      hold, Person(2, "VEN", "", {{"USA", "personas expulsadas"}, {"SLV", "orden judicial"}})));
}

TEST(HoldScopeTest, ListedPersonsAreTheWholeScope) {
  store::HoldRow hold;
  hold.persons = {3, 9};
  hold.effective_from = "2025-01-01";
  EXPECT_TRUE(HoldCovers(hold, Person(9, "", "", {})));
  EXPECT_FALSE(HoldCovers(hold, Person(4, "VEN", "deportee", {{"SLV", ""}})));
  EXPECT_EQ(DescribeHoldScope(hold), "persons P3 P9");
}

TEST(HoldScopeTest, AHoldWithoutScopeCoversNobody) {
  store::HoldRow hold = RuleHold("", "", "");
  EXPECT_FALSE(HoldHasScope(hold));
  EXPECT_FALSE(HoldCovers(hold, Person(1, "VEN", "deportee", {{"SLV", ""}})));
  EXPECT_EQ(DescribeHoldScope(hold), "(no scope)");
}

TEST(HoldScopeTest, InForceFromItsFirstDayThroughUntilAndBeforeTheDayItWasLifted) {
  store::HoldRow hold = RuleHold("SLV", "", "");
  hold.effective_from = "2025-04-19";
  EXPECT_FALSE(HoldInForce(hold, "2025-04-18"));
  EXPECT_TRUE(HoldInForce(hold, "2025-04-19"));
  EXPECT_TRUE(HoldInForce(hold, "2030-01-01"));  // no end
  hold.effective_until = "2025-06-30";
  EXPECT_TRUE(HoldInForce(hold, "2025-06-30"));
  EXPECT_FALSE(HoldInForce(hold, "2025-07-01"));  // expired
  hold.effective_until = "";
  hold.lifted_on = "2025-07-10";
  EXPECT_TRUE(HoldInForce(hold, "2025-07-09"));
  EXPECT_FALSE(HoldInForce(hold, "2025-07-10"));  // lifted that day
  EXPECT_TRUE(HoldInForce(hold, "2025-05-01"));   // a question about the past still sees it
}

}  // namespace
}  // namespace canje::negotiation
