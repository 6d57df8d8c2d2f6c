#include "negotiation/occurred_at.h"

#include <cstdio>
#include <optional>

#include "core/clock.h"

namespace canje::negotiation {
namespace {

constexpr std::string_view kForms =
    "give a date (2025-03-14) or a date-time with its offset (2025-03-14T10:30:00Z or "
    "2025-03-14T12:30:00+02:00)";

bool Digits(std::string_view text, size_t at, size_t count) {
  if (text.size() < at + count) return false;
  for (size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

int Number(std::string_view text, size_t at, size_t count) {
  int value = 0;
  for (size_t i = at; i < at + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

Status NotATime(std::string_view text) {
  return Status::Usage("'" + std::string(text) + "' is not a time canje reads; " +
                       std::string(kForms));
}

// Whether `a` is before `b`, each a date or an RFC 3339 time; a date is compared by day.
bool Before(const std::string& a, const std::string& b) {
  if (a.size() == 10 || b.size() == 10) return a.substr(0, 10) < b.substr(0, 10);
  return a < b;
}

}  // namespace

Result<std::string> ParseOccurredAt(std::string_view text) {
  const bool date_shape = Digits(text, 0, 4) && text.size() >= 10 && text[4] == '-' &&
                          Digits(text, 5, 2) && text[7] == '-' && Digits(text, 8, 2);
  if (!date_shape) return NotATime(text);
  const std::string date(text.substr(0, 10));
  if (!UnixFromRfc3339(date + "T00:00:00Z")) {
    return Status::Usage("'" + std::string(text) + "': " + date + " is not a day of the calendar");
  }
  if (text.size() == 10) return date;
  // THH:MM[:SS[.fraction]] then Z or an offset.
  if ((text[10] != 'T' && text[10] != 't') || !Digits(text, 11, 2) || text.size() < 16 ||
      text[13] != ':' || !Digits(text, 14, 2)) {
    return NotATime(text);
  }
  size_t at = 16;
  int second = 0;
  if (at < text.size() && text[at] == ':') {
    if (!Digits(text, at + 1, 2)) return NotATime(text);
    second = Number(text, at + 1, 2);
    at += 3;
    if (at < text.size() && text[at] == '.') {
      ++at;
      if (!Digits(text, at, 1)) return NotATime(text);
      while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    }
  }
  int offset_minutes = 0;
  if (at == text.size()) {
    return Status::Usage("'" + std::string(text) +
                         "' has no time zone; add Z (UTC) or the offset, such as +02:00");
  }
  if ((text[at] == 'Z' || text[at] == 'z') && at + 1 == text.size()) {
    offset_minutes = 0;
  } else if ((text[at] == '+' || text[at] == '-') && text.size() == at + 6 &&
             Digits(text, at + 1, 2) && text[at + 3] == ':' && Digits(text, at + 4, 2) &&
             Number(text, at + 1, 2) < 24 && Number(text, at + 4, 2) < 60) {
    offset_minutes =
        (Number(text, at + 1, 2) * 60 + Number(text, at + 4, 2)) * (text[at] == '-' ? -1 : 1);
  } else {
    return NotATime(text);
  }
  const int hour = Number(text, 11, 2);
  const int minute = Number(text, 14, 2);
  if (hour > 23 || minute > 59 || second > 59) return NotATime(text);
  char clock[16];
  std::snprintf(clock, sizeof clock, "%02d:%02d:%02d", hour, minute, second);
  std::optional<int64_t> local = UnixFromRfc3339(date + "T" + clock + "Z");
  if (!local) return NotATime(text);
  return Rfc3339FromUnix(*local - int64_t{60} * offset_minutes);
}

std::string EffectiveTime(const std::string& occurred_at, const std::string& recorded_at) {
  return occurred_at.empty() ? recorded_at : occurred_at;
}

Status CheckOccurredAt(const instance::Instance& instance, const std::string& occurred_at,
                       const EarliestTime& earliest) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kRecordAfterTheFact));
  Result<std::string> canonical = ParseOccurredAt(occurred_at);
  if (!canonical.ok()) return canonical.status();
  if (*canonical != occurred_at) {
    return Status::Usage("'" + occurred_at + "' is not in the form canje keeps; give it as " +
                         *canonical);
  }
  const std::string now = NowRfc3339();
  if (Before(now, occurred_at)) {
    return Status::Usage("the time it happened, " + occurred_at + ", is later than now (" + now +
                         "); a step recorded after the fact happened in the past: give the "
                         "time it really happened, or leave it out for now");
  }
  if (!earliest.at.empty() && Before(occurred_at, earliest.at)) {
    return Status::Usage("the time it happened, " + occurred_at + ", is earlier than " +
                         earliest.what + " (" + earliest.at + "); give a time from " + earliest.at +
                         " to now");
  }
  return Status::Ok();
}

void AddOccurredAt(nlohmann::json& payload, const std::string& occurred_at) {
  if (occurred_at.empty()) return;
  payload["occurred_at"] = occurred_at;
  payload["recorded_after_the_fact"] = true;
}

}  // namespace canje::negotiation
