// Golden tests of the execution shapes (execution_json.h): readiness, handovers, the
// reconciliation of counts and what recording answers, with synthetic parties and persons.
#include "wire/execution_json.h"

#include <gtest/gtest.h>

#include "wire/golden.h"
#include "wire/wire_test_samples.h"

namespace canje::wire {
namespace {

store::HandoverRow SampleHandover() {
  store::HandoverRow row;
  row.exchange_id = 4;
  row.person_id = 3;
  row.handed_over_at = "2030-03-01T08:30:00Z";
  row.place = "Test airfield, gate 2";
  row.to_party = "BBB";
  row.witnesses = {"observer one", "observer two"};
  row.recorded_at = "2030-03-01T09:00:00Z";
  row.recorded_by = "verifier.one";
  row.recorder_party = "MED";
  return row;
}

const Names kExecutionNames = testing::PersonNames({3, 5});

TEST(ExecutionJsonTest, Readiness) {
  negotiation::ReadinessReport report;
  report.exchange = testing::SampleExchangeRow();
  report.state = "executing";
  report.agreed_version = 7;
  report.date = "2030-03-01";
  negotiation::PersonReadiness handed;
  handed.transfer = {3, "AAA", "BBB", "BBB", false};
  handed.status = "handed over";
  handed.handover = SampleHandover();
  negotiation::PersonReadiness blocked;
  blocked.transfer = {5, "AAA", "BBB", "BBB", false};
  blocked.status = "blocked";
  blocked.obstacles = {{"hold", "under hold H2", true}, {"confidential", "not available", false}};
  negotiation::PersonReadiness staying;
  staying.transfer = {8, "BBB", "AAA", "AAA", false};
  staying.status = "not travelling";
  staying.reason = "unfit";
  staying.reason_text = "unfit to travel";
  staying.note = "synthetic note";
  report.persons = {handed, blocked, staying};
  report.blocked = 1;
  report.not_travelling = 1;
  report.handed_over = 1;
  EXPECT_EQ(PersonsOf(report), (std::vector<int64_t>{3, 5, 8}));
  EXPECT_TRUE(MatchesGolden(ReadinessJson(report, kExecutionNames), "execution_readiness"));
}

TEST(ExecutionJsonTest, Handover) {
  EXPECT_TRUE(MatchesGolden(HandoverJson(SampleHandover(), kExecutionNames), "execution_handover"));
}

TEST(ExecutionJsonTest, Reconciliation) {
  negotiation::ExchangeReconciliation r;
  r.exchange = testing::SampleExchangeRow();
  r.state = "completed";
  r.agreed_version = 7;
  r.manifest_sha256 = std::string(64, 'a');
  r.signatures = {{"AAA", "ed25519:0011223344556677"}};
  r.log_size = 42;
  r.log_root = std::string(64, 'b');
  r.generated_at = "2030-03-02T10:00:00Z";
  r.date = "2030-03-02";
  negotiation::DirectionCounts d;
  d.from = "AAA";
  d.to = "BBB";
  d.agreed = 2;
  d.verified = 2;
  d.handed_over = 1;
  d.not_travelling = {{"unfit", 1}};
  d.reported = {{"BBB", 1, true, 3, 1, {1, 2}, "synthetic note", "2030-03-02T09:00:00Z",
                 "negotiator.bbb", 0}};
  d.differences = {{"not_travelling", "unfit", 5, "", 1, true, "P5 does not travel: unfit"},
                   {"count_unexplained", "", 0, "BBB", 1, false, "one person unexplained"}};
  d.unexplained = 1;
  r.counts.directions = {d};
  r.counts.unexplained = 1;
  EXPECT_EQ(PersonsOf(r), (std::vector<int64_t>{5}));
  EXPECT_TRUE(MatchesGolden(ReconciliationJson(r, kExecutionNames), "execution_reconciliation"));
}

TEST(ExecutionJsonTest, RecordingAnswers) {
  negotiation::NewCountReport report;
  report.party = "BBB";
  report.from = "AAA";
  report.to = "BBB";
  report.count = 2;
  report.has_persons = true;
  nlohmann::json answers = {
      {"recorded", RecordedPersonsJson(4, 2, {3, 5})},
      {"report", CountReportedJson(4, 6, report)},
      {"obstacles", ObstaclesJson({{"hold", "under hold H2", true}})},
  };
  EXPECT_TRUE(MatchesGolden(answers, "execution_recorded"));
}

}  // namespace
}  // namespace canje::wire
