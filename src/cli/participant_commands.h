// `canje exchange guarantor add|remove ID PARTY` and `canje exchange observer add|remove ID
// PARTY`: who takes part in an exchange without a side (negotiation/exchange_participants.h).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

// Adds `guarantor` and `observer` under the existing `exchange` command (AddExchangeCommands
// first).
void AddParticipantCommands(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
