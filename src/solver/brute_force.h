// Exhaustive enumeration for the solver tests: every subset of a small instance's candidates.
#pragma once

#include <vector>

#include "solver/instance.h"

namespace canje::solver::testing {

// The lexicographically best objective-by-priority among subsets that pass the independent
// checker, or false when no subset does. For instances of up to about 12 candidates.
bool BruteForce(const Instance& instance, std::vector<double>* best);

// Solves `instances` random instances of up to `max_candidates` candidates drawn from `seed`
// and checks each against BruteForce and the checker (GoogleTest assertions).
void CheckAgainstBruteForce(int instances, int max_candidates, unsigned seed);

}  // namespace canje::solver::testing
