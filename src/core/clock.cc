#include "core/clock.h"

#include <ctime>

namespace canje {
namespace {
std::string FormatUtc(const char* format) {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, format, &utc);
  return buffer;
}
}  // namespace

std::string NowRfc3339() { return FormatUtc("%Y-%m-%dT%H:%M:%SZ"); }
std::string TodayIso() { return FormatUtc("%Y-%m-%d"); }

}  // namespace canje
