// `canje exchange ...`: exchanges, their sides and rules, claims and release costs, and the
// solver on the store's data (docs/exchanges.md).
//
//   canje exchange create NAME --mediator PARTY
//   canje exchange party add ID PARTY --bloc SIDE
//   canje exchange rule ID SIDE none|count|value [--ratio R]
//   canje exchange caps ID [--max-size N|none] [--max-parties K|none] [--objective people|value]
//   canje exchange claim ID (PERSON | --list L) --by PARTY [--value V] [--priority N]
//                           [--destination PARTY] [--unconditional]
//   canje exchange cost ID (PERSON | --list L) --by HOLDER --cost C
//   canje exchange show ID | list
//   canje exchange candidates ID [--date YYYY-MM-DD]
//   canje exchange solve ID [--explain] [--require PERSON] [--time-limit S] [--date YYYY-MM-DD]
//
// Every command that prints data has --json (docs/formats.md). The rules live in
// src/negotiation/; this file parses, calls them and prints.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

void AddExchangeCommands(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
