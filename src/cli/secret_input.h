// Reading a secret (a passphrase, a password) for a command: from a file given with a flag,
// else an environment variable, else asked on the terminal without echo. Never from an
// argument, which would stay in the shell's history and in the process list.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace canje::cli {

// `file` (its first line) when not empty, else the variable `env`, else the terminal
// (`what` names it in the prompt: "Passphrase"; `confirm` asks twice). kUsage when none is
// possible (no terminal) or the two entries differ; kNotFound for an unreadable file.
Result<std::string> ReadSecret(const std::string& file, const char* env, std::string_view what,
                               std::string_view file_flag, bool confirm);

}  // namespace canje::cli
