// Test support: a test suite whose tests all read one scenario, written once before the first
// of them into a temporary directory and removed after the last. For tests only.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>

#include "scenario/csv_table_for_test.h"
#include "scenario/scenario.h"

namespace canje::scenario::testing_support {

// The base of a suite `Suite` (class Suite : public ScenarioSuite<Suite>), which says what to
// write with `static ScenarioOptions Options()`; the directory takes the scenario's name. Its
// tests read dir() and truth() (truth.csv, read once).
template <typename Suite>
class ScenarioSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const ScenarioOptions options = Suite::Options();
    dir_ = new TemporaryDirectory(options.name);
    ASSERT_TRUE(WriteScenario(options, dir_->path()).ok());
    truth_ = new Truth(ReadTruth(dir_->path()));
  }
  static void TearDownTestSuite() {
    delete truth_;
    truth_ = nullptr;
    delete dir_;
    dir_ = nullptr;
  }
  static const std::filesystem::path& dir() { return dir_->path(); }
  static const Truth& truth() { return *truth_; }

 private:
  inline static TemporaryDirectory* dir_ = nullptr;
  inline static Truth* truth_ = nullptr;
};

}  // namespace canje::scenario::testing_support
