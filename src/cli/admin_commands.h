// canje init, canje user add|list, canje party add|list, canje version.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

void AddInitCommand(CLI::App& app, CommandContext& context);
void AddUserCommands(CLI::App& app, CommandContext& context);
void AddPartyCommands(CLI::App& app, CommandContext& context);
void AddVersionCommand(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
