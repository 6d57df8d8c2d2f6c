#include "json_path.h"

#include <cctype>

#include "script_text.h"

namespace canje::scenario_script {
namespace {

using nlohmann::json;

bool MemberCharacter(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

Status PathError(std::string_view text, size_t column, std::string_view what) {
  return Status::Invalid("JSON path '" + std::string(text) + "', column " +
                         std::to_string(column + 1) + ": " + std::string(what) +
                         " (a path is like .name, .[0], .list[].id, . | length)");
}

}  // namespace

Result<JsonPath> ParseJsonPath(std::string_view text) {
  JsonPath path;
  std::string_view steps = TrimSpaces(text);
  const size_t pipe = steps.find('|');
  if (pipe != std::string_view::npos) {
    if (TrimSpaces(steps.substr(pipe + 1)) != "length") {
      return PathError(text, pipe, "the only function after | is length");
    }
    path.length = true;
    steps = TrimSpaces(steps.substr(0, pipe));
  }
  if (steps.empty() || steps.front() != '.') return PathError(text, 0, "a path starts with .");
  size_t i = 0;
  while (i < steps.size()) {
    if (steps[i] == '.') {
      ++i;
      size_t start = i;
      while (i < steps.size() && MemberCharacter(steps[i])) ++i;
      if (i > start) {
        path.segments.push_back(
            {JsonPathSegment::Kind::kMember, std::string(steps.substr(start, i - start)), 0});
      } else if (i < steps.size() && steps[i] != '[') {
        return PathError(text, i, "expected a member name or [ after .");
      }
    } else if (steps[i] == '[') {
      size_t close = steps.find(']', i);
      if (close == std::string_view::npos) return PathError(text, i, "[ without ]");
      std::string_view inside = steps.substr(i + 1, close - i - 1);
      if (inside.empty()) {
        path.segments.push_back({JsonPathSegment::Kind::kEvery, "", 0});
      } else {
        size_t index = 0;
        for (char c : inside) {
          if (!std::isdigit(static_cast<unsigned char>(c))) {
            return PathError(text, i + 1, "an index is a number from 0");
          }
          index = index * 10 + static_cast<size_t>(c - '0');
        }
        path.segments.push_back({JsonPathSegment::Kind::kIndex, "", index});
      }
      i = close + 1;
    } else {
      return PathError(text, i, "unexpected character");
    }
  }
  return path;
}

Result<std::vector<json>> EvaluateJsonPath(const JsonPath& path, const json& document) {
  std::vector<json> values = {document};
  std::string so_far;
  for (const JsonPathSegment& segment : path.segments) {
    std::vector<json> next;
    for (const json& value : values) {
      switch (segment.kind) {
        case JsonPathSegment::Kind::kMember:
          if (!value.is_object() || !value.contains(segment.member)) {
            return Status::Invalid("no member '" + segment.member + "' at ." + so_far + " in " +
                                   value.dump().substr(0, 200));
          }
          next.push_back(value[segment.member]);
          break;
        case JsonPathSegment::Kind::kIndex:
          if (!value.is_array() || segment.index >= value.size()) {
            return Status::Invalid("no element [" + std::to_string(segment.index) + "] at ." +
                                   so_far + " (" +
                                   (value.is_array() ? std::to_string(value.size()) + " elements"
                                                     : std::string("not an array")) +
                                   ")");
          }
          next.push_back(value[segment.index]);
          break;
        case JsonPathSegment::Kind::kEvery:
          if (!value.is_array() && !value.is_object()) {
            return Status::Invalid("[] over a value that is neither an array nor an object at ." +
                                   so_far);
          }
          for (const json& element : value) next.push_back(element);
          break;
      }
    }
    so_far += segment.kind == JsonPathSegment::Kind::kMember
                  ? (so_far.empty() ? "" : ".") + segment.member
              : segment.kind == JsonPathSegment::Kind::kIndex
                  ? "[" + std::to_string(segment.index) + "]"
                  : "[]";
    values = std::move(next);
  }
  if (path.length) {
    for (json& value : values) {
      if (value.is_string()) {
        value = value.get<std::string>().size();
      } else if (value.is_array() || value.is_object()) {
        value = value.size();
      } else {
        return Status::Invalid("length of a value that has none: " + value.dump());
      }
    }
  }
  return values;
}

Result<bool> CompareJson(const json& actual, std::string_view op, const json& expected) {
  if (op == "==") return actual == expected;
  if (op == "!=") return actual != expected;
  if (op == "contains") {
    if (actual.is_array()) {
      for (const json& element : actual) {
        if (element == expected) return true;
      }
      return false;
    }
    const std::string needle = JsonValueText(expected);
    if (actual.is_object()) return actual.contains(needle);
    if (actual.is_string()) return actual.get<std::string>().find(needle) != std::string::npos;
    return Status::Invalid("`contains` needs an array, an object or a string, not " +
                           actual.dump());
  }
  const bool numbers = actual.is_number() && expected.is_number();
  const bool strings = actual.is_string() && expected.is_string();
  if (!numbers && !strings) {
    return Status::Invalid("`" + std::string(op) + "` compares two numbers or two strings, not " +
                           actual.dump() + " and " + expected.dump());
  }
  if (op == "<") return actual < expected;
  if (op == "<=") return actual <= expected;
  if (op == ">") return actual > expected;
  if (op == ">=") return actual >= expected;
  return Status::Invalid("unknown comparison '" + std::string(op) + "'");
}

std::string JsonValueText(const json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

}  // namespace canje::scenario_script
