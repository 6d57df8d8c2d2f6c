#include "script_parser.h"

#include <cctype>
#include <set>

#include "script_text.h"

namespace canje::scenario_script {
namespace {

bool VariableName(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) return false;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '_') return false;
  }
  return true;
}

bool Bare(const Word& word, std::string_view text) { return !word.quoted && word.text == text; }

const std::set<std::string>& Operators() {
  static const std::set<std::string> operators = {"==", "!=", "<", "<=", ">", ">=", "contains"};
  return operators;
}

constexpr std::string_view kSteps =
    "a line is a # comment, a ## chapter, `as USER: ARGS`, `canje ARGS`, `run PROGRAM ARGS`, "
    "`let NAME = COMMAND | PATH`, `file NAME [from TEMPLATE]`, `needs WORDS`, or under a "
    "command `fails STATUS \"TEXT\"`, `expect-out \"TEXT\"`, `expect-err \"TEXT\"`, "
    "`not-out \"TEXT\"`, `expect-json PATH OP VALUE`, `changes-nothing`";

class Parser {
 public:
  explicit Parser(std::string_view path) { script_.path = std::string(path); }

  Status Line(int number, std::string_view raw) {
    line_ = number;
    if (collecting_file_) {
      if (TrimSpaces(raw) == "end") {
        collecting_file_ = false;
      } else {
        script_.steps.back().body.emplace_back(raw);
      }
      return Status::Ok();
    }
    std::string_view line = TrimSpaces(raw);
    if (line.empty()) return Status::Ok();
    if (line.substr(0, 2) == "##") {
      expectation_allowed_ = false;
      chapter_ = std::string(TrimSpaces(line.substr(2)));
      return Status::Ok();
    }
    if (line.front() == '#') return Status::Ok();
    Result<std::vector<Word>> split = SplitWords(line);
    if (!split.ok()) return Error(split.status().message());
    std::vector<Word> words = std::move(split).value();
    const Word& first = words.front();
    if (first.quoted)
      return Error(std::string("a line cannot start with a quoted word; ") + std::string(kSteps));
    const std::string& keyword = first.text;
    const bool is_expectation = keyword == "fails" || keyword == "expect-out" ||
                                keyword == "expect-err" || keyword == "not-out" ||
                                keyword == "expect-json" || keyword == "changes-nothing";
    if (is_expectation) return Expect(words);
    expectation_allowed_ =
        keyword == "as" || keyword == "canje" || keyword == "run" || keyword == "let";
    if (keyword == "as" || keyword == "canje" || keyword == "run") {
      Step step = NewStep(Step::Kind::kCommand);
      CANJE_ASSIGN_OR_RETURN(step.command, ParseCommand(words, 0, words.size()));
      script_.steps.push_back(std::move(step));
      return Status::Ok();
    }
    if (keyword == "let") return Let(words);
    if (keyword == "file") return File(words);
    if (keyword == "needs") {
      if (words.size() < 2) return Error("`needs` names a command, such as: needs handover record");
      Step step = NewStep(Step::Kind::kNeeds);
      for (size_t i = 1; i < words.size(); ++i) step.needs.push_back(words[i].text);
      script_.steps.push_back(std::move(step));
      return Status::Ok();
    }
    return Error("unknown step '" + keyword + "'; " + std::string(kSteps));
  }

  Result<Script> Finish() {
    if (collecting_file_) {
      line_ = script_.steps.back().line;
      return Error("`file " + script_.steps.back().file_name + "` has no closing line `end`");
    }
    return std::move(script_);
  }

 private:
  Status Error(const std::string& message) const {
    return Status::Invalid(script_.path + ":" + std::to_string(line_) + ": " + message);
  }

  Step NewStep(Step::Kind kind) const {
    Step step;
    step.kind = kind;
    step.line = line_;
    step.chapter = chapter_;
    return step;
  }

  // words[begin, end) is `as USER: ARGS`, `canje ARGS` or `run PROGRAM ARGS`.
  Result<Command> ParseCommand(const std::vector<Word>& words, size_t begin, size_t end) const {
    Command command;
    if (begin >= end)
      return Error("a command is missing: `as USER: ARGS`, `canje ARGS` or `run ...`");
    const Word& first = words[begin];
    size_t args = begin + 1;
    if (Bare(first, "as")) {
      if (args >= end) return Error("`as` needs a user and a colon: as med: exchange list");
      std::string user = words[args].text;
      ++args;
      if (!user.empty() && user.back() == ':') {
        user.pop_back();
      } else if (args < end && Bare(words[args], ":")) {
        ++args;
      } else {
        return Error("`as " + user + "` needs a colon after the user: as " + user + ": ARGS");
      }
      if (user.empty()) return Error("`as` needs a user name before the colon");
      command.user = user;
    } else if (Bare(first, "run")) {
      command.kind = Command::Kind::kRun;
    } else if (!Bare(first, "canje")) {
      return Error("expected a command (`as USER: ARGS`, `canje ARGS`, `run PROGRAM ARGS`), got '" +
                   first.text + "'");
    }
    if (args >= end) return Error("the command has no arguments");
    command.args.assign(words.begin() + static_cast<std::ptrdiff_t>(args),
                        words.begin() + static_cast<std::ptrdiff_t>(end));
    return command;
  }

  Status Let(const std::vector<Word>& words) {
    if (words.size() < 4 || !Bare(words[2], "=") || !VariableName(words[1].text)) {
      return Error(
          "expected `let NAME = COMMAND | PATH` (NAME of letters, digits and _), such as: "
          "let ROSTER = canje persons --list L1 --json | .[].id");
    }
    Step step = NewStep(Step::Kind::kLet);
    step.variable = words[1].text;
    size_t pipe = 3;
    while (pipe < words.size() && !Bare(words[pipe], "|")) ++pipe;
    CANJE_ASSIGN_OR_RETURN(step.command, ParseCommand(words, 3, pipe));
    if (pipe == words.size()) {
      step.capture_stdout = true;
    } else {
      std::string path;
      for (size_t i = pipe + 1; i < words.size(); ++i)
        path += (path.empty() ? "" : " ") + words[i].text;
      Result<JsonPath> parsed = ParseJsonPath(path);
      if (!parsed.ok()) return Error(parsed.status().message());
      step.capture_path = std::move(parsed).value();
    }
    script_.steps.push_back(std::move(step));
    return Status::Ok();
  }

  Status File(const std::vector<Word>& words) {
    Step step = NewStep(Step::Kind::kFile);
    if (words.size() == 2) {
      collecting_file_ = true;
    } else if (words.size() == 4 && Bare(words[2], "from")) {
      step.template_name = words[3].text;
    } else {
      return Error(
          "expected `file NAME` (then its lines and a line `end`) or `file NAME from "
          "TEMPLATE`");
    }
    step.file_name = words[1].text;
    if (step.file_name.empty() || step.file_name.find('/') != std::string::npos) {
      return Error("a file name has no folder: it is written in the scenario's run folder");
    }
    script_.steps.push_back(std::move(step));
    return Status::Ok();
  }

  Status Expect(const std::vector<Word>& words) {
    const std::string& keyword = words.front().text;
    if (!expectation_allowed_) {
      return Error("`" + keyword + "` must follow the command it checks");
    }
    Step& step = script_.steps.back();
    Expectation expectation;
    expectation.line = line_;
    if (keyword == "fails") {
      if (words.size() != 3) {
        return Error("expected `fails STATUS \"TEXT\"`, such as: fails 75 \"superseded\"");
      }
      int status = 0;
      for (char c : words[1].text) {
        if (!std::isdigit(static_cast<unsigned char>(c)) || status > 255) {
          return Error("`fails` needs an exit status from 1 to 255, got '" + words[1].text + "'");
        }
        status = status * 10 + (c - '0');
      }
      if (status < 1 || status > 255) {
        return Error("`fails` needs an exit status from 1 to 255, got '" + words[1].text + "'");
      }
      for (const Expectation& other : step.expectations) {
        if (other.kind == Expectation::Kind::kFails) {
          return Error("a command has at most one `fails` line (see line " +
                       std::to_string(other.line) + ")");
        }
      }
      expectation.kind = Expectation::Kind::kFails;
      expectation.exit_status = status;
      expectation.text = words[2].text;
    } else if (keyword == "changes-nothing") {
      if (words.size() != 1) return Error("`changes-nothing` takes no arguments");
      expectation.kind = Expectation::Kind::kChangesNothing;
    } else if (keyword == "expect-json") {
      size_t op = 1;
      while (op < words.size() && !(!words[op].quoted && Operators().count(words[op].text))) ++op;
      if (op == 1 || op + 2 != words.size()) {
        return Error(
            "expected `expect-json PATH OP VALUE` with OP one of == != < <= > >= contains, such "
            "as: expect-json .state == \"agreed\"");
      }
      for (size_t i = 1; i < op; ++i) {
        expectation.path_text += (i > 1 ? " " : "") + words[i].text;
      }
      Result<JsonPath> path = ParseJsonPath(expectation.path_text);
      if (!path.ok()) return Error(path.status().message());
      expectation.kind = Expectation::Kind::kJson;
      expectation.path = std::move(path).value();
      expectation.op = words[op].text;
      expectation.text = words[op + 1].text;
    } else {
      if (words.size() != 2) {
        return Error("expected `" + keyword + " \"TEXT\"` (quote text that has spaces)");
      }
      expectation.kind = keyword == "expect-out"   ? Expectation::Kind::kOut
                         : keyword == "expect-err" ? Expectation::Kind::kErr
                                                   : Expectation::Kind::kNotOut;
      expectation.text = words[1].text;
      if (expectation.text.empty()) return Error("`" + keyword + "` needs a non-empty text");
    }
    step.expectations.push_back(std::move(expectation));
    return Status::Ok();
  }

  Script script_;
  std::string chapter_;
  int line_ = 0;
  // An expectation follows its command, the command's other expectations, comments and blank
  // lines; not a chapter heading, a file or a `needs` line.
  bool expectation_allowed_ = false;
  bool collecting_file_ = false;
};

}  // namespace

Result<std::vector<Word>> SplitWords(std::string_view line) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < line.size()) {
    if (std::isspace(static_cast<unsigned char>(line[i]))) {
      ++i;
      continue;
    }
    Word word;
    while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) {
      const char c = line[i];
      if (c == '"' || c == '\'') {
        const size_t open = i++;
        word.quoted = true;
        while (i < line.size() && line[i] != c) {
          if (c == '"' && line[i] == '\\') {
            if (i + 1 >= line.size()) break;
            ++i;
          }
          word.text += line[i++];
        }
        if (i >= line.size()) {
          return Status::Invalid(std::string("the quote ") + c + " at column " +
                                 std::to_string(open + 1) + " is not closed");
        }
        ++i;  // the closing quote
      } else {
        word.text += c;
        ++i;
      }
    }
    words.push_back(std::move(word));
  }
  return words;
}

Result<Script> ParseScript(std::string_view path, std::string_view text) {
  Parser parser(path);
  int number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++number;
    CANJE_RETURN_IF_ERROR(parser.Line(number, line));
    start = end + 1;
  }
  return parser.Finish();
}

}  // namespace canje::scenario_script
