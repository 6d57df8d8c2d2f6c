// `canje hold add|lift|list|show` (legal holds) and `canje act add|list` (legal acts).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

void AddHoldCommands(CLI::App& app, CommandContext& context);
void AddLegalActCommands(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
