// The scenario scripts of tests/scenarios: every folder with a script.canje, found at run time so
// that a new scenario needs no CMake change (scenarios_test.cc, leak_test.cc).
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace canje::scenario_script {

struct ScenarioScript {
  std::filesystem::path folder;
  std::filesystem::path file;
  std::string shown_path;  // relative to the source tree, as failures print it
  std::string test_name;   // the folder's name with every other character than [A-Za-z0-9] as _
};

// Every tests/scenarios/*/script.canje under `source` (the source tree), by test name.
std::vector<ScenarioScript> FindScenarioScripts(const std::filesystem::path& source);

// For GoogleTest's messages.
void PrintTo(const ScenarioScript& script, std::ostream* out);

}  // namespace canje::scenario_script
