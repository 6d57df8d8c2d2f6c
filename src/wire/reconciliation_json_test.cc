// Golden tests of reconciliation's counts and list entries (reconciliation_json.h), with
// synthetic lists and persons; and of the golden comparison itself.
#include "wire/reconciliation_json.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "wire/golden.h"

namespace canje::wire {
namespace {

reconciliation::ReconciliationStatus SampleStatus() {
  reconciliation::ReconciliationStatus status;
  store::ListRow roster;
  roster.id = 2;
  roster.kind = "custody_roster";
  roster.party = "AAA";
  roster.source = "Ministry of Tests";
  store::ListRow claims = roster;
  claims.id = 3;
  claims.kind = "claim_list";
  claims.party = "BBB";
  claims.source = "Family association";
  status.lists = {{roster, 4, 3, {{"held", 3}}, 1, 0}, {claims, 2, 2, {{"held", 2}}, 0, 1}};
  status.parties = {{"AAA", 3, 2, {{"held", 2}}}, {"BBB", 0, 0, {}}};
  status.superseded_lists = {1};
  status.review_queue = 2;
  return status;
}

TEST(ReconciliationJsonTest, CountsForAllAndForOneParty) {
  nlohmann::json shapes = {
      {"all", ReconciliationCountsJson(SampleStatus(), "", 0)},
      {"party_aaa", ReconciliationCountsJson(SampleStatus(), "AAA", 0)},
  };
  EXPECT_TRUE(MatchesGolden(shapes, "reconciliation_counts"));
}

TEST(ReconciliationJsonTest, ListEntry) {
  reconciliation::ListEntry entry{2, 3, {11, 12}, "AAA", "held", false};
  EXPECT_TRUE(MatchesGolden(ListEntryJson(entry), "reconciliation_list_entry"));
}

// A person on no roster of the holder says how close its closest roster record came.
TEST(ReconciliationJsonTest, ListEntryNotOnRosterWithItsClosestRosterProbability) {
  reconciliation::ListEntry entry{3, 7, {21}, "AAA", "not_on_roster", false, 0.000375};
  EXPECT_TRUE(MatchesGolden(ListEntryJson(entry), "reconciliation_list_entry_not_on_roster"));
}

// The comparison fails on any difference, naming the shape and showing the changed lines.
TEST(GoldenTest, AMappingThatDiffersFailsWithALineDiff) {
  if (std::getenv("CANJE_UPDATE_GOLDEN") != nullptr) GTEST_SKIP() << "writing expected files";
  reconciliation::ListEntry entry{2, 3, {11, 12}, "AAA", "held", false};
  nlohmann::json changed = ListEntryJson(entry);
  changed["holder"] = "ZZZ";
  ::testing::AssertionResult result = MatchesGolden(changed, "reconciliation_list_entry");
  ASSERT_FALSE(result);
  const std::string message = result.message();
  EXPECT_NE(message.find("reconciliation_list_entry"), std::string::npos) << message;
  EXPECT_NE(message.find("-   \"holder\": \"AAA\","), std::string::npos) << message;
  EXPECT_NE(message.find("+   \"holder\": \"ZZZ\","), std::string::npos) << message;
  EXPECT_FALSE(MatchesGolden(ListEntryJson(entry), "no_such_shape"));
}

TEST(GoldenTest, LineDiffKeepsContextAndSkipsTheRest) {
  const std::string expected = "a\nb\nc\nd\ne\nf\ng\nh\n";
  const std::string actual = "a\nb\nc\nd\nE\nf\ng\nh\n";
  EXPECT_EQ(LineDiff(expected, actual), "  c\n  d\n- e\n+ E\n  f\n  g\n");
  EXPECT_EQ(LineDiff(expected, expected), "");
}

}  // namespace
}  // namespace canje::wire
