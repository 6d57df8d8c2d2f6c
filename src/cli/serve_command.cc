#include "cli/serve_command.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>

#include "cli/configuration_file.h"
#include "cli/open_instance.h"
#include "core/database_location.h"
#include "server/api.h"
#include "server/hangup_watcher.h"
#include "server/http_server.h"
#include "server/instance_pool.h"
#include "server/request_log.h"
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
  int max_client_connections = 256;  // from one peer address; 0: no limit
  int max_queue = 64;                // requests waiting for a worker thread
  int queue_timeout_s = 10;          // longest wait for a worker, then 503
  int request_timeout_s = 60;        // longest a request is handled, then the connection is cut
  std::string log_level = "info";
  std::string log_file;  // empty: stderr
  std::string config_file;
  int witness_poll_ms = 250;
  int witness_retry_max_s = 300;
  int witness_timeout_ms = 10000;
  std::string console;  // empty: beside the executable, else <prefix>/share/canje/console
};

// The settings a running server cannot change: a reload that changes one asks for a restart.
struct FixedSettings {
  ServeOptions options;
  std::string database, master_key_file;
  std::vector<std::string> DifferencesFrom(const FixedSettings& other) const {
    std::vector<std::string> changed;
    if (options.listen != other.options.listen) changed.push_back("listen");
    if (options.threads != other.options.threads) changed.push_back("threads");
    if (options.body_limit != other.options.body_limit) changed.push_back("body-limit");
    if (options.pool_size != other.options.pool_size) changed.push_back("pool-size");
    if (options.max_connections != other.options.max_connections) {
      changed.push_back("max-connections");
    }
    if (options.max_client_connections != other.options.max_client_connections) {
      changed.push_back("max-client-connections");
    }
    if (options.max_queue != other.options.max_queue) changed.push_back("max-queue");
    if (options.queue_timeout_s != other.options.queue_timeout_s) {
      changed.push_back("queue-timeout");
    }
    if (options.request_timeout_s != other.options.request_timeout_s) {
      changed.push_back("request-timeout");
    }
    if (options.witness_poll_ms != other.options.witness_poll_ms ||
        options.witness_retry_max_s != other.options.witness_retry_max_s ||
        options.witness_timeout_ms != other.options.witness_timeout_ms) {
      changed.push_back("witness-poll-ms, witness-retry-max or witness-timeout-ms");
    }
    if (options.console != other.options.console) changed.push_back("console");
    if (database != other.database) changed.push_back("db");
    if (master_key_file != other.master_key_file) changed.push_back("master-key");
    return changed;
  }
};

// The serve command's state: its options as bound to the flags, and what a reload needs to
// read the configuration file again from the same starting point.
struct ServeCommand {
  ServeOptions options;
  std::vector<CLI::Option*> configurable;  // the flags a configuration file may set
  std::vector<const CLI::Option*> given;   // those set on the command line
  ServeOptions command_line_options;       // before the configuration file was applied
  GlobalOptions command_line_global;

  // Applies the configuration file (when there is one) over the command line's values, into
  // `options` and `context.global`.
  Status Configure(CommandContext& context) {
    options = command_line_options;
    context.global = command_line_global;
    if (options.config_file.empty()) return Status::Ok();
    CANJE_ASSIGN_OR_RETURN(auto entries, ReadConfigurationFile(options.config_file));
    return ApplyConfiguration(entries, options.config_file, configurable, given);
  }

  FixedSettings Fixed(const CommandContext& context) const {
    return {options, context.DatabasePath(), context.MasterKeyPath()};
  }
};

Result<server::LogLevel> LogLevelOf(const ServeOptions& options) {
  return server::ParseLogLevel(options.log_level);
}

// SIGHUP: the configuration file is read again; the log level and file take effect at once
// (the file is reopened, as logrotate needs), other changes are reported as needing a restart.
// A file that no longer reads keeps everything as it was.
void Reload(ServeCommand& command, CommandContext& context, const FixedSettings& running,
            server::RequestLog& log) {
  using server::LogLevel;
  Status configured = command.Configure(context);
  Result<LogLevel> level = configured.ok() ? LogLevelOf(command.options) : configured;
  if (!level.ok()) {
    log.Write(LogLevel::kError, {{"event", "reload"},
                                 {"outcome", "refused; the running settings are kept"},
                                 {"reason", level.status().message()}});
    return;
  }
  Status reopened = log.Reconfigure(command.options.log_file, *level);
  std::vector<std::string> restart = command.Fixed(context).DifferencesFrom(running);
  LogLevel level_of_event = !reopened.ok()     ? LogLevel::kError
                            : !restart.empty() ? LogLevel::kWarning
                                               : LogLevel::kInfo;
  log.Write(level_of_event, {{"event", "reload"},
                             {"outcome", reopened.ok() ? "done" : reopened.message()},
                             {"restart_needed_for", restart}});
}

Status RunServe(ServeCommand& command, CommandContext& context) {
  CANJE_RETURN_IF_ERROR(command.Configure(context));
  const ServeOptions& options = command.options;
  if (options.witness_poll_ms < 10 || options.witness_retry_max_s < 1 ||
      options.witness_timeout_ms < 100) {
    return Status::Usage(
        "--witness-poll-ms is at least 10, --witness-retry-max at least 1 (s), "
        "--witness-timeout-ms at least 100");
  }
  server::HttpServerOptions http;
  CANJE_RETURN_IF_ERROR(server::ParseListenAddress(options.listen, http));
  http.threads = options.threads;
  http.max_connections = options.max_connections;
  http.max_client_connections = options.max_client_connections;
  http.max_queue = options.max_queue;
  http.queue_timeout = std::chrono::seconds(options.queue_timeout_s);
  http.limits.request_timeout = std::chrono::seconds(options.request_timeout_s);
  http.limits.body_limit = options.body_limit;
  CANJE_ASSIGN_OR_RETURN(server::LogLevel level, LogLevelOf(options));
  CANJE_ASSIGN_OR_RETURN(auto log, server::RequestLog::Open(options.log_file, level));
  // Opening the store once here checks the database and the master key before listening.
  CANJE_RETURN_IF_ERROR(OpenInstance(context).status());
  server::InstancePool::Options pool_options;
  pool_options.open.database = context.DatabasePath();
  pool_options.open.master_key_file = context.MasterKeyPath();
  pool_options.max_idle_per_user =
      static_cast<size_t>(options.pool_size < 0 ? options.threads : options.pool_size);
  server::InstancePool pool(pool_options);
  std::error_code no_executable;
  const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", no_executable);
  server::ApiOptions api_options;
  CANJE_ASSIGN_OR_RETURN(api_options.console,
                         server::FindConsoleFolder(options.console, executable));
  const std::string console_folder = *api_options.console;
  CANJE_ASSIGN_OR_RETURN(auto api, server::Api::Create(pool, std::move(api_options)));
  // Keeps every registered witness up to the latest checkpoint, on its own threads; what it
  // does goes to the log.
  server::WitnessSubmitterOptions submitter_options;
  submitter_options.database = context.DatabasePath();
  submitter_options.poll = std::chrono::milliseconds(options.witness_poll_ms);
  submitter_options.max_retry = std::chrono::seconds(options.witness_retry_max_s);
  submitter_options.first_retry =
      std::min<std::chrono::milliseconds>(std::chrono::seconds(1), submitter_options.max_retry);
  server::RequestLog& request_log = *log;
  submitter_options.report = [&request_log](const std::string& line) {
    request_log.Write(server::LogLevel::kInfo, {{"event", "witness"}, {"detail", line}});
  };
  server::WitnessSubmitter submitter(
      submitter_options,
      server::HttpWitnessPoster(std::chrono::milliseconds(options.witness_timeout_ms)));
  server::LoggedHandler logged(*api, *log);
  server::HttpServer server(http, logged);
  CANJE_RETURN_IF_ERROR(server.Listen());
  const FixedSettings running = command.Fixed(context);
  server::HangupWatcher hangups([&] { Reload(command, context, running, *log); });
  std::string host =
      http.address.find(':') == std::string::npos ? http.address : "[" + http.address + "]";
  // The first line of stdout, which scripts and tests read for the port.
  context.out << "listening on http://" << host << ":" << server.port() << std::endl;
  log->Write(server::LogLevel::kInfo,
             {{"event", "start"},
              {"listen", host + ":" + std::to_string(server.port())},
              {"threads", http.threads},
              {"max_connections", http.max_connections},
              {"max_client_connections", http.max_client_connections},
              {"max_queue", http.max_queue},
              {"console", console_folder.empty() ? nlohmann::ordered_json(nullptr)
                                                 : nlohmann::ordered_json(console_folder)},
              {"store", RedactedUrl(running.database)},
              {"config", options.config_file.empty() ? nlohmann::ordered_json(nullptr)
                                                     : nlohmann::ordered_json(options.config_file)},
              {"stop", "SIGTERM or Ctrl-C (requests in progress are answered)"},
              {"reload", "SIGHUP"}});
  CANJE_RETURN_IF_ERROR(submitter.Start());
  server.Run();
  log->Write(server::LogLevel::kInfo, {{"event", "stop"}});
  return Status::Ok();
}

constexpr const char* kServeFooter =
    "Settings can also come from a configuration file (--config FILE; the packaged service "
    "reads /etc/canje/serve.conf): one KEY = VALUE a line, the keys being this command's flags "
    "without their '--' (listen, threads, body-limit, max-connections, max-client-connections, "
    "max-queue, queue-timeout, request-timeout, pool-size, log-level, log-file, witness-poll-ms, witness-retry-max, witness-timeout-ms, console) and the "
    "global db and master-key; '#' starts a comment line. A flag given on the command line wins "
    "over the file. An unknown key or a bad value is an error naming FILE:LINE.\n"
    "\n"
    "  listen = 127.0.0.1:8420\n"
    "  db = /var/lib/canje/canje.db\n"
    "  master-key = /etc/canje/private/master.key\n"
    "\n"
    "The log has one JSON object a line (time, level, event, request_id, method, route pattern, "
    "status, duration_ms, user), never a token, a body, a path's ids or a query; each response "
    "carries the request's id in X-Request-Id. SIGTERM (systemctl stop) stops gracefully: no new "
    "connection, requests in progress answered. SIGHUP (systemctl reload) reads the "
    "configuration file again: the log level and file change at once (the file is reopened, for "
    "log rotation); other changed settings are logged as needing a restart.\n"
    "\n"
    "Back-pressure: --threads workers answer requests and --max-queue more may wait for one; "
    "a request over that, one that waited --queue-timeout seconds, a connection over "
    "--max-connections or over --max-client-connections from one address is answered 503 with "
    "Retry-After and nothing is done for it. A request still being handled after "
    "--request-timeout seconds has its connection cut. Behind a reverse proxy every connection "
    "comes from the proxy's address: limit clients there (docs/operations.md).";

// An option of `serve` whose default --help shows and whose values must lie in lo..hi.
template <typename Value, typename Bound>
CLI::Option* RangeOption(CLI::App* command, const std::string& name, Value& value,
                         const std::string& help, Bound lo, Bound hi) {
  return command->add_option(name, value, help)->capture_default_str()->check(CLI::Range(lo, hi));
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
  serve->footer(kServeFooter);
  auto command = std::make_shared<ServeCommand>();
  ServeOptions& options = command->options;
  command->configurable = {
      serve->add_option("--listen", options.listen, "ADDRESS:PORT (port 0: any free port)")
          ->capture_default_str(),
      RangeOption(serve, "--threads", options.threads, "Worker threads", 1, 64),
      RangeOption(serve, "--body-limit", options.body_limit, "Largest request body in bytes",
                  size_t{1}, size_t{1} << 30),
      RangeOption(serve, "--max-connections", options.max_connections,
                  "Connections open at once; more are answered 503 with Retry-After", 1, 60000),
      RangeOption(serve, "--max-client-connections", options.max_client_connections,
                  "Connections open at once from one peer address (0: no limit); more are "
                  "answered 503 with Retry-After",
                  0, 60000),
      RangeOption(serve, "--max-queue", options.max_queue,
                  "Requests waiting for a worker thread when all are busy; more are "
                  "answered 503 with Retry-After",
                  0, 100000),
      RangeOption(serve, "--queue-timeout", options.queue_timeout_s,
                  "Seconds a request may wait for a worker thread; then 503, not run", 1, 3600),
      RangeOption(serve, "--request-timeout", options.request_timeout_s,
                  "Seconds a request may be handled; then its connection is cut", 1, 86400),
      serve
          ->add_option("--pool-size", options.pool_size,
                       "Open instances kept per user between requests (default: --threads; 0 "
                       "opens one per request)")
          ->check(CLI::Range(0, 64)),
      serve
          ->add_option("--log-level", options.log_level,
                       "info: every request; warning: answers 4xx and 5xx; error: 5xx")
          ->capture_default_str()
          ->check(CLI::IsMember(server::LogLevelNames())),
      serve
          ->add_option("--log-file", options.log_file,
                       "Append the log to this file (default: stderr); reopened on SIGHUP")
          ->type_name("FILE"),
      serve
          ->add_option("--witness-poll-ms", options.witness_poll_ms,
                       "How often to look for a new checkpoint to send to the witnesses")
          ->capture_default_str(),
      serve
          ->add_option("--witness-retry-max", options.witness_retry_max_s,
                       "Longest wait, in seconds, between retries to a witness that is down")
          ->capture_default_str(),
      serve
          ->add_option("--witness-timeout-ms", options.witness_timeout_ms,
                       "Give up on one request to a witness after this long")
          ->capture_default_str(),
      serve
          ->add_option("--console", options.console,
                       "Serve the web console from this folder at / (default: the folder "
                       "'console' beside the executable, else PREFIX/share/canje/console; "
                       "docs/console.md)")
          ->type_name("DIR"),
      app.get_option("--db"),
      app.get_option("--master-key"),
  };
  serve
      ->add_option("--config", options.config_file,
                   "Read settings from this file (KEY = VALUE lines, below)")
      ->type_name("FILE");
  serve->callback([&context, command] {
    for (const CLI::Option* option : command->configurable) {
      if (option->count() > 0) command->given.push_back(option);
    }
    command->command_line_options = command->options;
    command->command_line_global = context.global;
    context.Finish(RunServe(*command, context));
  });
}

}  // namespace canje::cli
