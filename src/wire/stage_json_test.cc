// Golden test of a stage's shape (stage_json.h), with synthetic parties and persons: a stage
// postponed once, two persons of one direction and one of another, one named for the reader.
#include "wire/stage_json.h"

#include <gtest/gtest.h>

#include "wire/golden.h"
#include "wire/wire_test_samples.h"

namespace canje::wire {
namespace {

TEST(StageJsonTest, Stage) {
  negotiation::StageView view;
  view.stage.exchange_id = 4;
  view.stage.number = 2;
  view.stage.name = "Day 2";
  view.stage.planned_on = "2030-03-03";
  view.stage.place = "Test airfield, gate 2";
  view.stage.state = "started";
  view.stage.postponements = 1;
  view.stage.postponed_reason = "runway closed";
  view.stage.started_at = "2030-03-03T07:00:00Z";
  view.persons = {{3, "AAA", "BBB", "BBB", false},
                  {5, "AAA", "BBB", "BBB", false},
                  {6, "BBB", "AAA", "AAA", true}};
  view.counts = {{"AAA>BBB", 2}, {"BBB>AAA", 1}};
  view.handed_over = 1;
  view.not_travelling = 1;
  EXPECT_TRUE(MatchesGolden(StageJson(view, testing::PersonNames({3})), "stage"));
}

}  // namespace
}  // namespace canje::wire
