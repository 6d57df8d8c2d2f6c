// How a solve ended, one scale for every level: a CBC program (MilpResult), an optimisation
// stage (StageResult) and the whole lexicographic solve (Solution) each report it.
#pragma once

namespace canje::solver {

enum class SolveStatus {
  kOptimal,     // proven best
  kFeasible,    // a deal, but the time limit stopped the proof
  kInfeasible,  // no deal satisfies the constraints (see Solution::conflict)
  kUnknown,     // the time limit came before any deal was found
};
const char* SolveStatusName(SolveStatus status);  // "optimal", "feasible", ...

}  // namespace canje::solver
