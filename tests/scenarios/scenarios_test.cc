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
#include "script_catalog.h"
#include "script_executor.h"
#include "script_parser.h"

namespace canje::scenario_script {
namespace {

std::vector<ScenarioScript> FindScripts() { return FindScenarioScripts(CANJE_SOURCE_DIR); }

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
  EXPECT_GE(FindScripts().size(), 3u)
      << "expected tests/scenarios/cecot-2025, ankara-2024 and istanbul-style";
}

}  // namespace
}  // namespace canje::scenario_script
