// Golden tests of the exchange shapes (exchange_json.h): values built by hand with synthetic
// parties (AAA, BBB, MED) and persons, mapped and compared with testdata/exchange_*.json.
#include "wire/exchange_json.h"

#include <gtest/gtest.h>

#include "wire/golden.h"
#include "wire/wire_test_samples.h"

namespace canje::wire {
namespace {

using testing::CountRule;
using testing::SampleExchangeRow;

// Two candidates: P3 from AAA to BBB (named), P8 from BBB to AAA (name not visible).
negotiation::ExchangeCandidates SampleCandidates() {
  negotiation::ExchangeCandidates candidates;
  candidates.details.exchange = SampleExchangeRow();
  candidates.date = "2030-02-01";
  candidates.instance.blocs = {{"AAA", {"AAA"}, CountRule(1)}, {"BBB", {"BBB"}, CountRule(1)}};
  candidates.instance.candidates = {
      {"c1", "P3", "AAA", "BBB", "BBB", 2.0, 1.0, 1, false},
      {"c2", "P8", "BBB", "AAA", "AAA", 1.0, 1.5, 2, true},
  };
  candidates.candidates = {{11, 3, {{"transport", "needs an escort"}}}, {12, 8, {}}};
  candidates.excluded = {{13, 9, "AAA", "AAA", {{"hold", "under hold H2"}}}};
  return candidates;
}

const Names kExchangeNames = testing::PersonNames({3, 9});

TEST(ExchangeJsonTest, RowAndDetails) {
  EXPECT_TRUE(MatchesGolden(ExchangeRowJson(SampleExchangeRow()), "exchange_row"));
  negotiation::ExchangeDetails details;
  details.exchange = SampleExchangeRow();
  details.exchange.max_size.reset();
  details.exchange.occurred_at = "2029-11-30";  // begun before canje, recorded after the fact
  details.blocs = {{"AAA", CountRule(1), {"AAA"}},
                   {"BBB+CCC", solver::Rule{}, {"BBB", "CCC"}}};
  store::ClaimRow claim;
  claim.id = 11;
  claim.exchange_id = 4;
  claim.person_id = 3;
  claim.claimant = "BBB";
  claim.destination = "CCC";
  claim.value = 2.5;
  claim.priority = 1;
  claim.claimed_at = "2030-01-03T09:00:00Z";
  claim.claimed_by = "negotiator.bbb";
  store::ClaimRow unnamed = claim;
  unnamed.id = 12;
  unnamed.person_id = 8;
  unnamed.unconditional = true;
  details.claims = {claim, unnamed};
  details.costs = {{4, 3, "AAA", 3.0, "2030-01-04T09:00:00Z", "negotiator.aaa"}};
  details.guarantors = {"MED"};
  details.observers = {"OBS"};
  EXPECT_TRUE(MatchesGolden(ExchangeDetailsJson(details, kExchangeNames), "exchange_details"));
}

TEST(ExchangeJsonTest, ChangesOfAnExchange) {
  nlohmann::json answers = {
      {"create", ExchangeCreatedJson(4, {"north-river-2030", "MED"})},
      {"create_after_the_fact", ExchangeCreatedJson(4, {"north-river-2030", "MED", "2029-11-30"})},
      {"party_add", ExchangePartyJson(4, "AAA", "AAA+CCC")},
      {"rule", BlocRuleSetJson(4, "AAA+CCC", CountRule(0.5))},
      {"rule_none", BlocRuleSetJson(4, "BBB", solver::Rule{})},
      {"caps", ExchangeCapsJson(4, {std::nullopt, 3, solver::Objective::kValue})},
      {"claim", ClaimsAddedJson(4, "BBB", "CCC", {3, 8, 9}, {1, 1, 1})},
      {"cost", CostsSetJson(4, "AAA", 2.5, {3})},
  };
  EXPECT_TRUE(MatchesGolden(answers, "exchange_changes"));
}

TEST(ExchangeJsonTest, Candidates) {
  EXPECT_TRUE(MatchesGolden(ExchangeCandidatesJson(4, SampleCandidates(), kExchangeNames),
                            "exchange_candidates"));
}

TEST(ExchangeJsonTest, Deal) {
  negotiation::ExchangeDeal deal;
  deal.candidates = SampleCandidates();
  deal.names = kExchangeNames;
  deal.solution.status = solver::SolveStatus::kOptimal;
  deal.solution.objective = 1;
  deal.solution.bound = 1;
  deal.solution.deal.selected = {"c1"};
  deal.solution.deal.objective = 1;
  deal.solution.deal.tiers = {1};
  deal.solution.deal.tier_objective = {1};
  deal.solution.deal.blocs = {{"AAA", 1, 0, 1.0, 0.0, CountRule(1), false},
                              {"BBB", 0, 1, 0.0, 2.0, CountRule(1), true}};
  deal.not_chosen = {{8, {{"balance", "would break side BBB's rule"}}},
                     {9, {{"hold", "under hold H2"}}}};
  EXPECT_TRUE(MatchesGolden(ExchangeDealJson(4, deal), "exchange_deal"));
}

}  // namespace
}  // namespace canje::wire
