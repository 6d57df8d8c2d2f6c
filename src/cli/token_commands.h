// canje user token create|list|revoke: API tokens for `canje serve` (authentication/api_tokens.h).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

// Adds `token` under the existing `user` command (call after AddUserCommands).
void AddTokenCommands(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
