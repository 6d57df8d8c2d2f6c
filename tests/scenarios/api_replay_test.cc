// The cecot-2025 script replayed through the HTTP API alone: after `canje demo` (and the first
// admin's API token, made on the command line as part of setting the store up), every step that
// acts on the store is a request to `canje serve` (api_script_client.h) — users, their tokens,
// the exchange, proposals, holds, interviews, signatures, the workflow, handovers, the counts.
// The same script runs on the command line beside it, making the same tokens, and both must
// end with the same log size and the same reconciliation. Runs on SQLite and, in
// scenarios_test_postgres, on PostgreSQL.
//
// The replay checks every step's exit status, `expect-json`, `not-out` and "changes nothing"
// (read through GET /v1/log/checkpoint); not the command line's printed texts (`expect-out`) nor
// the words of a refusal, which are the command's.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "api_script_client.h"
#include "cli/cli_test_support.h"
#include "script_catalog.h"
#include "script_executor.h"
#include "script_parser.h"
#include "server/serve_test_support.h"

namespace canje::scenario_script {
namespace {

using cli::testing::CanjeRunner;
using cli::testing::RunResult;
using nlohmann::json;

Result<Script> CecotScript(std::filesystem::path& folder) {
  for (const ScenarioScript& scenario : FindScenarioScripts(CANJE_SOURCE_DIR)) {
    if (scenario.test_name != "cecot_2025") continue;
    folder = scenario.folder;
    std::ifstream in(scenario.file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return ParseScript(scenario.shown_path, text.str());
  }
  return Status::NotFound("no tests/scenarios/cecot-2025/script.canje");
}

// The API token of `user`, made on the command line.
std::string CommandLineToken(const CanjeRunner& canje, const std::string& user) {
  RunResult token = canje.Run({"user", "token", "create", user, "--json"});
  EXPECT_EQ(token.exit_status, 0) << token.err;
  return token.exit_status == 0 ? json::parse(token.out)["token"].get<std::string>() : "";
}

// A reconciliation without what two runs of one script cannot share: when it and the reports
// were made, and what depends on the parties' own new keys and on those times (the log's root,
// the manifest's hash, the key ids). Every count, difference, reason and person stays.
json WithoutWhatDiffersByRun(json reconciliation) {
  reconciliation.erase("generated_at");
  reconciliation.erase("manifest_sha256");
  if (reconciliation.contains("log")) reconciliation["log"].erase("root");
  for (json& signature : reconciliation["signatures"]) signature.erase("key_id");
  for (json& direction : reconciliation["directions"]) {
    for (json& report : direction["reported"]) report.erase("reported_at");
  }
  return reconciliation;
}

TEST(ApiReplayTest, TheCecotScriptThroughTheApiEndsAsOnTheCommandLine) {
  std::filesystem::path folder;
  Result<Script> script = CecotScript(folder);
  ASSERT_TRUE(script.ok()) << script.status().message();

  // On the command line, with a token made wherever the replay makes one.
  CanjeRunner by_command;
  ScriptHooks command_hooks;
  command_hooks.after_command = [&](const std::string&, const std::vector<std::string>& args,
                                    const RunResult& result) {
    if (result.exit_status != 0) return;
    if (args.size() == 1 && args[0] == "demo") CommandLineToken(by_command, "mediator");
    if (args.size() >= 3 && args[0] == "user" && args[1] == "add") {
      CommandLineToken(by_command, args[2]);
    }
  };
  ScriptOutcome on_command_line =
      ScriptExecutor(*script, folder, by_command, std::cout, command_hooks).Run();
  ASSERT_EQ(on_command_line.kind, ScriptOutcome::Kind::kPassed) << on_command_line.message;

  // Through the API: the server starts once `canje demo` made the store.
  CanjeRunner by_api;
  std::unique_ptr<server::testing::ServeProcess> server;
  std::unique_ptr<ApiScriptClient> client;
  ScriptHooks api_hooks;
  api_hooks.json_only = true;
  api_hooks.run_canje = [&](const std::string& user,
                            const std::vector<std::string>& args) -> std::optional<RunResult> {
    if (!client) return std::nullopt;  // `canje demo`
    return client->Run(user, args);
  };
  api_hooks.after_command = [&](const std::string&, const std::vector<std::string>& args,
                                const RunResult& result) {
    if (client || args.size() != 1 || args[0] != "demo" || result.exit_status != 0) return;
    const std::string admin_token = CommandLineToken(by_api, "mediator");
    server = std::make_unique<server::testing::ServeProcess>(by_api);
    ASSERT_NE(server->port(), 0) << server->error();
    client = std::make_unique<ApiScriptClient>(server->port(), by_api, admin_token);
  };
  api_hooks.read_checkpoint = [&] { return client ? client->Checkpoint() : std::string(); };
  ScriptOutcome through_api = ScriptExecutor(*script, folder, by_api, std::cout, api_hooks).Run();
  ASSERT_EQ(through_api.kind, ScriptOutcome::Kind::kPassed) << through_api.message;
  ASSERT_NE(client, nullptr);
  EXPECT_GT(client->requests(), 100) << "the replay sent too few requests to have replayed it";

  // The same log, as long, and the same reconciliation.
  auto size_of = [](const std::string& note) {
    std::istringstream lines(note);
    std::string origin, size;
    std::getline(lines, origin);
    std::getline(lines, size);
    return size;
  };
  const std::string command_checkpoint = by_command.Run({"log", "checkpoint"}).out;
  EXPECT_EQ(size_of(client->Checkpoint()), size_of(command_checkpoint));
  EXPECT_FALSE(size_of(command_checkpoint).empty());
  RunResult reconciled = by_command.Run({"--as", "med", "exchange", "reconcile", "X1", "--json"});
  ASSERT_EQ(reconciled.exit_status, 0) << reconciled.err;
  std::optional<RunResult> over_http = client->Run("med", {"exchange", "reconcile", "X1"});
  ASSERT_TRUE(over_http.has_value());
  EXPECT_EQ(WithoutWhatDiffersByRun(json::parse(over_http->out, nullptr, false)),
            WithoutWhatDiffersByRun(json::parse(reconciled.out)));
  EXPECT_EQ(server->Stop(), 0);
}

}  // namespace
}  // namespace canje::scenario_script
