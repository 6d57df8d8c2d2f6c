// The worked examples in examples/solver/ give their expected deals, reasons and --require
// answers.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "solver/deal_checker.h"
#include "solver/instance_json.h"
#include "solver/solver.h"

namespace canje::solver {
namespace {

std::string ExamplePath(const std::string& name) {
  return std::string(CANJE_SOURCE_DIR) + "/examples/solver/" + name;
}

class ExampleTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ExampleTest, GivesTheExpectedDeal) {
  Result<Instance> instance = ReadInstanceFile(ExamplePath(GetParam() + ".json"));
  ASSERT_TRUE(instance.ok()) << instance.status().ToString();
  std::ifstream expected_file(ExamplePath(GetParam() + ".expected.json"));
  ASSERT_TRUE(expected_file) << "missing expected file";
  nlohmann::json expected = nlohmann::json::parse(expected_file);

  SolveOptions options;
  options.explain = true;
  options.require_person = expected["require"]["person"].get<std::string>();
  Result<Solution> solution = Solve(*instance, options);
  ASSERT_TRUE(solution.ok()) << solution.status().ToString();
  EXPECT_EQ(SolveStatusName(solution->status), expected["status"].get<std::string>());
  EXPECT_DOUBLE_EQ(*solution->objective, expected["objective"].get<double>());
  EXPECT_EQ(std::set<std::string>(solution->deal.selected.begin(), solution->deal.selected.end()),
            expected["selected"].get<std::set<std::string>>());
  EXPECT_TRUE(testing::RuleViolations(*instance, solution->deal.selected).empty());

  std::map<std::string, std::string> codes;
  for (const Exclusion& exclusion : solution->excluded) {
    ASSERT_EQ(exclusion.reasons.size(), 1u) << exclusion.person;
    codes[exclusion.person] = exclusion.reasons[0].code;
  }
  EXPECT_EQ(codes, (expected["excluded"].get<std::map<std::string, std::string>>()));

  ASSERT_TRUE(solution->require.has_value());
  const RequireAnswer& answer = *solution->require;
  const nlohmann::json& require = expected["require"];
  EXPECT_EQ(answer.outcome, require["outcome"].get<std::string>());
  EXPECT_TRUE(answer.proven);
  if (require.contains("bloc")) {
    EXPECT_EQ(answer.bloc, require["bloc"].get<std::string>());
    EXPECT_NEAR(answer.ratio_after, require["ratio_after"].get<double>(), 1e-9);
  }
  ASSERT_TRUE(answer.deal.has_value());
  EXPECT_DOUBLE_EQ(answer.deal->objective, require["objective"].get<double>());
  EXPECT_NE(std::find(answer.deal->selected.begin(), answer.deal->selected.end(),
                      [&] {
                        for (const Candidate& c : instance->candidates) {
                          if (c.person == answer.person) return c.id;
                        }
                        return std::string();
                      }()),
            answer.deal->selected.end());
  for (const BlocReport& bloc : answer.deal->blocs) EXPECT_TRUE(bloc.holds) << bloc.name;
}

INSTANTIATE_TEST_SUITE_P(Shapes, ExampleTest,
                         ::testing::Values("april-2025-equal-number", "july-2025-three-party",
                                           "ankara-2024-value-balance"));

}  // namespace
}  // namespace canje::solver
