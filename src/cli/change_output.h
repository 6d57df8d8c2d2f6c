// How a command that may find nothing to change reports what it did.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "cli/command.h"

namespace canje::cli {

// With --json, prints `answer`; else prints `done` (one line).
void PrintDone(CommandContext& context, const nlohmann::json& answer, const std::string& done);

// With --json, prints `answer`; else prints `done` when `changed`, or "Nothing to do: " and
// `why_nothing` when not (each as one line).
void PrintChange(CommandContext& context, const nlohmann::json& answer, bool changed,
                 const std::string& done, const std::string& why_nothing);

}  // namespace canje::cli
