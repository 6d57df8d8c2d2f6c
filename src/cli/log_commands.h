// canje log vkey|checkpoint|entry|prove-inclusion|prove-consistency|verify|show|bundle|
// add-cosignature|push|export-tiles|reading. The raw outputs (vkey, checkpoint, entry, proofs)
// are exact bytes for other tools and ignore --json (docs/formats.md).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

void AddLogCommands(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
