// Wall-clock time as canje records it: RFC 3339 in UTC with second precision
// ("2025-07-18T14:03:09Z"), and today's date for validating dates of birth.
#pragma once

#include <string>

namespace canje {

std::string NowRfc3339();
// "2026-11-28"
std::string TodayIso();

}  // namespace canje
