// Proposals on the command line (rules in negotiation/proposal_actions.h):
//   canje proposal create EXCHANGE (--from-solve | --transfers FILE.csv | --counts SPEC)
//                         [--parent V] [--date YYYY-MM-DD]
//   canje proposal list EXCHANGE
//   canje proposal show V
//   canje proposal table V [--expect-state S]
//   canje proposal diff A B
//   canje proposal accept V --party C [--expect-state S]
//   canje proposal reject V --party C --reason TEXT [--expect-state S]
//   canje proposal override V --justification TEXT
//   canje proposal manifest V [--out FILE]
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace canje::cli {

void AddProposalCommands(CLI::App& app, CommandContext& context);

}  // namespace canje::cli
