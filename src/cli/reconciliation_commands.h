// canje link (over the store), link status, link explain, review list, review decide: the lists
// in the store reconciled into persons (reconciliation/linker.h, statuses.h, review.h).
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "cli/command.h"
#include "reconciliation/statuses.h"

namespace canje::cli {

struct StoreLinkFlags {
  std::optional<double> threshold;
  std::optional<double> review_low;
  std::optional<double> review_high;
  int threads = 2;
};

// `canje link` without files: reconcile the store.
Status RunStoreLink(CommandContext& context, const StoreLinkFlags& flags);

// The counts of `canje link status` (also in `canje summary`), for one party and/or list
// (empty / 0: all).
nlohmann::json ReconciliationCountsJson(const reconciliation::ReconciliationStatus& status,
                                        const std::string& party, int64_t list_id);
void PrintReconciliationCounts(const reconciliation::ReconciliationStatus& status,
                               std::ostream& out, const std::string& party, int64_t list_id);

// Adds `status` and `explain` under `link`, and the `review` command group.
void AddReconciliationCommands(CLI::App& app, CLI::App& link, CommandContext& context);

}  // namespace canje::cli
