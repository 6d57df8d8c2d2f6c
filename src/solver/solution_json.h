// The solver's output contract as JSON ("Output contract"), shared by `canje solve
// --json` and, later, the HTTP API.
#pragma once

#include <nlohmann/json.hpp>

#include "solver/solver.h"

namespace canje::solver {

// {"status", "objective", "bound", "selected", "tiers", "blocs", "excluded", "conflict",
//  "seconds", and "require" when asked}. objective and bound are null when unknown.
nlohmann::json SolutionToJson(const Solution& solution);

nlohmann::json DealToJson(const Deal& deal);

}  // namespace canje::solver
