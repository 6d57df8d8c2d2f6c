// canje serve: the HTTP API (docs/api.md) on a local address.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "cli/command.h"
#include "server/http_types.h"

namespace canje::cli {

void AddServeCommand(CLI::App& app, CommandContext& context);

// Serves `handler` on `listen` (ADDRESS:PORT) with `threads` threads (1-64) until SIGINT or
// SIGTERM, as `canje serve` and `canje witness serve` do: listens, prints the first stdout line
// "listening on http://ADDRESS:PORT" (scripts and tests read the port from it), runs `started`
// (background work, a line on stderr; an error stops before serving), then serves. kUsage for a
// bad address or thread count, kUnavailable when the address cannot be bound.
Status ServeHttp(CommandContext& context, const std::string& name, const std::string& listen,
                 int threads, size_t body_limit, server::RequestHandler& handler,
                 const std::function<Status()>& started);

}  // namespace canje::cli
