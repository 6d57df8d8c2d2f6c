// Loading a generated scenario (scenario.json and its list files, see docs/scenarios.md) into an
// instance: its parties, then each list in order, each import one event.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "core/status.h"
#include "instance/instance.h"

namespace canje::registry {

struct LoadedList {
  std::string file;
  int64_t list_id = 0;
  int64_t records = 0;
};

// Adds the scenario's parties that the store lacks and imports its lists. `on_list` is called
// after each import. kInvalid when scenario.json is malformed, naming the JSON path.
Status LoadScenario(instance::Instance& instance, const std::filesystem::path& directory,
                    const std::function<void(const LoadedList&)>& on_list = {});

}  // namespace canje::registry
