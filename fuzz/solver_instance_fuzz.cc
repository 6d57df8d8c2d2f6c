// Fuzz target: solver instance files (`canje solve INSTANCE.json`). Errors must be messages
// naming a JSON path, never crashes; an instance that parses writes back to one that parses.
#include <string>

#include "core/utf8.h"
#include "fuzz/fuzz_target.h"
#include "solver/instance_json.h"

std::vector<std::string> FuzzSeeds() {
  std::vector<std::string> seeds;
  for (std::string& file : SourceFiles("examples/solver", ".json")) {
    seeds.push_back(std::move(file));  // instances and expected deals (the latter are refused)
  }
  return seeds;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto instance = canje::solver::ParseInstanceText(text);
  if (!instance.ok()) {
    FuzzCheck(canje::IsValidUtf8(instance.status().message()),
              "a message about a solver instance is not UTF-8");
    return 0;
  }
  auto again = canje::solver::ParseInstance(canje::solver::InstanceToJson(*instance));
  FuzzCheck(again.ok(), "an instance that parsed does not parse once written back");
  return 0;
}
