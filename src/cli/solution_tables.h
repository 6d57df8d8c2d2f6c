// Readable pieces of a solver result, shared by `canje solve` (instance files) and
// `canje exchange solve` (an exchange in the store).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "solver/solver.h"

namespace canje::cli {

// A number as the tables print it ("%g").
std::string SolverNumber(double value);
// "none", "count 1", "value 0.5".
std::string RuleText(const solver::Rule& rule);
// "status: optimal   objective: 3   bound: 3   seconds: 0.01", and the objective per priority
// when there are several.
void PrintSolveStatus(const solver::Solution& solution, std::ostream& out);
// One row per bloc: rule, given, received, cost given, value received, whether the rule holds.
void PrintBlocTable(const std::vector<solver::BlocReport>& blocs, std::ostream& out);
// One row per constraint group: its JSON path and meaning.
void PrintConstraintGroups(const std::vector<solver::ConstraintGroup>& groups, std::ostream& out);
// "What would it take to include <who>: ...", with what is in the way when nothing is enough;
// the caller prints answer.deal after it in its own form.
void PrintRequireAnswer(const solver::RequireAnswer& answer, const std::string& who,
                        std::ostream& out);
// The explanation that precedes the conflict of an infeasible solve.
void PrintConflict(const solver::Solution& solution, std::ostream& out);

}  // namespace canje::cli
