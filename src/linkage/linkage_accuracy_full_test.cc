// Slow accuracy checks (label "full"): FEBRL datasets 2 and 3, 5,000 records each.
#include <gtest/gtest.h>

#include <string>

#include "linkage/febrl_accuracy_test_support.h"

namespace canje::linkage {
namespace {

using testing::FebrlF1;

TEST(LinkageAccuracyFullTest, FebrlDatasets2And3WithoutLabels) {
  EXPECT_GE(FebrlF1(std::string(CANJE_TESTDATA_DIR) + "/febrl/dataset2.csv"), 0.98);
  EXPECT_GE(FebrlF1(std::string(CANJE_TESTDATA_DIR) + "/febrl/dataset3.csv"), 0.98);
}

}  // namespace
}  // namespace canje::linkage
