// canje witness: the witness's own side, on its own machine with a state folder and no store
// (init, vkey, cosign, serve: C2SP tlog-witness over HTTP), and the log's side, on the store
// (add, list, remove: the witnesses the log sends its checkpoints to). docs/auditing.md.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

void AddWitnessCommands(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
