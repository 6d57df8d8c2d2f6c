// `canje exchange witness-policy`: which of the log's witnesses make an exchange's agreement
// and completion final (negotiation/witness_policy.h).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

// Adds `witness-policy` under the existing `exchange` command (AddExchangeCommands first).
void AddWitnessPolicyCommands(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
