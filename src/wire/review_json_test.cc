// Golden tests of `canje link`'s report, the review queue's pairs and what deciding answers
// (review_json.h), with synthetic records.
#include "wire/review_json.h"

#include <gtest/gtest.h>

#include "wire/golden.h"

namespace canje::wire {
namespace {

reconciliation::ReviewSide SampleSide(int64_t record, int64_t list, const std::string& party) {
  reconciliation::ReviewSide side;
  side.record_id = record;
  side.list.id = list;
  side.list.kind = list == 1 ? "custody_roster" : "claim_list";
  side.list.party = party;
  side.line = record + 1;
  side.person_id = record;
  side.person.name = {{"Test", "Person"}, {"Sample"}};
  side.person.date_of_birth = registry::PartialDate{1990, 4, 0,
                                                    registry::PartialDate::Precision::kMonth};
  side.person.sex = registry::Sex::kFemale;
  side.person.nationalities = {"AAA"};
  side.person.documents = {{"passport", "X-0001", "AAA"}};
  return side;
}

linkage::PairExplanation SampleExplanation() {
  linkage::PairExplanation explanation;
  explanation.left_id = "R3";
  explanation.right_id = "R8";
  explanation.prior = 0.001;
  explanation.prior_log2_odds = -9.965;
  explanation.terms = {{"family_name", "exact", "sample", "sample", 0.9, 0.01, 6.49, true},
                       {"date_of_birth", "month", "1990-04", "1990-04", 0.8, 0.05, 4.0, false}};
  explanation.log2_odds = 0.525;
  explanation.probability = 0.59;
  return explanation;
}

TEST(ReviewJsonTest, LinkReportPairsAndDecisions) {
  reconciliation::LinkStoreReport report;
  report.records = 12;
  report.compared = 10;
  report.erased = 1;
  report.superseded = 1;
  report.persons = 8;
  report.relinked = 2;
  report.merged = 2;
  report.review_queue = 1;
  report.decisions_applied = 1;
  report.stale_decisions = {{4, 3, 9, "R9's row is on no current list"}};
  report.changed = true;
  report.event_seq = 41;
  reconciliation::LinkStoreReport unchanged = report;
  unchanged.changed = false;
  unchanged.stale_decisions.clear();

  reconciliation::ReviewItem pair;
  pair.left = SampleSide(3, 1, "AAA");
  pair.right = SampleSide(8, 2, "BBB");
  pair.probability = 0.59;
  pair.explanation = SampleExplanation();
  pair.model = {2, 40, "2030-01-01T12:00:00Z"};
  reconciliation::ReviewItem decided = pair;
  store::ReviewDecisionRow decision;
  decision.id = 5;
  decision.same = true;
  decision.decided_by = "verifier.one";
  decision.decided_at = "2030-01-02T09:00:00Z";
  decided.decision = decision;
  reconciliation::ReviewItem candidate;
  candidate.left = SampleSide(3, 1, "AAA");
  candidate.right.hidden = true;
  candidate.candidate_only = true;

  nlohmann::json shapes = {
      {"link_changed", LinkReportJson(report, reconciliation::LinkStoreOptions())},
      {"link_unchanged", LinkReportJson(unchanged, reconciliation::LinkStoreOptions())},
      {"pair", ReviewItemJson(pair)},
      {"pair_decided", ReviewItemJson(decided)},
      {"candidate_only", ReviewItemJson(candidate)},
      {"decision", DecisionJson({6, 0, 42})},
      {"decision_revising", DecisionJson({7, 6, 43})},
      {"decisions", DecisionsJson({3, 1, 44})},
  };
  EXPECT_TRUE(MatchesGolden(shapes, "review_pairs"));
}

}  // namespace
}  // namespace canje::wire
