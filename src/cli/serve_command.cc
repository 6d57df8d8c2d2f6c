#include "cli/serve_command.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>

#include "cli/open_instance.h"
#include "server/api.h"
#include "server/http_server.h"
#include "server/instance_pool.h"
#include "server/witness_client.h"
#include "server/witness_submitter.h"

namespace canje::cli {
namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8420";
  int threads = 4;
  size_t body_limit = 1 << 20;
  int pool_size = -1;  // idle instances kept per user; -1: --threads
  int max_connections = 512;
  int witness_poll_ms = 250;
  int witness_retry_max_s = 300;
  int witness_timeout_ms = 10000;
};

Status RunServe(CommandContext& context, const ServeOptions& options) {
  if (options.witness_poll_ms < 10 || options.witness_retry_max_s < 1 ||
      options.witness_timeout_ms < 100) {
    return Status::Usage(
        "--witness-poll-ms is at least 10, --witness-retry-max at least 1 (s), "
        "--witness-timeout-ms at least 100");
  }
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
  // Keeps every registered witness up to the latest checkpoint, on its own threads.
  std::ostream& err = context.err;
  std::mutex err_mutex;
  server::WitnessSubmitterOptions submitter_options;
  submitter_options.database = context.DatabasePath();
  submitter_options.poll = std::chrono::milliseconds(options.witness_poll_ms);
  submitter_options.max_retry = std::chrono::seconds(options.witness_retry_max_s);
  submitter_options.first_retry =
      std::min<std::chrono::milliseconds>(std::chrono::seconds(1), submitter_options.max_retry);
  submitter_options.report = [&err, &err_mutex](const std::string& line) {
    std::lock_guard lock(err_mutex);
    err << "canje serve: " << line << std::endl;
  };
  server::WitnessSubmitter submitter(
      submitter_options,
      server::HttpWitnessPoster(std::chrono::milliseconds(options.witness_timeout_ms)));
  return ServeHttp(context, "canje serve",
                   {options.listen, options.threads, options.body_limit, options.max_connections},
                   *api, [&]() -> Status {
                     CANJE_RETURN_IF_ERROR(submitter.Start());
                     context.err << "canje serve: " << options.threads
                                 << " threads; stop with Ctrl-C or SIGTERM (requests in progress "
                                    "are answered)"
                                 << std::endl;
                     return Status::Ok();
                   });
}

}  // namespace

Status ServeHttp(CommandContext& context, const std::string& name,
                 const ServeHttpOptions& options, server::RequestHandler& handler,
                 const std::function<Status()>& started) {
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
  server::HttpServer server(http, handler);
  CANJE_RETURN_IF_ERROR(server.Listen());
  std::string host =
      http.address.find(':') == std::string::npos ? http.address : "[" + http.address + "]";
  context.out << "listening on http://" << host << ":" << server.port() << std::endl;
  if (started) CANJE_RETURN_IF_ERROR(started());
  server.Run();
  context.err << name << ": stopped" << std::endl;
  return Status::Ok();
}

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
  serve
      ->add_option("--witness-poll-ms", options->witness_poll_ms,
                   "How often to look for a new checkpoint to send to the witnesses")
      ->capture_default_str();
  serve
      ->add_option("--witness-retry-max", options->witness_retry_max_s,
                   "Longest wait, in seconds, between retries to a witness that is down")
      ->capture_default_str();
  serve
      ->add_option("--witness-timeout-ms", options->witness_timeout_ms,
                   "Give up on one request to a witness after this long")
      ->capture_default_str();
  serve->callback([&context, options] { context.Finish(RunServe(context, *options)); });
}

}  // namespace canje::cli
