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

}  // namespace canje::server
