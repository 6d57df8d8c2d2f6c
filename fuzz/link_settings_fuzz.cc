// Fuzz target: the settings file of `canje link` (JSON). Errors must be messages, never crashes.
#include <string_view>

#include "core/utf8.h"
#include "fuzz/fuzz_target.h"
#include "linkage/link_settings.h"

std::vector<std::string> FuzzSeeds() { return SourceFiles("examples/linkage", ".json"); }

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto settings = canje::linkage::ParseLinkSettings(text, "settings.json");
  if (!settings.ok()) {
    FuzzCheck(canje::IsValidUtf8(settings.status().message()),
              "a message about link settings is not UTF-8");
  }
  return 0;
}
