// The lists reconciliation's in-process tests start from: the cecot-2025 scenario at a fifth of
// its natural size (enough for the linkage engine to learn, small enough for a unit test),
// loaded into a real store as `canje demo` loads it.
#pragma once

#include <filesystem>

#include "core/status.h"
#include "instance/testing/test_instance.h"
#include "registry/scenario_loader.h"
#include "scenario/scenario.h"

namespace canje::reconciliation {

inline Status LoadCecotFifth(instance::testing::TestInstance& store) {
  const std::filesystem::path lists = store.dir() / "cecot-2025";
  CANJE_RETURN_IF_ERROR(scenario::WriteScenario({"cecot-2025", 1, 170}, lists));
  return registry::LoadScenario(store.admin(), lists);
}

}  // namespace canje::reconciliation
