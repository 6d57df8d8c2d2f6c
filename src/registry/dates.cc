#include "registry/dates.h"

#include <array>
#include <charconv>
#include <string>
#include <vector>

#include "registry/text_fold.h"

namespace canje::registry {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// How an import is told the order of a whole file's dates, for an ambiguous date whose day-first
// reading is `day_first` ("3 April") and month-first reading `month_first` ("March 4"). Said with
// the command line's flag and the HTTP API's query parameter both, since the same reason reaches
// either.
std::string HowToGiveTheOrder(const std::string& day_first, const std::string& month_first) {
  return "import the file with its date order: day first (" + day_first +
         ") with `canje import --date-order dmy`, or `date_order=dmy` over HTTP; month first (" +
         month_first + ") with `--date-order mdy`, or `date_order=mdy`";
}

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

std::string Pad(int value, int width) {
  std::string text = std::to_string(value);
  while (static_cast<int>(text.size()) < width) text.insert(text.begin(), '0');
  return text;
}

Status CheckYear(std::string_view text, int year) {
  if (year < 1 || year > 9999) {
    return Status::Invalid("date " + Quoted(text) + " has year " + std::to_string(year) +
                           ", which does not exist; years run from 1 to 9999");
  }
  return Status::Ok();
}

Status CheckMonth(std::string_view text, int month) {
  if (month < 1 || month > 12) {
    return Status::Invalid("date " + Quoted(text) + " has month " + std::to_string(month) +
                           "; months run from 1 to 12");
  }
  return Status::Ok();
}

Status CheckDay(std::string_view text, int year, int month, int day) {
  const int days = DaysInMonth(year, month);
  if (day < 1 || day > days) {
    return Status::Invalid("date " + Quoted(text) + " does not exist: " +
                           std::string(kMonthNames[month - 1]) + " " + std::to_string(year) +
                           " has " + std::to_string(days) + " days");
  }
  return Status::Ok();
}

Result<PartialDate> MakeDay(std::string_view text, int year, int month, int day) {
  CANJE_RETURN_IF_ERROR(CheckYear(text, year));
  CANJE_RETURN_IF_ERROR(CheckMonth(text, month));
  CANJE_RETURN_IF_ERROR(CheckDay(text, year, month, day));
  return PartialDate{year, month, day, PartialDate::Precision::kDay};
}

Result<PartialDate> ParseIso(std::string_view text, const std::vector<std::string_view>& parts) {
  const int year = ToInt(parts[0]);
  CANJE_RETURN_IF_ERROR(CheckYear(text, year));
  if (parts.size() == 1) return PartialDate{year, 0, 0, PartialDate::Precision::kYear};
  if (parts[1].size() != 2 || (parts.size() == 3 && parts[2].size() != 2)) {
    return Status::Invalid("date " + Quoted(text) +
                           " is not ISO 8601; write it as YYYY-MM-DD with two-digit month and "
                           "day, e.g. 1990-04-03");
  }
  const int month = ToInt(parts[1]);
  CANJE_RETURN_IF_ERROR(CheckMonth(text, month));
  if (parts.size() == 2) return PartialDate{year, month, 0, PartialDate::Precision::kMonth};
  return MakeDay(text, year, month, ToInt(parts[2]));
}

Result<PartialDate> ParseDayMonthYear(std::string_view text,
                                      const std::vector<std::string_view>& parts,
                                      DateOrder order) {
  const int first = ToInt(parts[0]);
  const int second = ToInt(parts[1]);
  const int year = ToInt(parts[2]);
  CANJE_RETURN_IF_ERROR(CheckYear(text, year));
  if (order == DateOrder::kDayFirst) return MakeDay(text, year, second, first);
  if (order == DateOrder::kMonthFirst) return MakeDay(text, year, first, second);
  const bool day_first_possible = second >= 1 && second <= 12 && first >= 1;
  const bool month_first_possible = first >= 1 && first <= 12 && second >= 1;
  if (first == second || !month_first_possible) return MakeDay(text, year, second, first);
  if (!day_first_possible) return MakeDay(text, year, first, second);
  const std::string day_first = std::to_string(first) + " " + std::string(kMonthNames[second - 1]);
  const std::string month_first =
      std::string(kMonthNames[first - 1]) + " " + std::to_string(second);
  return Status::Invalid("ambiguous date " + Quoted(text) + ": it may be " + day_first + " or " +
                         month_first + ", " + std::to_string(year) + "; write it as " +
                         Pad(year, 4) + "-" + Pad(second, 2) + "-" + Pad(first, 2) + " or " +
                         Pad(year, 4) + "-" + Pad(first, 2) + "-" + Pad(second, 2) +
                         " (ISO 8601, YYYY-MM-DD), or " + HowToGiveTheOrder(day_first, month_first));
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

Result<PartialDate> ParseDate(std::string_view text, DateOrder order) {
  text = TrimSpace(text);
  const std::string how = "; write it as YYYY-MM-DD (ISO 8601), or YYYY-MM or YYYY when only the "
                          "month or year is known";
  if (text.empty()) return Status::Invalid("the date is empty" + how);
  // Split on one kind of separator.
  const size_t separator_at = text.find_first_of("-/.");
  const char separator = separator_at == std::string_view::npos ? '-' : text[separator_at];
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    const size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  for (std::string_view part : parts) {
    if (!AllDigits(part) || parts.size() > 3) {
      return Status::Invalid("date " + Quoted(text) + " is not a date canje reads" + how);
    }
  }
  if (parts[0].size() == 4) {
    if (separator != '-') {
      return Status::Invalid("date " + Quoted(text) + " uses '" + std::string(1, separator) +
                             "' after the year" + how);
    }
    return ParseIso(text, parts);
  }
  if (parts.back().size() != 4) {
    return Status::Invalid("date " + Quoted(text) + " has no four-digit year" + how);
  }
  if (parts.size() == 2) {  // MM/YYYY
    const int year = ToInt(parts[1]);
    CANJE_RETURN_IF_ERROR(CheckYear(text, year));
    const int month = ToInt(parts[0]);
    CANJE_RETURN_IF_ERROR(CheckMonth(text, month));
    return PartialDate{year, month, 0, PartialDate::Precision::kMonth};
  }
  if (parts.size() != 3 || parts[0].size() > 2 || parts[1].size() > 2) {
    return Status::Invalid("date " + Quoted(text) + " is not a date canje reads" + how);
  }
  return ParseDayMonthYear(text, parts, order);
}

bool IsAfter(const PartialDate& date, const PartialDate& today) {
  if (date.year != today.year) return date.year > today.year;
  if (date.precision == PartialDate::Precision::kYear) return false;
  if (date.month != today.month) return date.month > today.month;
  if (date.precision == PartialDate::Precision::kMonth) return false;
  return date.day > today.day;
}

Status CheckNotInFuture(const PartialDate& date, const PartialDate& today, std::string_view what) {
  if (IsAfter(date, today)) {
    return Status::Invalid(std::string(what) + " " + date.ToIso() + " is in the future (today is " +
                           today.ToIso() + ")");
  }
  return Status::Ok();
}

Status CheckDateOfBirth(const PartialDate& date, const PartialDate& today) {
  CANJE_RETURN_IF_ERROR(CheckNotInFuture(date, today, "date of birth"));
  constexpr int kMaxAge = 130;
  if (today.year - date.year > kMaxAge) {
    return Status::Invalid("date of birth " + date.ToIso() + " is more than " +
                           std::to_string(kMaxAge) + " years ago; check the year");
  }
  return Status::Ok();
}

}  // namespace canje::registry
