// Small random exchange instances for the tests: every rule kind, caps, tiers, unconditional
// releases, must lists, and releases at home (from == to) on a third party's claim.
#pragma once

#include <random>

#include "solver/instance.h"

namespace canje::solver::testing {

// An instance with at most `max_candidates` candidates drawn from `rng`.
Instance RandomInstance(std::mt19937& rng, int max_candidates);

}  // namespace canje::solver::testing
