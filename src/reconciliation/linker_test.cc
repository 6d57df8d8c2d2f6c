// `canje link` over a real store, in process (instance/testing/test_instance.h): the cecot-2025
// lists loaded as `canje demo` loads them, then the rules of linker.h and decisions.h — a run
// over unchanged lists changes nothing and logs nothing; a reviewer's decision binds the next
// run, both ways, whatever the engine's score.
#include "reconciliation/linker.h"

#include <gtest/gtest.h>

#include "instance/testing/test_instance.h"
#include "reconciliation/review.h"
#include "registry/scenario_loader.h"
#include "scenario/scenario.h"
#include "store/link_tables.h"

namespace canje::reconciliation {
namespace {

class LinkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store_.ok()) << store_.error();
    const std::filesystem::path lists = store_.dir() / "cecot-2025";
    // A fifth of the natural size: enough for the engine to learn, small enough for a unit test.
    Status written = scenario::WriteScenario({"cecot-2025", 1, 170}, lists);
    ASSERT_TRUE(written.ok()) << written.ToString();
    Status loaded = registry::LoadScenario(store_.admin(), lists);
    ASSERT_TRUE(loaded.ok()) << loaded.ToString();
  }

  LinkStoreReport Link() {
    Result<LinkStoreReport> report = LinkStore(store_.admin(), LinkStoreOptions{});
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : LinkStoreReport{};
  }
  int64_t LogSize() { return *store_.admin().store().EventCount(); }
  int64_t PersonOf(int64_t record) {
    auto row = store::FindLinkRecord(store_.admin().store(), record);
    EXPECT_TRUE(row.ok() && row->has_value()) << "record " << record;
    return row.ok() && row->has_value() ? (*row)->person_id : 0;
  }

  instance::testing::TestInstance store_;
};

TEST_F(LinkerTest, ARunOverUnchangedListsAndDecisionsChangesNothingAndLogsNothing) {
  const LinkStoreReport first = Link();
  ASSERT_TRUE(first.changed);
  EXPECT_GE(first.event_seq, 0);
  EXPECT_GT(first.merged, 0) << "the demo's lists name the same people several times";
  EXPECT_LT(first.persons, first.compared);

  const int64_t size = LogSize();
  const LinkStoreReport second = Link();
  EXPECT_FALSE(second.changed);
  EXPECT_EQ(second.event_seq, -1);
  EXPECT_EQ(second.relinked, 0);
  EXPECT_EQ(second.merged, 0);
  EXPECT_EQ(second.persons, first.persons);
  EXPECT_EQ(LogSize(), size) << "an idempotent run appends no event";
}

TEST_F(LinkerTest, AReviewersDecisionBindsTheNextRunBothWays) {
  Link();
  Result<std::vector<ReviewItem>> queue = ListReviewQueue(store_.admin(), 0);
  ASSERT_TRUE(queue.ok()) << queue.status().ToString();
  ASSERT_FALSE(queue->empty()) << "the demo leaves pairs for review";
  const ReviewItem& pair = queue->front();
  const int64_t left = pair.left.record_id, right = pair.right.record_id;
  const bool linked_before = PersonOf(left) == PersonOf(right);

  // Decided the same: one person after the next run, whatever the score said.
  ASSERT_TRUE(DecidePair(store_.admin(), left, right, true, "same cédula on the prison's file").ok());
  EXPECT_EQ(PersonOf(left) == PersonOf(right), linked_before) << "links change only at a run";
  Link();
  EXPECT_EQ(PersonOf(left), PersonOf(right));

  // Decided different: never one person again, and the decision is what binds.
  ASSERT_TRUE(DecidePair(store_.admin(), left, right, false, "brothers, born two years apart").ok());
  const LinkStoreReport after = Link();
  EXPECT_TRUE(after.changed);
  EXPECT_NE(PersonOf(left), PersonOf(right));
  EXPECT_FALSE(Link().changed) << "the split holds on the run after";

  // Deciding again what already binds is refused and changes nothing.
  const int64_t size = LogSize();
  EXPECT_EQ(DecidePair(store_.admin(), left, right, false, "again").status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(LogSize(), size);
}

}  // namespace
}  // namespace canje::reconciliation
