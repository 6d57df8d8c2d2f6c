// Personal assessments in the log without inference (docs/security.md, "The log and what it
// tells").
//
// An interview, a fitness assessment, a not-travelling outcome: the event that records one says
// by its type and its subjects who was assessed and when, and the sequence of such events says
// who was interviewed and then did not travel. So these events are logged sealed: the event row
// and its leaf carry one type for all of them, "assessment.sealed", and no subjects; the real
// type and subjects go into the sealed payload (whose salted hash the leaf commits to, so the
// entry verifies as every other), and into the store's private subject index, so that erasing a
// person still reaches them. Instance's Recorder seals every event whose type is listed here;
// callers record them as usual.
//
// Reading the log (ReadLogEvents): roles that read personal assessments (instance/
// need_to_know.h) see the real type and subjects, opened from the payload; everyone else sees
// "assessment.sealed" without subjects, also for such events written before they were sealed
// (whose leaves, already signed, still name their subjects: see docs/security.md).
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/encoding.h"
#include "core/status.h"
#include "instance/event_types.h"
#include "instance/instance.h"

namespace canje::instance {

// The one public type of every sealed personal assessment.
inline constexpr std::string_view kSealedAssessmentType = events::kAssessmentSealed;

// True for the event types that record a personal assessment: "interview.recorded",
// "execution.not_travelling".
bool IsPersonalAssessmentType(std::string_view type);

// The payload a sealed assessment keeps: the real type and subjects, and the event's payload.
nlohmann::json SealedAssessmentPayload(std::string_view type,
                                       const std::vector<std::string>& subjects,
                                       const nlohmann::json& payload);

// One entry of the log as the acting user may read it.
struct LogEventView {
  int64_t seq = 0;
  std::string time;
  std::string actor;
  std::string party;
  std::string type;                   // for a sealed assessment: the real type, or
                                      // kSealedAssessmentType for those who may not read it
  std::vector<std::string> subjects;  // likewise: empty for those who may not read them
  bool sealed = false;                // a personal assessment, sealed (or shown as one)
  Bytes payload_sha256;
  bool erased = false;  // the payload and its salt were erased with a person
};

// Entries `from` to `from + limit - 1` (fewer at the end of the log), as the acting user may
// read them. Needs Action::kReadRegistry.
Result<std::vector<LogEventView>> ReadLogEvents(Instance& instance, int64_t from, int64_t limit);

}  // namespace canje::instance
