#include "script_variant.h"

#include <sstream>

namespace canje::scenario_script {
namespace {

// The value after option `name` in `args`, or nullptr.
Word* OptionValue(std::vector<Word>& args, const std::string& name) {
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i].text == name) return &args[i + 1];
  }
  return nullptr;
}

std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, ',')) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

std::string JoinCsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) line += (i == 0 ? "" : ",") + fields[i];
  return line;
}

// An interviews file (a header with consent and fit columns): its refusing rows made unfit.
void RewriteInterviewRows(std::vector<std::string>& lines) {
  if (lines.empty()) return;
  const std::vector<std::string> header = SplitCsvLine(lines[0]);
  size_t consent = header.size(), fit = header.size();
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == "consent") consent = i;
    if (header[i] == "fit") fit = i;
  }
  if (consent == header.size() || fit == header.size()) return;
  for (size_t line = 1; line < lines.size(); ++line) {
    std::vector<std::string> fields = SplitCsvLine(lines[line]);
    if (fields.size() != header.size() || fields[consent] != "refuses") continue;
    fields[consent] = "consents";
    fields[fit] = "no";
    lines[line] = JoinCsvLine(fields);
  }
}

}  // namespace

Script RefusalsAsUnfitness(const Script& script) {
  Script variant = script;
  variant.path += " (refusals as unfitness)";
  for (Step& step : variant.steps) {
    if (step.kind == Step::Kind::kFile) {
      RewriteInterviewRows(step.body);
      continue;
    }
    if (step.kind != Step::Kind::kCommand && step.kind != Step::Kind::kLet) continue;
    std::vector<Word>& args = step.command.args;
    Word* consent = OptionValue(args, "--consent");
    if (consent != nullptr && consent->text == "refuses") {
      consent->text = "consents";
      if (Word* fit = OptionValue(args, "--fit"); fit != nullptr) {
        fit->text = "no";
      } else {
        args.push_back({"--fit", false});
        args.push_back({"no", false});
      }
    }
    Word* reason = OptionValue(args, "--reason");
    if (reason != nullptr && reason->text == "refused-consent") reason->text = "unfit";
  }
  return variant;
}

}  // namespace canje::scenario_script
