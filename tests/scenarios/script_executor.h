// Runs a parsed scenario script against the real `canje` binary (cli/cli_test_support.h), on
// SQLite or, with CANJE_TEST_BACKEND=postgres, on PostgreSQL.
//
// Contract:
// - The scenario folder's files (all but *.canje) are copied into the run folder first; `file`
//   steps write more there. Every command runs in the run folder.
// - A command without `fails` must exit 0. A command with `fails STATUS "TEXT"` must exit STATUS
//   with TEXT in its stderr, and the store's log must be exactly as before: the same tree size
//   and root hash (`canje log checkpoint`), so nothing was written; `changes-nothing` checks the
//   same for a command that succeeds.
// - The first step that does not go as written stops the script; the outcome's message names
//   FILE:LINE, the chapter, the command as run, what was expected and what came.
// - At a `needs` line whose command the binary lacks, the script stops: the steps above must
//   have passed, and the outcome is pending, naming the command and the line.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"
#include "script_parser.h"
#include "script_variables.h"

namespace canje::scenario_script {

struct ScriptOutcome {
  enum class Kind { kPassed, kFailed, kPending };
  Kind kind = Kind::kPassed;
  std::string message;  // kFailed: what went wrong and where; kPending: what is missing
  int steps = 0;        // steps run
  int refusals = 0;     // `fails` steps checked to change nothing
};

// What a test that runs a script may add (tests/scenarios/leak_test.cc): see each member.
struct ScriptHooks {
  // Called after every `canje` command step with its user ("" for the first admin), its
  // arguments as run and what came back.
  std::function<void(const std::string& user, const std::vector<std::string>& args,
                     const cli::testing::RunResult& result)>
      after_command;
  // Called after each step, with the step and whether it ends its chapter (the next step is in
  // another chapter, or there is none). A failure stops the script with its message.
  std::function<Status(const Step& step, bool chapter_ends)> after_step;
  // Only exit statuses (and "changes nothing") are checked, not the texts a step expects: for a
  // variant of a script whose messages differ where the variant changed it.
  bool statuses_only = false;
  // When set, a `canje` command step runs through this in place of the binary (the script
  // replayed over HTTP); `user` as for after_command. What it returns stands for the command's
  // exit status, stdout (a JSON document) and stderr; nothing: the binary runs the step (a
  // command that needs no store, such as `canje sign`).
  std::function<std::optional<cli::testing::RunResult>(const std::string& user,
                                                       const std::vector<std::string>& args)>
      run_canje;
  // With run_canje: the log's checkpoint note, as `canje log checkpoint` prints it ("" when there
  // is none yet), for the checks that a step changed nothing.
  std::function<std::string()> read_checkpoint;
  // For `canje` steps, `expect-out`, `expect-err` and the texts of `fails` are not checked (the
  // answers are JSON where the command prints text, and a refusal's words are the command's);
  // exit statuses, `expect-json`, `not-out` and "changes nothing" still are.
  bool json_only = false;
};

class ScriptExecutor {
 public:
  // `progress` receives one line per chapter (its steps and seconds) as the script runs.
  ScriptExecutor(const Script& script, std::filesystem::path scenario_dir,
                 const cli::testing::CanjeRunner& canje, std::ostream& progress,
                 ScriptHooks hooks = {});

  ScriptOutcome Run();

  // The values of the script's `let` steps so far.
  const ScriptVariables& variables() const { return variables_; }

 private:
  struct LogState {
    bool present = false;  // false before the store exists
    std::string size, root;
  };

  // Whether the binary has the command (and options) a `needs` line names.
  bool HasCommand(const std::vector<std::string>& needs) const;
  Status CopyScenarioFiles() const;
  // Runs one step; a failure's message already says where and what.
  Status RunStep(const Step& step, ScriptOutcome& outcome);
  Status RunFileStep(const Step& step);
  cli::testing::RunResult RunCommand(const Command& command, const std::vector<std::string>& args);
  Status CheckExpectation(const Step& step, const Expectation& expectation,
                          const cli::testing::RunResult& result, const std::string& shown);
  LogState ReadLogState() const;
  std::string Where(int line, const Step& step) const;

  const Script& script_;
  std::filesystem::path scenario_dir_;
  const cli::testing::CanjeRunner& canje_;
  std::ostream& progress_;
  ScriptHooks hooks_;
  ScriptVariables variables_;
};

}  // namespace canje::scenario_script
