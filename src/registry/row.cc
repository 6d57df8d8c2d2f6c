#include "registry/row.h"

namespace canje::registry {

std::string JsonPath(int64_t index, std::string_view key) {
  std::string path = "$[" + std::to_string(index) + "]";
  if (!key.empty()) {
    path += '.';
    path += key;
  }
  return path;
}

std::string FieldError::ToString(std::string_view file_name) const {
  std::string out(file_name);
  if (line > 0) out += ":" + std::to_string(line);
  if (column > 0) out += ":" + std::to_string(column);
  out += ": ";
  if (!json_path.empty()) {
    out += json_path;
    // The path's index is 0-based; people count records from 1.
    size_t open = json_path.find('[');
    size_t close = json_path.find(']');
    if (open != std::string::npos && close != std::string::npos) {
      out += " (record " +
             std::to_string(std::stoll(json_path.substr(open + 1, close - open - 1)) + 1) + ")";
    }
    out += ": ";
  } else if (!column_name.empty()) {
    out += column_name + ": ";
  }
  out += reason;
  return out;
}

}  // namespace canje::registry
