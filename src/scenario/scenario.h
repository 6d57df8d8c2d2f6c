// Synthetic negotiation scenarios for canje: the lists each party would bring to the table,
// with realistic names, realistic disagreements between the lists, and the ground truth of who
// is who. See docs/scenarios.md for what each scenario contains and the error model.
//
// Example:
//   Status status = WriteScenario({.name = "cecot-2025", .seed = 7}, "out/");
//
// Output (all UTF-8): one CSV file per list (RFC 4180, header of canonical column names),
// truth.csv (file, record_id, person_key, errors: the true identity of every record and the
// error-model operations that made it differ) and scenario.json (parties and lists, in the
// order the lists should be imported). The same options always produce byte-identical files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"

namespace canje::scenario {

struct ScenarioOptions {
  std::string name;   // one of ScenarioNames()
  uint64_t seed = 1;  // any value; equal seeds give identical files
  // The population: 0 for the scenario's natural size, else the number of people the scenario
  // is scaled to (for cecot-2025 the size of Venezuela's custody roster, natural 850; for
  // ankara-2024 the number of people exchanged, natural 26; for istanbul-style the number
  // exchanged each way, natural 60). Every list scales with it.
  int64_t size = 0;
};

// The scenarios WriteScenario knows: "cecot-2025", "ankara-2024", "istanbul-style".
std::vector<std::string> ScenarioNames();

// Writes the scenario's files into `out_dir` (created if missing; files of the same names are
// overwritten). `progress`, when given, is called from time to time with the work done so far
// and the total, and once at the end with done == total.
// Errors: kUsage for an unknown name or a size out of range; kCannotWrite when the directory
// or a file cannot be written.
Status WriteScenario(const ScenarioOptions& options, const std::filesystem::path& out_dir,
                     std::function<void(int64_t done, int64_t total)> progress = {});

}  // namespace canje::scenario
