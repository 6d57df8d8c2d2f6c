#include "cli/configuration_file.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace canje::cli {
namespace {

std::string_view Trimmed(std::string_view text) {
  size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::string Where(const std::string& file_name, int line) {
  return file_name + ":" + std::to_string(line) + ": ";
}

}  // namespace

Result<std::vector<ConfigurationEntry>> ParseConfiguration(std::string_view text,
                                                           const std::string& file_name) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte order mark
  std::vector<ConfigurationEntry> entries;
  std::map<std::string, int> seen;  // key -> line
  int number = 0;
  while (!text.empty()) {
    ++number;
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view content = Trimmed(line);
    if (content.empty() || content.front() == '#') continue;
    size_t equals = content.find('=');
    if (equals == std::string_view::npos) {
      return Status::Usage(Where(file_name, number) + "'" + std::string(content) +
                           "' is not a setting: write KEY = VALUE (a key is a flag of the "
                           "command without its '--'), or start the line with '#'");
    }
    std::string key(Trimmed(content.substr(0, equals)));
    if (key.empty()) {
      return Status::Usage(Where(file_name, number) + "a setting needs a key before '='");
    }
    if (auto [previous, inserted] = seen.emplace(key, number); !inserted) {
      return Status::Usage(Where(file_name, number) + "'" + key + "' was already set on line " +
                           std::to_string(previous->second) + "; keep one of the two");
    }
    entries.push_back({key, std::string(Trimmed(content.substr(equals + 1))), number});
  }
  return entries;
}

Result<std::vector<ConfigurationEntry>> ReadConfigurationFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read the configuration file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::NotFound("cannot read the configuration file " + path);
  return ParseConfiguration(text.str(), path);
}

Status ApplyConfiguration(const std::vector<ConfigurationEntry>& entries,
                          const std::string& file_name, const std::vector<CLI::Option*>& accepted,
                          const std::vector<const CLI::Option*>& given) {
  for (const ConfigurationEntry& entry : entries) {
    auto found = std::find_if(accepted.begin(), accepted.end(), [&](const CLI::Option* option) {
      const auto& names = option->get_lnames();
      return std::find(names.begin(), names.end(), entry.key) != names.end();
    });
    if (found == accepted.end()) {
      std::string keys;
      for (const CLI::Option* option : accepted) {
        if (!option->get_lnames().empty()) {
          keys += (keys.empty() ? "" : ", ") + option->get_lnames().front();
        }
      }
      return Status::Usage(Where(file_name, entry.line) + "unknown key '" + entry.key +
                           "'; the keys are " + keys);
    }
    CLI::Option* option = *found;
    if (std::find(given.begin(), given.end(), option) != given.end()) continue;
    try {
      option->clear();
      option->add_result(entry.value);
      option->run_callback();  // checks, converts and stores the value
    } catch (const CLI::Error& error) {
      return Status::Usage(Where(file_name, entry.line) + entry.key + " = '" + entry.value +
                           "': " + error.what());
    }
  }
  return Status::Ok();
}

}  // namespace canje::cli
