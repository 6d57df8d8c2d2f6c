#include "script_executor.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

#include "script_text.h"

namespace canje::scenario_script {
namespace {

using cli::testing::RunResult;
using nlohmann::json;

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// A command line as a reader would type it: arguments with spaces or quotes quoted.
std::string Shown(const std::vector<std::string>& argv) {
  std::string shown;
  for (const std::string& arg : argv) {
    if (!shown.empty()) shown += ' ';
    if (arg.empty() || arg.find_first_of(" \t\"'$|") != std::string::npos) {
      shown += '"';
      for (char c : arg) {
        if (c == '"' || c == '\\') shown += '\\';
        shown += c;
      }
      shown += '"';
    } else {
      shown += arg;
    }
  }
  return shown;
}

// At most `limit` bytes of an output, indented under its label.
std::string Excerpt(const std::string& text, size_t limit = 3000) {
  if (text.empty()) return "(empty)\n";
  std::string shown = text.size() > limit ? text.substr(0, limit) + "\n... (" +
                                                std::to_string(text.size() - limit) + " more bytes)"
                                          : text;
  std::string out;
  for (char c : shown) {
    out += c;
    if (c == '\n') out += "            ";
  }
  return std::string(TrimSpaces(out)) + "\n";
}

std::string Got(const RunResult& result) {
  return "  got:      exit status " + std::to_string(result.exit_status) +
         "\n  stdout:   " + Excerpt(result.out) + "  stderr:   " + Excerpt(result.err);
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

ScriptExecutor::ScriptExecutor(const Script& script, std::filesystem::path scenario_dir,
                               const cli::testing::CanjeRunner& canje, std::ostream& progress,
                               ScriptHooks hooks)
    : script_(script),
      scenario_dir_(std::move(scenario_dir)),
      canje_(canje),
      progress_(progress),
      hooks_(std::move(hooks)) {}

std::string ScriptExecutor::Where(int line, const Step& step) const {
  std::string where = script_.path + ":" + std::to_string(line);
  if (!step.chapter.empty()) where += " (chapter \"" + step.chapter + "\")";
  return where;
}

bool ScriptExecutor::HasCommand(const std::vector<std::string>& needs) const {
  std::vector<std::string> command, options;
  for (const std::string& word : needs) {
    (word.rfind("--", 0) == 0 ? options : command).push_back(word);
  }
  std::vector<std::string> args = command;
  args.push_back("--help");
  RunResult help = canje_.Run(args);
  // CLI11 answers `canje exchange nosuch --help` with the help of `canje exchange`: the usage
  // line must name the whole command.
  std::string usage = "Usage: canje";
  for (const std::string& word : command) usage += " " + word;
  bool present = help.exit_status == 0 && (help.out.find(usage + " ") != std::string::npos ||
                                           help.out.find(usage + "\n") != std::string::npos);
  for (const std::string& option : options) {
    present = present && help.out.find(option) != std::string::npos;
  }
  return present;
}

Status ScriptExecutor::CopyScenarioFiles() const {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(scenario_dir_, error)) {
    if (!entry.is_regular_file() || entry.path().extension() == ".canje") continue;
    std::filesystem::copy_file(entry.path(), canje_.Path(entry.path().filename().string()),
                               std::filesystem::copy_options::overwrite_existing, error);
    if (error) {
      return Status::CannotWrite("cannot copy " + entry.path().string() + ": " + error.message());
    }
  }
  if (error)
    return Status::NotFound("cannot list " + scenario_dir_.string() + ": " + error.message());
  return Status::Ok();
}

ScriptExecutor::LogState ScriptExecutor::ReadLogState() const {
  LogState state;
  std::string note;
  if (hooks_.read_checkpoint) {
    note = hooks_.read_checkpoint();
  } else {
    RunResult checkpoint = canje_.Run({"log", "checkpoint"});
    if (checkpoint.exit_status == 0) note = checkpoint.out;
  }
  if (note.empty()) return state;
  std::istringstream lines(note);
  std::string origin;
  std::getline(lines, origin);
  std::getline(lines, state.size);
  std::getline(lines, state.root);
  state.present = true;
  return state;
}

RunResult ScriptExecutor::RunCommand(const Command& command, const std::vector<std::string>& args) {
  if (command.kind == Command::Kind::kRun) {
    return cli::testing::RunProgram(args, canje_.dir(), {"CANJE_DB=" + canje_.database()});
  }
  if (hooks_.run_canje) {
    if (std::optional<RunResult> answered = hooks_.run_canje(command.user, args)) return *answered;
  }
  std::vector<std::string> argv;
  if (!command.user.empty()) argv = {"--as", command.user};
  argv.insert(argv.end(), args.begin(), args.end());
  return canje_.Run(argv);
}

Status ScriptExecutor::RunFileStep(const Step& step) {
  std::vector<std::string> lines = step.body;
  if (!step.template_name.empty()) {
    std::ifstream in(scenario_dir_ / step.template_name, std::ios::binary);
    if (!in) {
      return Status::NotFound(Where(step.line, step) + ": no template " + step.template_name +
                              " in " + scenario_dir_.string());
    }
    lines.clear();
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  std::string content;
  for (size_t i = 0; i < lines.size(); ++i) {
    Result<std::vector<std::string>> expanded = variables_.ExpandFileLine(lines[i]);
    if (!expanded.ok()) {
      const int line = step.template_name.empty() ? step.line + 1 + static_cast<int>(i) : step.line;
      return Status::Invalid(Where(line, step) + ": " + expanded.status().message());
    }
    for (const std::string& text : *expanded) content += text + "\n";
  }
  canje_.WriteFile(step.file_name, content);
  return Status::Ok();
}

Status ScriptExecutor::CheckExpectation(const Step& step, const Expectation& expectation,
                                        const RunResult& result, const std::string& shown) {
  if (expectation.kind == Expectation::Kind::kFails ||
      expectation.kind == Expectation::Kind::kChangesNothing || hooks_.statuses_only) {
    return Status::Ok();  // checked by RunStep (texts not at all when only statuses are)
  }
  if (hooks_.json_only && step.command.kind == Command::Kind::kCanje &&
      (expectation.kind == Expectation::Kind::kOut ||
       expectation.kind == Expectation::Kind::kErr)) {
    return Status::Ok();
  }
  Result<std::string> text = variables_.Substitute(expectation.text);
  if (!text.ok()) {
    return Status::Invalid(Where(expectation.line, step) + ": " + text.status().message());
  }
  std::string expected, problem;
  switch (expectation.kind) {
    case Expectation::Kind::kOut:
      expected = "stdout containing \"" + *text + "\"";
      if (result.out.find(*text) == std::string::npos) problem = "it does not";
      break;
    case Expectation::Kind::kErr:
      expected = "stderr containing \"" + *text + "\"";
      if (result.err.find(*text) == std::string::npos) problem = "it does not";
      break;
    case Expectation::Kind::kNotOut:
      expected = "neither stdout nor stderr containing \"" + *text + "\" in any letter case";
      if (Lower(result.out + result.err).find(Lower(*text)) != std::string::npos) {
        problem = "it does";
      }
      break;
    case Expectation::Kind::kJson: {
      json wanted = json::parse(*text, nullptr, false);
      if (wanted.is_discarded()) wanted = *text;
      expected = "JSON " + expectation.path_text + " " + expectation.op + " " + wanted.dump();
      json document = json::parse(result.out, nullptr, false);
      if (document.is_discarded()) {
        problem = "stdout is not JSON (add --json to the command?)";
        break;
      }
      Result<std::vector<json>> values = EvaluateJsonPath(expectation.path, document);
      if (!values.ok()) {
        problem = values.status().message();
        break;
      }
      const json actual = values->size() == 1 ? values->front() : json(*values);
      Result<bool> holds = CompareJson(actual, expectation.op, wanted);
      if (!holds.ok()) {
        problem = holds.status().message();
      } else if (!*holds) {
        problem = "the value is " + actual.dump().substr(0, 2000);
      }
      break;
    }
    case Expectation::Kind::kFails:
    case Expectation::Kind::kChangesNothing:
      break;
  }
  if (problem.empty()) return Status::Ok();
  return Status::Invalid(Where(expectation.line, step) + "\n  command:  " + shown + "  (line " +
                         std::to_string(step.line) + ")\n  expected: " + expected +
                         "\n  problem:  " + problem + "\n" + Got(result));
}

Status ScriptExecutor::RunStep(const Step& step, ScriptOutcome& outcome) {
  if (step.kind == Step::Kind::kFile) return RunFileStep(step);
  if (step.kind == Step::Kind::kNeeds) return Status::Ok();  // checked by Run
  std::vector<std::string> args;
  for (const Word& word : step.command.args) {
    Result<std::vector<std::string>> expanded = variables_.ExpandArgument(word);
    if (!expanded.ok()) {
      return Status::Invalid(Where(step.line, step) + ": " + expanded.status().message());
    }
    args.insert(args.end(), expanded->begin(), expanded->end());
  }
  std::vector<std::string> argv = args;
  if (step.command.kind == Command::Kind::kCanje) {
    argv.insert(argv.begin(), "canje");
    if (!step.command.user.empty()) argv.insert(argv.begin() + 1, {"--as", step.command.user});
  }
  const std::string shown = Shown(argv);

  const Expectation* fails = nullptr;
  const Expectation* unchanged = nullptr;
  for (const Expectation& expectation : step.expectations) {
    if (expectation.kind == Expectation::Kind::kFails) fails = unchanged = &expectation;
    if (expectation.kind == Expectation::Kind::kChangesNothing) unchanged = &expectation;
  }
  LogState before;
  if (unchanged != nullptr) before = ReadLogState();
  RunResult result = RunCommand(step.command, args);
  ++outcome.steps;
  if (hooks_.after_command && step.command.kind == Command::Kind::kCanje) {
    hooks_.after_command(step.command.user, args, result);
  }

  if (fails == nullptr) {
    if (result.exit_status != 0) {
      return Status::Invalid(Where(step.line, step) + "\n  command:  " + shown +
                             "\n  expected: exit status 0\n" + Got(result));
    }
  } else {
    Result<std::string> text = variables_.Substitute(fails->text);
    if (!text.ok()) {
      return Status::Invalid(Where(fails->line, step) + ": " + text.status().message());
    }
    const bool text_found = hooks_.statuses_only ||
                            (hooks_.json_only && step.command.kind == Command::Kind::kCanje) ||
                            result.err.find(*text) != std::string::npos;
    if (result.exit_status != fails->exit_status || !text_found) {
      return Status::Invalid(Where(fails->line, step) + "\n  command:  " + shown +
                             "\n  expected: exit status " + std::to_string(fails->exit_status) +
                             " and stderr containing \"" + *text + "\"\n" + Got(result));
    }
    ++outcome.refusals;
  }
  if (unchanged != nullptr) {
    LogState after = ReadLogState();
    if (after.present != before.present || after.size != before.size || after.root != before.root) {
      return Status::Invalid(Where(unchanged->line, step) + "\n  command:  " + shown +
                             "\n  expected: the step changes nothing\n  got:      the log went "
                             "from size " +
                             before.size + " (root " + before.root + ") to size " + after.size +
                             " (root " + after.root + ")");
    }
  }
  for (const Expectation& expectation : step.expectations) {
    CANJE_RETURN_IF_ERROR(CheckExpectation(step, expectation, result, shown));
  }
  if (step.kind == Step::Kind::kLet) {
    if (step.capture_stdout) {
      variables_.Set(step.variable, {std::string(TrimSpaces(result.out))});
      return Status::Ok();
    }
    json document = json::parse(result.out, nullptr, false);
    Result<std::vector<json>> values =
        document.is_discarded() ? Result<std::vector<json>>(Status::Invalid("stdout is not JSON"))
                                : EvaluateJsonPath(step.capture_path, document);
    if (!values.ok()) {
      return Status::Invalid(Where(step.line, step) + "\n  command:  " + shown +
                             "\n  expected: a value for $" + step.variable +
                             "\n  problem:  " + values.status().message() + "\n" + Got(result));
    }
    std::vector<std::string> texts;
    for (const json& value : *values) texts.push_back(JsonValueText(value));
    variables_.Set(step.variable, std::move(texts));
  }
  return Status::Ok();
}

ScriptOutcome ScriptExecutor::Run() {
  ScriptOutcome outcome;
  if (Status copied = CopyScenarioFiles(); !copied.ok()) {
    outcome.kind = ScriptOutcome::Kind::kFailed;
    outcome.message = copied.message();
    return outcome;
  }
  const auto start = std::chrono::steady_clock::now();
  auto chapter_start = start;
  std::string chapter;
  int chapter_steps = 0;
  auto report_chapter = [&] {
    if (chapter_steps == 0) return;
    progress_ << "  " << std::left << std::setw(60) << (chapter.empty() ? "(setup)" : chapter)
              << std::right << std::setw(4) << chapter_steps << " steps " << std::fixed
              << std::setprecision(1) << SecondsSince(chapter_start) << " s\n";
  };
  for (size_t index = 0; index < script_.steps.size(); ++index) {
    const Step& step = script_.steps[index];
    if (step.chapter != chapter) {
      report_chapter();
      chapter = step.chapter;
      chapter_start = std::chrono::steady_clock::now();
      chapter_steps = 0;
    }
    if (step.kind == Step::Kind::kNeeds && !HasCommand(step.needs)) {
      report_chapter();
      std::string command = "canje";
      for (const std::string& word : step.needs) command += " " + word;
      outcome.kind = ScriptOutcome::Kind::kPending;
      outcome.message = "pending: " + Where(step.line, step) +
                        " and the rest of the script need `" + command +
                        "`, which this canje does not have yet (the " +
                        std::to_string(outcome.steps) + " commands above passed)";
      return outcome;
    }
    Status status = RunStep(step, outcome);
    ++chapter_steps;
    if (status.ok() && hooks_.after_step) {
      const bool chapter_ends =
          index + 1 == script_.steps.size() || script_.steps[index + 1].chapter != step.chapter;
      status = hooks_.after_step(step, chapter_ends);
    }
    if (!status.ok()) {
      outcome.kind = ScriptOutcome::Kind::kFailed;
      outcome.message = status.message();
      return outcome;
    }
  }
  report_chapter();
  progress_ << script_.path << ": " << outcome.steps << " commands, " << outcome.refusals
            << " refused steps checked to change nothing, " << std::fixed << std::setprecision(1)
            << SecondsSince(start) << " s\n";
  return outcome;
}

}  // namespace canje::scenario_script
