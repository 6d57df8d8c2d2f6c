// The stages' rules that need no store (stages.h): a handover needs its person's stage started,
// the exchange completes only when every stage has, a stage's number and its persons' file are
// read strictly. The rules on a real store are exercised end to end, on both backends, in
// src/cli/stage_commands_test.cc and src/server/serve_execution_test.cc.
#include <gtest/gtest.h>

#include "negotiation/execution_files.h"
#include "negotiation/stages.h"

namespace canje::negotiation {
namespace {

store::StageRow Stage(int64_t number, const std::string& state) {
  store::StageRow row;
  row.exchange_id = 1;
  row.number = number;
  row.name = "Day " + std::to_string(number);
  row.planned_on = "2025-05-2" + std::to_string(number + 2);
  row.state = state;
  return row;
}

// Day 1 completed (P1), Day 2 started (P2), Day 3 planned (P3); P4 in no stage.
StagePlan Plan() {
  StagePlan plan;
  plan.stages = {Stage(1, "completed"), Stage(2, "started"), Stage(3, "planned")};
  plan.stage_of = {{1, 1}, {2, 2}, {3, 3}};
  return plan;
}

TEST(StagesTest, AHandoverNeedsItsPersonsStageStarted) {
  const StagePlan plan = Plan();
  EXPECT_TRUE(CheckStageStarted(plan, 1, 2).ok());
  Status planned = CheckStageStarted(plan, 1, 3);
  EXPECT_EQ(planned.code(), StatusCode::kInvalid);
  EXPECT_EQ(planned.message(),
            "P3 is in stage 3 (Day 3), planned for 2025-05-25, which has not started; start it "
            "first (canje exchange stage start X1 3)");
  EXPECT_NE(CheckStageStarted(plan, 1, 1).message().find("which is completed"), std::string::npos);
  EXPECT_NE(CheckStageStarted(plan, 1, 4).message().find("P4 is in no stage of X1"),
            std::string::npos);
  // Without stages, the exchange is one implicit stage: nothing is refused here.
  EXPECT_TRUE(CheckStageStarted(StagePlan{}, 1, 4).ok());
}

TEST(StagesTest, TheExchangeCompletesOnlyWhenEveryStageHas) {
  StagePlan plan = Plan();
  Status open = CheckEveryStageCompleted(plan, 1);
  EXPECT_EQ(open.code(), StatusCode::kInvalid);
  EXPECT_NE(open.message().find("2 of 3 stages are not completed: stage 2 (Day 2) is started, "
                                "stage 3 (Day 3) is planned"),
            std::string::npos)
      << open.message();
  for (auto& stage : plan.stages) stage.state = "completed";
  EXPECT_TRUE(CheckEveryStageCompleted(plan, 1).ok());
  EXPECT_TRUE(CheckEveryStageCompleted(StagePlan{}, 1).ok());
}

TEST(StagesTest, NumbersAndPersonsFilesAreReadStrictly) {
  EXPECT_EQ(*ParseStageNumber("3"), 3);
  for (const char* bad : {"", "0", "-1", "1a", "one", "99999999999"}) {
    EXPECT_EQ(ParseStageNumber(bad).status().code(), StatusCode::kUsage) << bad;
  }
  auto persons = ParseStagePersonsCsv("Person\nP3\n4\n", "day1.csv");
  ASSERT_TRUE(persons.ok()) << persons.status().ToString();
  ASSERT_EQ(persons->size(), 2u);
  EXPECT_EQ((*persons)[1].person_id, 4);
  EXPECT_EQ((*persons)[1].where, "day1.csv:3:1: ");
  auto bad = ParseStagePersonsCsv("person\nP3\nX4\n", "day1.csv");
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalid);
  EXPECT_NE(bad.status().message().find("day1.csv:3:1: "), std::string::npos)
      << bad.status().message();
  auto extra = ParseStagePersonsCsv("person,seat\nP3,1\n", "day1.csv");
  EXPECT_NE(extra.status().message().find("day1.csv:1:2: unknown column 'seat'"),
            std::string::npos);
  EXPECT_NE(ParseStagePersonsCsv("person\n", "day1.csv").status().message().find("no rows"),
            std::string::npos);
}

}  // namespace
}  // namespace canje::negotiation
