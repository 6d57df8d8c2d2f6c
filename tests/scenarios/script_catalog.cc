#include "script_catalog.h"

#include <algorithm>
#include <cctype>

namespace canje::scenario_script {

std::vector<ScenarioScript> FindScenarioScripts(const std::filesystem::path& source) {
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

void PrintTo(const ScenarioScript& script, std::ostream* out) { *out << script.shown_path; }

}  // namespace canje::scenario_script
