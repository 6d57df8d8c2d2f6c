// Executing an agreed exchange from the command line (docs/workflow.md "Execution"):
//
//   canje exchange readiness X1 [--date D] [--stage N]
//   canje exchange not-travelling X1 P17 --reason REASON [--note TEXT]
//   canje exchange not-travelling X1 --file outcomes.csv          (person,reason,note)
//   canje exchange report X1 --party VEN --direction SLV>VEN --count 230 [--persons FILE]
//                            [--note TEXT]
//   canje exchange reconcile X1 [--csv FILE] [--html FILE] [--date D] [--stage N]
//   canje handover record X1 P17 --at 2025-07-18T14:05:00Z --place TEXT --to VEN --witness NAME...
//   canje handover record X1 --file handovers.csv     (person,at,place,to,witnesses with |)
//   canje handover list X1
//
// Every command that prints data has --json (docs/formats.md). The rules live in
// src/negotiation/execution.h; this file parses, calls them and prints.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

// Adds readiness, not-travelling, report and reconcile to the existing `exchange` command
// (AddExchangeCommands first) and the top-level `handover` group.
void AddExecutionCommands(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
