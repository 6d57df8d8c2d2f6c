// Wall-clock time as canje records it: RFC 3339 in UTC with second precision
// ("2025-07-18T14:03:09Z"), and today's date for validating dates of birth. Times in this form
// compare correctly as text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace canje {

std::string NowRfc3339();
// "2026-11-28"
std::string TodayIso();

// Seconds since 1970-01-01T00:00:00Z.
int64_t NowUnixSeconds();
// The RFC 3339 form of a Unix time.
std::string Rfc3339FromUnix(int64_t unix_seconds);
// The Unix time of "YYYY-MM-DDTHH:MM:SSZ"; nullopt for any other text.
std::optional<int64_t> UnixFromRfc3339(std::string_view text);

}  // namespace canje
