// Small text helpers shared by the scenario script files.
#pragma once

#include <cctype>
#include <string_view>

namespace canje::scenario_script {

// `text` without leading and trailing white space.
inline std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace canje::scenario_script
