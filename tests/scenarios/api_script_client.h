// A small client that runs a scenario script's `canje` commands as requests to `canje serve`
// (docs/api.md): each command of the script's vocabulary becomes the request that serves the same
// use case, as the script's user (each user's API token, made over HTTP when `user add` makes
// the user). Used by api_replay_test.cc with the executor's run_canje hook.
//
// Contract:
// - Run() answers a command it knows with a RunResult that stands for the command's: the exit
//   status of the problem's status (docs/principles.md: 400 → 2, 422 → 65, 404 → 66, 409 and
//   412 → 75, 403 → 77, 503 → 69, other failures → 1), stdout the answer's JSON (a list's every
//   page, in order), stderr the problem's detail. Files the command would write (`--out`,
//   `--csv`, `--html`) are written from the answers; files it would read are read from the run
//   folder.
// - It answers nothing (the binary runs the step) only for commands that need no store
//   (`canje sign`) and `canje log verify` (a party's own check of the published log).
// - A command outside its vocabulary is a test failure (ADD_FAILURE naming it), answered with
//   exit status 1: the replay cannot pass by skipping a step.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"
#include "server/serve_test_support.h"

namespace canje::scenario_script {

class ApiScriptClient {
 public:
  // `admin_token` acts as the store's first admin (the script's user "").
  ApiScriptClient(int port, const cli::testing::CanjeRunner& canje, std::string admin_token);

  std::optional<cli::testing::RunResult> Run(const std::string& user,
                                             const std::vector<std::string>& args);
  // The log's checkpoint note (GET /v1/log/checkpoint), "" when it cannot be read.
  std::string Checkpoint();
  // How many commands went over HTTP.
  int requests() const { return requests_; }

 private:
  struct Parsed;  // a command line: its words before the first option, and its options
  std::optional<cli::testing::RunResult> Translate(const std::string& user, const Parsed& command);
  server::testing::HttpResult Send(const std::string& user, const std::string& method,
                                   const std::string& target, const std::string& body = "");
  cli::testing::RunResult Answer(const server::testing::HttpResult& answer);
  // GET every page of a list (server/pagination.h), as one JSON array.
  cli::testing::RunResult GetAllPages(const std::string& user, std::string target);
  std::string ReadRunFile(const std::string& name) const;

  server::testing::HttpTestClient client_;
  const cli::testing::CanjeRunner& canje_;
  std::map<std::string, std::string> tokens_;  // user -> token; "" the first admin
  int requests_ = 0;
};

}  // namespace canje::scenario_script
