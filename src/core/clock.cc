#include "core/clock.h"

#include <ctime>

namespace canje {
namespace {

std::string FormatUtc(std::time_t moment, const char* format) {
  std::tm utc{};
  gmtime_r(&moment, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, format, &utc);
  return buffer;
}

bool ReadDigits(std::string_view text, size_t at, size_t count, int& value) {
  value = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

std::string NowRfc3339() { return FormatUtc(std::time(nullptr), "%Y-%m-%dT%H:%M:%SZ"); }
std::string TodayIso() { return FormatUtc(std::time(nullptr), "%Y-%m-%d"); }

int64_t NowUnixSeconds() { return static_cast<int64_t>(std::time(nullptr)); }

std::string Rfc3339FromUnix(int64_t unix_seconds) {
  return FormatUtc(static_cast<std::time_t>(unix_seconds), "%Y-%m-%dT%H:%M:%SZ");
}

std::optional<int64_t> UnixFromRfc3339(std::string_view text) {
  // "2026-11-28T05:00:00Z"
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':' || text[19] != 'Z') {
    return std::nullopt;
  }
  std::tm utc{};
  int year, month, day, hour, minute, second;
  if (!ReadDigits(text, 0, 4, year) || !ReadDigits(text, 5, 2, month) ||
      !ReadDigits(text, 8, 2, day) || !ReadDigits(text, 11, 2, hour) ||
      !ReadDigits(text, 14, 2, minute) || !ReadDigits(text, 17, 2, second) || month < 1 ||
      month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return std::nullopt;
  }
  utc.tm_year = year - 1900;
  utc.tm_mon = month - 1;
  utc.tm_mday = day;
  utc.tm_hour = hour;
  utc.tm_min = minute;
  utc.tm_sec = second;
  const std::time_t moment = timegm(&utc);
  if (Rfc3339FromUnix(moment) != text) return std::nullopt;  // 31 February and the like
  return static_cast<int64_t>(moment);
}

}  // namespace canje
