// The stages of an agreed exchange from the command line (docs/workflow.md, "Stages"):
//
//   canje exchange stage add X1 --name "Day 1" --date 2025-05-23 --place TEXT [--persons FILE]
//   canje exchange stage assign X1 N --persons FILE        (a CSV with a `person` column)
//   canje exchange stage list X1
//   canje exchange stage show X1 N
//   canje exchange stage start X1 N
//   canje exchange stage complete X1 N
//   canje exchange stage postpone X1 N --date 2025-05-26 --reason TEXT
//
// Every command that prints data has --json (docs/formats.md, "Stages"). The rules live in
// src/negotiation/stages.h; this file parses, calls them and prints.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

// Adds `stage` to the existing `exchange` command (AddExchangeCommands first).
void AddStageCommands(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
