// Bash completion for canje, generated from the command line's definitions
// (cli/command_reference.h) by `canje reference --bash-completion FILE` at build time and
// installed as /usr/share/bash-completion/completions/canje.
//
// It completes command groups and commands, the options of the command being typed (and the
// global ones, accepted anywhere), the values of options that check a set (--role, --kind,
// --format...), and party codes and user names (options whose value is PARTY or USER) from the
// store when one is named: --db on the line, else CANJE_DB. Anything else falls back to file
// names.
#pragma once

#include <string>

#include "cli/command_reference.h"

namespace canje::cli {

// A bash script defining `_canje` and registering it for the command `canje`.
std::string BashCompletionScript(const CommandReference& root);

}  // namespace canje::cli
