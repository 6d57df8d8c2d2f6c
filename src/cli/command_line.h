// The whole command line: the global options, every command group, and the text `canje
// --help` ends with. main.cc parses with it; the tests describe it (cli/command_reference.h)
// to check the manual pages and the completion against the real definitions.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

// The root description, shared by `canje --help` and canje(1).
inline constexpr const char* kCanjeDescription =
    "A shared, verifiable record for humanitarian exchanges of detainees";

// Defines everything on `app` (constructed with kCanjeDescription and the name "canje"); the
// callbacks act through `context`, which must outlive `app`'s parsing.
void DefineCommandLine(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
