// Writing a Milp in CPLEX LP form, the text format that the `cbc` and `glpsol --lp` commands
// (Debian's coinor-cbc and glpk-utils) read.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "solver/milp.h"

namespace canje::solver {

// Writes `milp` (maximise, binary columns) to `out`. `comments` become leading "\ " lines.
// Lines stay short (a few terms each) because some readers limit line length.
void WriteLp(const Milp& milp, const std::vector<std::string>& comments, std::ostream& out);

// Turns arbitrary text into an LP-safe name: letters, digits and '_' are kept, everything else
// becomes '_'; a leading digit or '.' gets a prefix. Not injective: callers add an index.
std::string LpSafeName(const std::string& text);

}  // namespace canje::solver
