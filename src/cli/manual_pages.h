// Manual pages (man(7) roff) generated from the command line's definitions: canje(1) for the
// global options and the list of command groups, and one page per command group,
// canje-import(1), canje-exchange(1), ..., documenting each of its commands with the texts that
// `--help` prints. Run at build time by `canje reference --man DIR` (cli/reference_command.h).
#pragma once

#include <string>
#include <vector>

#include "cli/command_reference.h"

namespace canje::cli {

struct ManualPage {
  std::string file_name;  // "canje-exchange.1"
  std::string text;       // roff source
};

// One page for `root` (canje(1)) and one for each of its subcommands. `version` goes in the
// page footer. Deterministic: the same definitions give the same bytes (no dates).
std::vector<ManualPage> ManualPages(const CommandReference& root, const std::string& version);

// Text made safe for a roff line: backslashes, hyphens, a leading '.' or '\'', and characters
// outside ASCII written as roff escapes.
std::string RoffText(const std::string& text);

}  // namespace canje::cli
