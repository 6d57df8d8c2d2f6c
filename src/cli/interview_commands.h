// `canje interview record|list` (consent interviews) and `canje eligibility` (who may be
// transferred to a destination, with reasons as the reader's role allows).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

void AddInterviewCommands(CLI::App& app, CommandContext& context);
void AddEligibilityCommand(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
