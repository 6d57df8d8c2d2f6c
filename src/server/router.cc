#include "server/router.h"

namespace canje::server {

bool SplitPath(std::string_view path, std::vector<std::string>& segments) {
  segments.clear();
  if (path.empty() || path.front() != '/') return false;
  size_t start = 1;
  while (true) {
    size_t end = path.find('/', start);
    segments.emplace_back(path.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return true;
    start = end + 1;
  }
}

bool IsParameter(std::string_view segment) {
  return segment.size() >= 3 && segment.front() == '{' && segment.back() == '}';
}

bool IsRestParameter(std::string_view segment) {
  return IsParameter(segment) && segment.size() >= 5 &&
         segment.substr(segment.size() - 4) == "...}";
}

std::string ParameterName(std::string_view segment) {
  if (!IsParameter(segment)) return std::string();
  std::string_view name = segment.substr(1, segment.size() - (IsRestParameter(segment) ? 5 : 2));
  return std::string(name);
}

}  // namespace canje::server
