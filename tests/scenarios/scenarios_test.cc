// One test per scenario script, tests/scenarios/*/script.canje (README.md): the script is parsed
// (a bad line fails with FILE:LINE before anything runs) and run against the real canje binary in
// a fresh folder, on SQLite or, with CANJE_TEST_BACKEND=postgres, on PostgreSQL. A script that
// reaches a `needs` line for a command not built yet stops there, and the test is skipped with a
// "pending: ..." message once the steps above it have passed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"
#include "script_executor.h"
#include "script_parser.h"

namespace canje::scenario_script {
namespace {

struct ScenarioScript {
  std::filesystem::path folder;
  std::filesystem::path file;
  std::string shown_path;  // relative to the source tree, as failures print it
  std::string test_name;   // the folder's name with - as _
};

void PrintTo(const ScenarioScript& script, std::ostream* out) { *out << script.shown_path; }

std::vector<ScenarioScript> FindScripts() {
  const std::filesystem::path source = CANJE_SOURCE_DIR;
  const std::filesystem::path root = source / "tests" / "scenarios";
  std::vector<ScenarioScript> scripts;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(root, error)) {
    const std::filesystem::path file = entry.path() / "script.canje";
    if (!entry.is_directory() || !std::filesystem::exists(file)) continue;
    std::string name = entry.path().filename().string();
    std::replace_if(
        name.begin(), name.end(),
        [](char c) { return std::isalnum(static_cast<unsigned char>(c)) == 0; }, '_');
    scripts.push_back({entry.path(), file, std::filesystem::relative(file, source).string(), name});
  }
  std::sort(scripts.begin(), scripts.end(),
            [](const auto& a, const auto& b) { return a.test_name < b.test_name; });
  return scripts;
}

class ScenarioScriptTest : public ::testing::TestWithParam<ScenarioScript> {};

TEST_P(ScenarioScriptTest, RunsAsWritten) {
  const ScenarioScript& scenario = GetParam();
  std::ifstream in(scenario.file, std::ios::binary);
  ASSERT_TRUE(in) << "cannot read " << scenario.file;
  std::stringstream text;
  text << in.rdbuf();
  Result<Script> script = ParseScript(scenario.shown_path, text.str());
  ASSERT_TRUE(script.ok()) << script.status().message();

  cli::testing::CanjeRunner canje;
  std::cout << scenario.shown_path << " on " << (canje.on_postgres() ? "PostgreSQL" : "SQLite")
            << "\n";
  ScriptExecutor executor(*script, scenario.folder, canje, std::cout);
  ScriptOutcome outcome = executor.Run();
  if (outcome.kind == ScriptOutcome::Kind::kPending) {
    std::cout << outcome.message << "\n";
    GTEST_SKIP() << outcome.message;
  }
  EXPECT_EQ(outcome.kind, ScriptOutcome::Kind::kPassed) << outcome.message;
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ScenarioScriptTest, ::testing::ValuesIn(FindScripts()),
                         [](const ::testing::TestParamInfo<ScenarioScript>& param) {
                           return param.param.test_name;
                         });

// Guards against a runner that silently finds nothing.
TEST(ScenarioScripts, EveryScenarioFolderHasAScript) {
  EXPECT_GE(FindScripts().size(), 2u) << "expected tests/scenarios/cecot-2025 and ankara-2024";
}

}  // namespace
}  // namespace canje::scenario_script
