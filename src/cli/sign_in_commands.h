// `canje user password set`, `user totp enrol`, `user unlock`, `user session list|end`: an
// admin preparing people to sign in to canje serve, and watching their sessions
// (authentication/sign_in.h).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

// Adds the commands under the existing `user` command (call after AddUserCommands).
void AddSignInCommands(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
