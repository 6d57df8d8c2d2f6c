// `canje solve`: the best exchange deal an instance file allows (docs/solver.md).
//
//   canje solve --instance FILE [--json] [--explain] [--time-limit S] [--write-lp FILE]
//               [--require PERSON]
//
// Exit status 0 whatever the solve status (optimal, feasible, infeasible, unknown); 65 when the
// instance is invalid (the message names the JSON path); 66 when the file cannot be opened; 73
// when the --write-lp file cannot be written.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

void AddSolveCommand(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
