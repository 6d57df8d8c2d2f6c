// The lists reconciliation's in-process tests start from: the cecot-2025 scenario at a fifth of
// its natural size (enough for the linkage engine to learn, small enough for a unit test),
// loaded into a real store as `canje demo` loads it.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/status.h"
#include "instance/testing/test_instance.h"
#include "reconciliation/linker.h"
#include "registry/importer.h"
#include "registry/scenario_loader.h"
#include "scenario/scenario.h"

namespace canje::reconciliation {

inline Status LoadCecotFifth(instance::testing::TestInstance& store) {
  const std::filesystem::path lists = store.dir() / "cecot-2025";
  CANJE_RETURN_IF_ERROR(scenario::WriteScenario({"cecot-2025", 1, 170}, lists));
  return registry::LoadScenario(store.admin(), lists);
}

// A test fixture: a fresh store with the lists of LoadCecotFifth, and the steps the tests on it
// take (linking, importing one more list).
class CecotFifthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store_.ok()) << store_.error();
    Status loaded = LoadCecotFifth(store_);
    ASSERT_TRUE(loaded.ok()) << loaded.ToString();
  }

  // `canje link` with the default options, expected to succeed (an empty report when it fails).
  LinkStoreReport Link() {
    Result<LinkStoreReport> report = LinkStore(store_.admin(), LinkStoreOptions{});
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : LinkStoreReport{};
  }

  // Writes `text` to the file `name` in the store's folder and imports it as a list of `kind`
  // from `party`, its source `source`.
  Result<registry::ImportReport> ImportText(const char* name, const char* text, const char* kind,
                                            const char* party, const char* source) {
    const std::filesystem::path file = store_.dir() / name;
    std::ofstream(file) << text;
    registry::ImportOptions options;
    options.file = file;
    options.kind = kind;
    options.party = party;
    options.source = source;
    return registry::ImportList(store_.admin(), options);
  }

  instance::testing::TestInstance store_;
};

}  // namespace canje::reconciliation
