// Dates in list files: dates of birth and custody dates, with their precision.
//
// Accepted forms:
//   - ISO 8601: "1990" (year), "1990-04" (month), "1990-04-03" (day).
//   - Day and month with a four-digit year, separated by "/", "-" or ".": "3/4/1990",
//     "03-04-1990", "3.4.1990"; and month with year: "04/1990" (month precision).
//     Whether "3/4/1990" is 3 April or March 4 depends on the writer's habit, so with
//     DateOrder::kUnambiguousOnly such a date is accepted only when one reading is impossible
//     (a number above 12: "25/4/1990" is 25 April, "4/25/1990" is April 25) or both readings
//     agree ("4/4/1990"); otherwise it is an "ambiguous date" error that says how to write it,
//     and how to import the file with its order (`canje import --date-order dmy|mdy`, or the
//     query parameter `date_order=dmy|mdy` of POST /v1/lists). kDayFirst or kMonthFirst settle
//     it for a whole file.
// Rejected with the reason: two-digit years, year 0 (and anything outside 1..9999), months and
// days that do not exist ("1990-02-30", "1990-13-01"), and anything else.
#pragma once

#include <string_view>

#include "core/status.h"
#include "registry/person.h"

namespace canje::registry {

enum class DateOrder { kUnambiguousOnly, kDayFirst, kMonthFirst };

// Parses one date as above. Error messages say what is wrong and how to write the date, with no
// location (the caller adds file, line and column).
Result<PartialDate> ParseDate(std::string_view text, DateOrder order = DateOrder::kUnambiguousOnly);

// Days in a month of the proleptic Gregorian calendar.
int DaysInMonth(int year, int month);

// True when the date could not be before or on `today` at its own precision: a year after
// today's year, a month after today's month, a day after today. "2025" is not after 2025-06-01.
bool IsAfter(const PartialDate& date, const PartialDate& today);

// Checks a date that must not lie in the future: dates of birth and custody dates. A date of
// birth may also not be more than 130 years before today. `what` names the field in messages
// ("date of birth").
Status CheckNotInFuture(const PartialDate& date, const PartialDate& today, std::string_view what);
Status CheckDateOfBirth(const PartialDate& date, const PartialDate& today);

}  // namespace canje::registry
