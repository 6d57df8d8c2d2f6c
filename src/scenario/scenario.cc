#include "scenario/scenario.h"

#include "scenario/ankara_scenario.h"
#include "scenario/cecot_scenario.h"
#include "scenario/istanbul_scenario.h"

namespace canje::scenario {

std::vector<std::string> ScenarioNames() { return {"cecot-2025", "ankara-2024", "istanbul-style"}; }

Status WriteScenario(const ScenarioOptions& options, const std::filesystem::path& out_dir,
                     std::function<void(int64_t done, int64_t total)> progress) {
  if (options.size < 0) {
    return Status::Usage("size " + std::to_string(options.size) +
                         " is negative; give a positive size, or 0 for the natural size");
  }
  if (options.name == "cecot-2025") {
    return WriteCecot2025(options.seed, options.size, out_dir, std::move(progress));
  }
  if (options.name == "ankara-2024") {
    return WriteAnkara2024(options.seed, options.size, out_dir, std::move(progress));
  }
  if (options.name == "istanbul-style") {
    return WriteIstanbulStyle(options.seed, options.size, out_dir, std::move(progress));
  }
  std::string known;
  for (const std::string& name : ScenarioNames()) known += (known.empty() ? "" : ", ") + name;
  return Status::Usage("unknown scenario '" + options.name + "'; choose one of: " + known);
}

}  // namespace canje::scenario
