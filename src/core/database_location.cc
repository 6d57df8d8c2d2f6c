#include "core/database_location.h"

namespace canje {

bool IsPostgresUrl(std::string_view location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string RedactedUrl(std::string_view location) {
  std::string text(location);
  size_t scheme_end = text.find("://");
  if (scheme_end == std::string::npos) return text;
  size_t authority = scheme_end + 3;
  size_t at = text.find('@', authority);
  size_t slash = text.find('/', authority);
  if (at == std::string::npos || (slash != std::string::npos && at > slash)) return text;
  size_t colon = text.find(':', authority);
  if (colon != std::string::npos && colon < at) text.replace(colon + 1, at - colon - 1, "***");
  return text;
}

}  // namespace canje
