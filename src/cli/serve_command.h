// canje serve: the HTTP API (docs/api.md) on a local address.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

void AddServeCommand(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
