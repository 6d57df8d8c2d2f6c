// canje import, canje lists, canje persons, canje person show, canje export persons.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

void AddImportCommand(CLI::App& app, CommandContext& context);
void AddListsCommand(CLI::App& app, CommandContext& context);
void AddPersonsCommands(CLI::App& app, CommandContext& context);
void AddExportCommand(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
