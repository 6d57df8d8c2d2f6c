// The slow variant of brute_force_test (ctest label "full", left out of the sanitizer run):
// 2,500 random instances of up to 11 candidates from five seeds.
#include <gtest/gtest.h>

#include "solver/brute_force.h"

namespace canje::solver {
namespace {

TEST(BruteForceFullTest, ManyRandomInstancesMatchExhaustiveSearch) {
  for (unsigned seed = 1; seed <= 5; ++seed) testing::CheckAgainstBruteForce(500, 11, seed);
}

}  // namespace
}  // namespace canje::solver
