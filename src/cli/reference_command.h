// `canje reference`: a hidden command, run by the build once `canje` is linked, that writes
// the manual pages (cli/manual_pages.h) and the bash completion script (cli/bash_completion.h)
// from the command definitions of the very binary that runs it.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

// Adds the hidden `reference` command to `app`; call it last, once every other command is
// defined (it describes `app` as it is when the command runs).
void AddReferenceCommand(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
