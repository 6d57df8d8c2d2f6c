#include "script_variables.h"

#include <cctype>

namespace canje::scenario_script {
namespace {

bool NameCharacter(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

bool ParseNumber(std::string_view text, size_t& number) {
  if (text.empty()) return false;
  number = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    number = number * 10 + static_cast<size_t>(c - '0');
  }
  return true;
}

}  // namespace

void ScriptVariables::Set(const std::string& name, std::vector<std::string> values) {
  values_[name] = std::move(values);
}

Result<std::vector<ScriptVariables::Reference>> ScriptVariables::Find(std::string_view text) {
  std::vector<Reference> references;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '$') continue;
    Reference reference;
    reference.begin = i;
    if (i + 1 < text.size() && text[i + 1] == '$') {
      reference.dollar = true;
      reference.end = i + 2;
      references.push_back(reference);
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < text.size() && NameCharacter(text[end])) ++end;
    if (end == i + 1 || std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      return Status::Invalid("a $ at column " + std::to_string(i + 1) +
                             " is not followed by a variable name (write $$ for a literal $)");
    }
    reference.name = std::string(text.substr(i + 1, end - i - 1));
    if (end < text.size() && text[end] == '[') {
      const size_t close = text.find(']', end);
      if (close == std::string_view::npos) {
        return Status::Invalid("$" + reference.name + "[ has no closing ]");
      }
      std::string_view inside = text.substr(end + 1, close - end - 1);
      const size_t colon = inside.find(':');
      bool valid = false;
      if (colon == std::string_view::npos) {
        reference.indexed = true;
        valid = ParseNumber(inside, reference.first);
      } else {
        reference.ranged = true;
        reference.open_ended = colon + 1 == inside.size();
        valid = ParseNumber(inside.substr(0, colon), reference.first) &&
                (reference.open_ended || ParseNumber(inside.substr(colon + 1), reference.last));
      }
      if (!valid) {
        return Status::Invalid("$" + reference.name + "[" + std::string(inside) +
                               "]: expected [I] or [I:J] with numbers from 0");
      }
      end = close + 1;
    }
    reference.end = end;
    references.push_back(reference);
    i = end - 1;
  }
  return references;
}

Result<std::vector<std::string>> ScriptVariables::Values(const Reference& reference) const {
  if (reference.dollar) return std::vector<std::string>{"$"};
  auto found = values_.find(reference.name);
  if (found == values_.end()) {
    return Status::Invalid("no variable $" + reference.name + " (set one above with `let " +
                           reference.name + " = ...`)");
  }
  const std::vector<std::string>& all = found->second;
  if (reference.indexed) {
    if (reference.first >= all.size()) {
      return Status::Invalid("$" + reference.name + "[" + std::to_string(reference.first) +
                             "] is out of range: $" + reference.name + " holds " +
                             std::to_string(all.size()) + " values");
    }
    return std::vector<std::string>{all[reference.first]};
  }
  if (reference.ranged) {
    const size_t last = reference.open_ended ? all.size() : reference.last;
    if (reference.first > last || last > all.size()) {
      return Status::Invalid("$" + reference.name + "[" + std::to_string(reference.first) + ":" +
                             (reference.open_ended ? "" : std::to_string(last)) +
                             "] is out of range: $" + reference.name + " holds " +
                             std::to_string(all.size()) + " values");
    }
    return std::vector<std::string>(all.begin() + static_cast<std::ptrdiff_t>(reference.first),
                                    all.begin() + static_cast<std::ptrdiff_t>(last));
  }
  return all;
}

Result<std::string> ScriptVariables::Replace(std::string_view text,
                                             const std::vector<Reference>& references, size_t index,
                                             bool allow_multi) const {
  std::string out;
  size_t at = 0;
  for (const Reference& reference : references) {
    out += text.substr(at, reference.begin - at);
    CANJE_ASSIGN_OR_RETURN(std::vector<std::string> values, Values(reference));
    const bool multi = reference.ranged || values.size() != 1;
    if (multi && !allow_multi) {
      return Status::Invalid(
          std::string(text.substr(reference.begin, reference.end - reference.begin)) +
          " stands for " + std::to_string(values.size()) +
          " values here, where one is needed: index it ($" + reference.name +
          "[0]), or write the range as an argument of its own or in a file line");
    }
    out += multi ? values[index] : values.front();
    at = reference.end;
  }
  out += text.substr(at);
  return out;
}

Result<std::string> ScriptVariables::Substitute(std::string_view text) const {
  CANJE_ASSIGN_OR_RETURN(std::vector<Reference> references, Find(text));
  return Replace(text, references, 0, false);
}

Result<std::vector<std::string>> ScriptVariables::ExpandArgument(const Word& word) const {
  CANJE_ASSIGN_OR_RETURN(std::vector<Reference> references, Find(word.text));
  if (!word.quoted && references.size() == 1 && !references[0].dollar && references[0].begin == 0 &&
      references[0].end == word.text.size()) {
    return Values(references[0]);
  }
  CANJE_ASSIGN_OR_RETURN(std::string text, Replace(word.text, references, 0, false));
  return std::vector<std::string>{text};
}

Result<std::vector<std::string>> ScriptVariables::ExpandFileLine(std::string_view line) const {
  CANJE_ASSIGN_OR_RETURN(std::vector<Reference> references, Find(line));
  size_t count = 1;
  bool has_multi = false;
  for (const Reference& reference : references) {
    CANJE_ASSIGN_OR_RETURN(std::vector<std::string> values, Values(reference));
    if (!reference.ranged && values.size() == 1) continue;
    if (has_multi && values.size() != count) {
      return Status::Invalid("the ranges of one file line must have as many values each (" +
                             std::to_string(count) + " and " + std::to_string(values.size()) + ")");
    }
    has_multi = true;
    count = values.size();
  }
  std::vector<std::string> lines;
  for (size_t index = 0; index < count; ++index) {
    CANJE_ASSIGN_OR_RETURN(std::string text, Replace(line, references, index, true));
    lines.push_back(std::move(text));
  }
  return lines;
}

}  // namespace canje::scenario_script
