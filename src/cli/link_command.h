// canje link: without files, reconcile the store (reconciliation_commands.h); with files,
// de-duplicate one list file or link two, with probabilities, clusters and explanations
// (linkage/linkage_engine.h). The contract is in docs/formats.md ("canje link").
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

// Returns the `link` subcommand, under which reconciliation_commands.h adds status and explain.
CLI::App* AddLinkCommand(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
