// Solve's contracts on hand-made instances: conflicts, explanations, third-party claims,
// unconditional releases, tiers.
#include "solver/solver.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "solver/instance_json.h"
#include "solver/solution_json.h"

namespace canje::solver {
namespace {

Instance Parse(const std::string& text) {
  Result<Instance> instance = ParseInstanceText(text);
  EXPECT_TRUE(instance.ok()) << instance.status().ToString();
  return instance.ok() ? *instance : Instance{};
}

std::vector<std::string> Paths(const std::vector<ConstraintGroup>& groups) {
  std::vector<std::string> paths;
  for (const auto& group : groups) paths.push_back(group.path);
  std::sort(paths.begin(), paths.end());
  return paths;
}

TEST(SolverTest, InfeasibleInstanceGivesAnIrreducibleConflict) {
  // VEN must give p1 but can receive nothing; max_size and the USA cap are irrelevant.
  Instance instance = Parse(R"({
    "blocs": [{"name": "VEN", "parties": ["VEN"], "rule": {"kind": "count", "ratio": 1}},
              {"name": "WEST", "parties": ["USA"], "rule": {"kind": "value", "ratio": 0.5}}],
    "candidates": [{"id": "a", "person": "p1", "from": "VEN", "to": "USA"},
                   {"id": "b", "person": "p2", "from": "VEN", "to": "VEN", "beneficiary": "USA"}],
    "must_include": ["p1"], "max_size": 5, "max_parties": 2})");
  Result<Solution> solution = Solve(instance, {});
  ASSERT_TRUE(solution.ok());
  EXPECT_EQ(solution->status, SolveStatus::kInfeasible);
  EXPECT_FALSE(solution->objective.has_value());
  EXPECT_TRUE(solution->conflict_irreducible);
  EXPECT_EQ(Paths(solution->conflict),
            (std::vector<std::string>{"$.blocs[0].rule", "$.must_include[0]"}));
  nlohmann::json json = SolutionToJson(*solution);
  EXPECT_EQ(json["status"], "infeasible");
  EXPECT_TRUE(json["objective"].is_null());
  EXPECT_EQ(json["conflict"].size(), 2u);
}

TEST(SolverTest, ReleaseAtHomeCountsForTheBeneficiarysBloc) {
  // p2 is released in Venezuela on the United States' claim: WEST receives, VEN gives.
  Instance instance = Parse(R"({
    "blocs": [{"name": "WEST", "parties": ["SLV", "USA"], "rule": {"kind": "count", "ratio": 1}},
              {"name": "VEN", "parties": ["VEN"], "rule": {"kind": "count", "ratio": 1}}],
    "candidates": [{"id": "a", "person": "p1", "from": "SLV", "to": "VEN"},
                   {"id": "b", "person": "p2", "from": "VEN", "to": "VEN", "beneficiary": "USA"},
                   {"id": "c", "person": "p3", "from": "SLV", "to": "VEN"}]})");
  Result<Solution> solution = Solve(instance, {});
  ASSERT_TRUE(solution.ok());
  EXPECT_EQ(solution->status, SolveStatus::kOptimal);
  EXPECT_EQ(*solution->objective, 2);
  const BlocReport& west = solution->deal.blocs[0];
  EXPECT_EQ(west.received, 1);
  EXPECT_EQ(west.given, 1);
}

TEST(SolverTest, UnconditionalReleasesCountForNeitherSide) {
  Instance instance = Parse(R"({
    "blocs": [{"name": "A", "parties": ["AAA"], "rule": {"kind": "count", "ratio": 1}}],
    "candidates": [{"id": "sick", "person": "p1", "from": "AAA", "to": "BBB",
                    "unconditional": true},
                   {"id": "plain", "person": "p2", "from": "AAA", "to": "BBB"}]})");
  Result<Solution> solution = Solve(instance, {});
  ASSERT_TRUE(solution.ok());
  EXPECT_EQ(solution->deal.selected, std::vector<std::string>{"sick"});
  EXPECT_EQ(solution->deal.blocs[0].given, 0);
}

TEST(SolverTest, TiersAreServedLexicographically) {
  // One slot: the priority-1 person wins even though the priority-2 one is worth more.
  Instance instance = Parse(R"({
    "candidates": [{"id": "urgent", "person": "p1", "from": "AAA", "to": "BBB", "value": 1},
                   {"id": "later", "person": "p2", "from": "AAA", "to": "BBB", "value": 9,
                    "priority": 2}],
    "max_size": 1, "objective": "value"})");
  SolveOptions options;
  options.explain = true;
  Result<Solution> solution = Solve(instance, options);
  ASSERT_TRUE(solution.ok());
  EXPECT_EQ(solution->deal.selected, std::vector<std::string>{"urgent"});
  EXPECT_EQ(solution->deal.tier_objective, (std::vector<double>{1, 0}));
  ASSERT_EQ(solution->excluded.size(), 1u);
  EXPECT_EQ(solution->excluded[0].reasons[0].code, "displaces");
}

TEST(SolverTest, ExplainReportsTiesAndCaps) {
  Instance instance = Parse(R"({
    "candidates": [{"id": "a", "person": "p1", "from": "AAA", "to": "BBB"},
                   {"id": "b", "person": "p2", "from": "AAA", "to": "BBB"},
                   {"id": "c", "person": "p3", "from": "CCC", "to": "DDD"}],
    "max_size": 1, "max_parties": 2})");
  SolveOptions options;
  options.explain = true;
  Result<Solution> solution = Solve(instance, options);
  ASSERT_TRUE(solution.ok());
  ASSERT_EQ(solution->excluded.size(), 2u);
  for (const Exclusion& exclusion : solution->excluded) {
    // Whoever was left out could equally have been chosen.
    EXPECT_EQ(exclusion.reasons[0].code, "tie") << exclusion.person;
  }
}

TEST(SolverTest, ForcedPersonThatBreaksACapIsExplained) {
  Instance instance = Parse(R"({
    "candidates": [{"id": "a", "person": "p1", "from": "AAA", "to": "BBB"},
                   {"id": "far", "person": "p2", "from": "CCC", "to": "DDD", "beneficiary": "EEE"}],
    "max_parties": 2})");
  SolveOptions options;
  options.explain = true;
  Result<Solution> solution = Solve(instance, options);
  ASSERT_TRUE(solution.ok());
  ASSERT_EQ(solution->excluded.size(), 1u);
  const Reason& reason = solution->excluded[0].reasons[0];
  EXPECT_EQ(reason.code, "breaks");
  EXPECT_EQ(Paths(reason.groups), std::vector<std::string>{"$.max_parties"});
}

TEST(SolverTest, RequireUnknownPersonIsAUsageError) {
  Instance instance = Parse(R"({"candidates": [{"id": "a", "person": "p1", "from": "AAA",
                                                "to": "BBB"}]})");
  SolveOptions options;
  options.require_person = "nobody";
  Result<Solution> solution = Solve(instance, options);
  ASSERT_FALSE(solution.ok());
  EXPECT_EQ(solution.status().code(), StatusCode::kUsage);
}

TEST(SolverTest, EmptyInstanceIsAnEmptyOptimalDeal) {
  Result<Solution> solution = Solve(Parse(R"({"candidates": []})"), {});
  ASSERT_TRUE(solution.ok());
  EXPECT_EQ(solution->status, SolveStatus::kOptimal);
  EXPECT_EQ(*solution->objective, 0);
}

}  // namespace
}  // namespace canje::solver
