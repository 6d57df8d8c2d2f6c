// canje person erase, canje key backup|restore|rotate.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

void AddEraseCommand(CLI::App& person_command, CommandContext& context);
void AddKeyCommands(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
