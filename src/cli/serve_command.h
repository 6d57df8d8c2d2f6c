// canje serve: the HTTP API (docs/api.md) on a local address.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "cli/command.h"
#include "server/http_types.h"

namespace canje::cli {

void AddServeCommand(CLI::App& app, CommandContext& context);

struct ServeHttpOptions {
  std::string listen;        // ADDRESS:PORT (port 0: any free port)
  int threads = 4;           // 1-64
  size_t body_limit = 1 << 20;
  int max_connections = 512;  // 1-60000; more are answered 503 with Retry-After
};

// Serves `handler` as `canje serve` and `canje witness serve` do, until SIGINT or SIGTERM:
// listens, prints the first stdout line "listening on http://ADDRESS:PORT" (scripts and tests
// read the port from it), runs `started` (background work, a line on stderr; an error stops
// before serving), then serves. kUsage for a bad address, thread count or connection limit,
// kUnavailable when the address cannot be bound.
Status ServeHttp(CommandContext& context, const std::string& name,
                 const ServeHttpOptions& options, server::RequestHandler& handler,
                 const std::function<Status()>& started);

}  // namespace canje::cli
