// canje scenario generate, canje demo, canje summary.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

void AddScenarioCommands(CLI::App& app, CommandContext& context);
void AddDemoCommand(CLI::App& app, CommandContext& context);
void AddSummaryCommand(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
