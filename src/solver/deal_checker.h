// An independent check of a deal against an instance's rules, written from docs/solver.md and
// sharing no code with the solver (only the Instance type). Used by the tests to judge the
// solver and the brute force alike.
#pragma once

#include <string>
#include <vector>

#include "solver/instance.h"

namespace canje::solver::testing {

// Every rule `selected` (candidate ids) breaks, in words; empty when the deal is valid.
std::vector<std::string> RuleViolations(const Instance& instance,
                                        const std::vector<std::string>& selected);

// The objective of `selected` per priority, priorities ascending (all priorities that appear
// among the instance's candidates).
std::vector<double> ObjectiveByPriority(const Instance& instance,
                                        const std::vector<std::string>& selected);

}  // namespace canje::solver::testing
