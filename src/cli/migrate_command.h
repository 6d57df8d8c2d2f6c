// canje migrate --from DB --to DB: copies a whole store to a new location, between SQLite and
// PostgreSQL either way (store/store_copy.h). The copy opens with the source's master key.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

void AddMigrateCommand(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
