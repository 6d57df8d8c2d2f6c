#include "cli/serve_command.h"

#include <memory>

#include "cli/open_instance.h"
#include "server/api.h"
#include "server/http_server.h"
#include "server/instance_pool.h"

namespace canje::cli {
namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8420";
  int threads = 4;
  size_t body_limit = 1 << 20;
  int pool_size = -1;  // idle instances kept per user; -1: --threads
  int max_connections = 512;
};

Status RunServe(CommandContext& context, const ServeOptions& options) {
  server::HttpServerOptions http;
  CANJE_RETURN_IF_ERROR(server::ParseListenAddress(options.listen, http));
  if (options.threads < 1 || options.threads > 64) {
    return Status::Usage("--threads " + std::to_string(options.threads) + ": give 1 to 64");
  }
  http.threads = options.threads;
  if (options.max_connections < 1 || options.max_connections > 60000) {
    return Status::Usage("--max-connections " + std::to_string(options.max_connections) +
                         ": give 1 to 60000");
  }
  http.max_connections = options.max_connections;
  http.limits.body_limit = options.body_limit;
  // Opening the store once here checks the database and the master key before listening.
  CANJE_RETURN_IF_ERROR(OpenInstance(context).status());
  server::InstancePool::Options pool_options;
  pool_options.open.database = context.DatabasePath();
  pool_options.open.master_key_file = context.MasterKeyPath();
  if (options.pool_size < -1 || options.pool_size > 64) {
    return Status::Usage("--pool-size " + std::to_string(options.pool_size) + ": give 0 to 64");
  }
  pool_options.max_idle_per_user =
      static_cast<size_t>(options.pool_size < 0 ? options.threads : options.pool_size);
  server::InstancePool pool(pool_options);
  CANJE_ASSIGN_OR_RETURN(auto api, server::Api::Create(pool));
  server::HttpServer server(http, *api);
  CANJE_RETURN_IF_ERROR(server.Listen());
  std::string host =
      http.address.find(':') == std::string::npos ? http.address : "[" + http.address + "]";
  // The first line of stdout, which scripts and tests read for the port.
  context.out << "listening on http://" << host << ":" << server.port() << std::endl;
  context.err << "canje serve: " << http.threads
              << " threads; stop with Ctrl-C or SIGTERM (requests in progress are answered)"
              << std::endl;
  server.Run();
  context.err << "canje serve: stopped" << std::endl;
  return Status::Ok();
}

}  // namespace

void AddServeCommand(CLI::App& app, CommandContext& context) {
  auto* serve = app.add_subcommand("serve",
                                   "Serve the HTTP API (docs/api.md); plain HTTP, put "
                                   "a TLS reverse proxy in front for remote clients");
  auto options = std::make_shared<ServeOptions>();
  serve->add_option("--listen", options->listen, "ADDRESS:PORT (port 0: any free port)")
      ->capture_default_str();
  serve->add_option("--threads", options->threads, "Worker threads (1-64)")->capture_default_str();
  serve->add_option("--body-limit", options->body_limit, "Largest request body in bytes")
      ->capture_default_str();
  serve->add_option("--max-connections", options->max_connections,
                    "Connections open at once; more are answered 503 with Retry-After")
      ->capture_default_str();
  serve->add_option("--pool-size", options->pool_size,
                    "Open instances kept per user between requests (default: --threads; 0 opens "
                    "one per request)");
  serve->callback([&context, options] { context.Finish(RunServe(context, *options)); });
}

}  // namespace canje::cli
