// The solver against exhaustive enumeration on hundreds of small random instances: same status,
// same lexicographic optimum, and every returned deal passes the independent checker.
#include "solver/brute_force.h"

#include <gtest/gtest.h>

namespace canje::solver {
namespace {

TEST(BruteForceTest, SmallRandomInstancesMatchExhaustiveSearch) {
  testing::CheckAgainstBruteForce(300, 8, 20250701);
}

}  // namespace
}  // namespace canje::solver
