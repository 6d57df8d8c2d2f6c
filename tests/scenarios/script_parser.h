// The scenario script format (tests/scenarios/README.md): a whole negotiation as lines a
// newcomer can read top to bottom. ParseScript turns a script's text into steps, checking every
// line's syntax first, so a bad line is reported as FILE:LINE before anything runs.
//
// Lines:
//   # a comment                   ## a chapter heading
//   as USER: ARGS...              runs `canje --as USER ARGS...`
//   canje ARGS...                 runs `canje ARGS...` as the store's first admin
//   run PROGRAM ARGS...           runs any program (openssl, ...) in the scenario's folder
//   let NAME = COMMAND [| PATH]   runs COMMAND (one of the three above) and keeps PATH's values
//                                 from its JSON output (without PATH: stdout, trimmed)
//   file NAME                     writes NAME from the lines up to a line `end`, with $VARs
//   file NAME from TEMPLATE       writes NAME from the scenario folder's TEMPLATE, with $VARs
//   needs WORDS...                the rest of the script needs `canje WORDS` (words starting
//                                 with -- are options its --help must list): when the binary
//                                 lacks it, the steps above run and the rest is pending
// and, under a command, expectations about it:
//   fails STATUS "TEXT"           exits STATUS, stderr contains TEXT, and the log is unchanged
//   expect-out "TEXT"             stdout contains TEXT      expect-err "TEXT"  stderr contains it
//   not-out "TEXT"                neither stdout nor stderr contains TEXT, in any letter case
//   changes-nothing               (a command that succeeds) the log is unchanged, as for fails
//   expect-json PATH OP VALUE     stdout's JSON at PATH compares with VALUE (== != < <= > >=
//                                 contains); VALUE is JSON when it reads as JSON (3, true,
//                                 '["a","b"]'), else a string ("agreed")
// Arguments split at spaces; "double" or 'single' quotes keep spaces; inside double quotes \"
// and \\ escape. $NAME, $NAME[I] and $NAME[I:J] are substituted when the step runs (not here).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "json_path.h"

namespace canje::scenario_script {

// One argument as written: its text (quotes removed, escapes applied) and whether it was quoted
// (a quoted argument is never split by a $NAME[I:J] range).
struct Word {
  std::string text;
  bool quoted = false;
};

struct Expectation {
  enum class Kind { kFails, kOut, kErr, kNotOut, kJson, kChangesNothing };
  Kind kind = Kind::kOut;
  int line = 0;
  int exit_status = 0;    // kFails
  std::string text;       // kFails, kOut, kErr, kNotOut; kJson: the value as written
  JsonPath path;          // kJson
  std::string path_text;  // kJson, as written
  std::string op;         // kJson: == != < <= > >= contains
};

struct Command {
  enum class Kind { kCanje, kRun };
  Kind kind = Kind::kCanje;
  std::string user;  // kCanje: empty for the store's first admin
  std::vector<Word> args;
};

struct Step {
  enum class Kind { kCommand, kLet, kFile, kNeeds };
  Kind kind = Kind::kCommand;
  int line = 0;
  std::string chapter;  // the latest `## heading` above the step ("" before any)
  // kCommand and kLet.
  Command command;
  std::vector<Expectation> expectations;
  // kLet.
  std::string variable;
  bool capture_stdout = false;  // no PATH: the trimmed stdout is the single value
  JsonPath capture_path;
  // kFile.
  std::string file_name;
  std::string template_name;      // `file NAME from TEMPLATE`
  std::vector<std::string> body;  // `file NAME` ... `end`
  // kNeeds: the words after `needs`.
  std::vector<std::string> needs;
};

struct Script {
  std::string path;  // as given to ParseScript, for messages
  std::vector<Step> steps;
};

// Splits one line into words as described above. kInvalid names the column of an unterminated
// quote or a dangling backslash.
Result<std::vector<Word>> SplitWords(std::string_view line);

// Parses a whole script. Errors are kInvalid with "PATH:LINE: " first and say how to fix the
// line.
Result<Script> ParseScript(std::string_view path, std::string_view text);

}  // namespace canje::scenario_script
