// The same random instances written with ModelAsLp (--write-lp) and solved by the `cbc` command
// give the same optimum as Solve.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "solver/instance_json.h"
#include "solver/random_instance.h"
#include "solver/solver.h"

namespace canje::solver {
namespace {

bool CbcAvailable() { return std::system("command -v cbc >/dev/null 2>&1") == 0; }

// Runs `cbc` on `lp` and returns the first line of its solution file.
std::string RunCbc(const std::filesystem::path& directory, const std::string& lp) {
  const auto model = directory / "model.lp";
  const auto solution = directory / "solution.txt";
  std::ofstream(model) << lp;
  std::filesystem::remove(solution);
  const std::string command =
      "cbc '" + model.string() + "' solve solu '" + solution.string() + "' >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0) return "cbc failed";
  std::ifstream in(solution);
  std::string line;
  std::getline(in, line);
  return line;
}

TEST(LpCbcTest, CbcCommandFindsTheSameOptimum) {
  if (!CbcAvailable()) GTEST_SKIP() << "the cbc command is not installed";
  auto directory =
      std::filesystem::temp_directory_path() / ("canje-solver-lp-" + std::to_string(::getpid()));
  std::filesystem::create_directories(directory);
  std::mt19937 rng(4242);
  int compared = 0, infeasible = 0;
  for (int k = 0; k < 100; ++k) {
    Instance instance = testing::RandomInstance(rng, 10);
    SCOPED_TRACE(InstanceToJson(instance).dump());
    Result<Solution> solved = Solve(instance, SolveOptions{});
    ASSERT_TRUE(solved.ok());
    const std::string first_line = RunCbc(directory, ModelAsLp(instance, &*solved));
    if (solved->status == SolveStatus::kInfeasible) {
      ++infeasible;
      // cbc says "Infeasible" or, when the LP relaxation is feasible, "Integer infeasible".
      EXPECT_TRUE(first_line.rfind("Infeasible", 0) == 0 ||
                  first_line.rfind("Integer infeasible", 0) == 0)
          << first_line;
      continue;
    }
    ASSERT_EQ(solved->status, SolveStatus::kOptimal);
    ASSERT_EQ(first_line.rfind("Optimal - objective value ", 0), 0u) << first_line;
    const double cbc_objective = std::stod(first_line.substr(26));
    EXPECT_NEAR(cbc_objective, *solved->objective, 1e-6);
    ++compared;
  }
  std::filesystem::remove_all(directory);
  EXPECT_GT(compared, 50);
  EXPECT_GT(infeasible, 0);
}

TEST(LpCbcTest, WritesReadableLp) {
  Instance instance;
  instance.blocs.push_back({"WEST", {"SLV", "USA"}, {Rule::Kind::kValue, 1.0}});
  Candidate c;
  c.id = "id with spaces/and:colons";
  c.person = "p1";
  c.from = "VEN";
  c.to = "VEN";
  c.beneficiary = "USA";
  instance.candidates.push_back(c);
  instance.max_parties = 1;
  const std::string lp = ModelAsLp(instance, nullptr);
  EXPECT_NE(lp.find("Maximize"), std::string::npos);
  EXPECT_NE(lp.find("x_0_id_with_spaces_and_colons"), std::string::npos);
  EXPECT_NE(lp.find("max_parties: "), std::string::npos);
  EXPECT_NE(lp.find("End"), std::string::npos);
}

}  // namespace
}  // namespace canje::solver
