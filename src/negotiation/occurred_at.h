// Recording a negotiation after the fact: a mediator who starts using canje mid-negotiation
// records the earlier steps (the exchange's start, offers made, tabled, accepted, rejected) with
// the time they really happened (docs/workflow.md, "Recording a negotiation that began before
// canje").
//
// Rules, once:
//  - Only admins and mediators date a step (Action::kRecordAfterTheFact); a negotiator's answer
//    is always dated by the moment it is given.
//  - The time is a date ("2025-03-14") or a date-time with its offset ("2025-03-14T10:30:00Z",
//    "2025-03-14T12:30:00+02:00"), kept as the date or as the UTC date-time.
//  - Never later than now, never earlier than the step it follows (the exchange's start, the
//    version's creation or tabling, each as it really happened). A date alone is compared by
//    day. Out of bounds is kUsage naming the bound and how to fix it; nothing is written.
//  - Stored beside the recorded time (the recorded time stays the moment canje wrote it); the
//    step's event is logged at the recorded time and its payload carries "occurred_at" and
//    "recorded_after_the_fact": true.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/status.h"
#include "instance/instance.h"

namespace canje::negotiation {

// The canonical form of a time given for a step: "YYYY-MM-DD" for a date, "YYYY-MM-DDTHH:MM:SSZ"
// (UTC, fractions of a second dropped) for a date-time with "Z" or a "+HH:MM"/"-HH:MM" offset.
// kUsage naming the accepted forms for anything else, a date-time without its offset included.
Result<std::string> ParseOccurredAt(std::string_view text);

// When a step really happened: `occurred_at` when it was recorded after the fact, else the time
// it was recorded.
std::string EffectiveTime(const std::string& occurred_at, const std::string& recorded_at);

// The bound a dated step may not precede: what it is ("the start of X1") and when it was.
struct EarliestTime {
  std::string what;
  std::string at;  // RFC 3339 or a date; empty: no bound
};

// kNotPermitted unless the acting user may date a step (admins and mediators), then kUsage
// when `occurred_at` is not in ParseOccurredAt's form (the front doors parse it with it), or is
// later than now or earlier than `earliest`.
Status CheckOccurredAt(const instance::Instance& instance, const std::string& occurred_at,
                       const EarliestTime& earliest);

// Adds "occurred_at" and "recorded_after_the_fact": true to an event's payload when the step
// was dated (`occurred_at` not empty); leaves it as it is otherwise.
void AddOccurredAt(nlohmann::json& payload, const std::string& occurred_at);

}  // namespace canje::negotiation
