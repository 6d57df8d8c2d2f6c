// The command line's definitions (the CLI11 tree that main.cc builds and that `--help` prints)
// as plain data, so that the manual pages and the shell completion are generated from the same
// definitions as `--help` and never written twice (cli/manual_pages.h, cli/bash_completion.h).
//
// Hidden commands and options (CLI11's empty group) are left out, and so is `--help`;
// `--help-all` is kept on canje itself only.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/command.h"

namespace canje::cli {

struct OptionReference {
  std::vector<std::string> names;        // "--db", "-o"; empty for a positional argument
  std::string positional_name;           // "FILE" for a positional argument
  std::string value_name;                // "TEXT", "INT", "PARTY"; empty for a flag
  std::vector<std::string> choices;      // the accepted values when the option checks a set
  std::vector<std::string> constraints;  // other checks' descriptions: "INT in [1 - 64]"
  std::string description;
  std::string default_value;  // empty when none is shown
  bool required = false;
  bool repeatable = false;  // may be given several times (or takes several values)

  bool is_flag() const { return value_name.empty(); }
  bool is_positional() const { return names.empty(); }
};

struct CommandReference {
  std::vector<std::string> path;  // {} for canje itself, {"exchange", "party", "add"}
  std::string description;
  std::string footer;                        // the text `--help` prints after the options
  std::vector<OptionReference> options;      // named options, in definition order
  std::vector<OptionReference> positionals;  // in order
  std::vector<CommandReference> subcommands;
  bool requires_subcommand = false;

  // "canje exchange party add"
  std::string FullName() const;
};

// Walks `app` (and its subcommands, depth first). `app` is not changed; CLI11's accessors for
// validators are not const.
CommandReference DescribeCommandLine(CLI::App& app);

}  // namespace canje::cli
