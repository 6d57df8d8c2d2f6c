#include "instance/sealed_events.h"

#include <nlohmann/json.hpp>

#include "instance/need_to_know.h"
#include "protect/sealing_contexts.h"

namespace canje::instance {
namespace {

// The real type and subjects of a sealed assessment, from its payload; false when it cannot be
// opened (erased) or is not a sealed payload.
bool OpenSealed(Instance& instance, const store::EventRow& event, LogEventView& view) {
  if (event.payload.empty()) return false;
  Result<Bytes> key = instance.vault().UnwrapKey(event.payload_key, protect::kEventPayloadContext);
  if (!key.ok()) return false;
  Result<Bytes> plain = instance.vault().Open(*key, event.payload, protect::kEventPayloadContext);
  if (!plain.ok()) return false;
  nlohmann::json payload = nlohmann::json::parse(AsText(*plain), nullptr, false);
  if (!payload.is_object() || !payload.contains("sealed_type") ||
      !payload["sealed_type"].is_string() || !payload.contains("sealed_subjects") ||
      !payload["sealed_subjects"].is_array()) {
    return false;
  }
  view.type = payload["sealed_type"].get<std::string>();
  view.subjects.clear();
  for (const auto& subject : payload["sealed_subjects"]) {
    if (subject.is_string()) view.subjects.push_back(subject.get<std::string>());
  }
  return true;
}

}  // namespace

bool IsPersonalAssessmentType(std::string_view type) {
  return type == events::kInterviewRecorded || type == events::kExecutionNotTravelling;
}

nlohmann::json SealedAssessmentPayload(std::string_view type,
                                       const std::vector<std::string>& subjects,
                                       const nlohmann::json& payload) {
  return {{"sealed_type", type}, {"sealed_subjects", subjects}, {"payload", payload}};
}

Result<std::vector<LogEventView>> ReadLogEvents(Instance& instance, int64_t from, int64_t limit) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadRegistry));
  if (from < 0 || limit < 0) return Status::Usage("--from and --limit must be numbers >= 0");
  CANJE_ASSIGN_OR_RETURN(auto events, instance.store().Events(from, limit));
  const bool reads_why = ReadsPersonalAssessments(instance.role());
  std::vector<LogEventView> out;
  out.reserve(events.size());
  for (const store::EventRow& event : events) {
    LogEventView view{event.seq,     event.time, event.actor,           event.party,
                      event.type,    event.subjects, false,             event.payload_sha256,
                      event.payload.empty()};
    if (event.type == kSealedAssessmentType) {
      view.sealed = true;
      if (reads_why) OpenSealed(instance, event, view);
    } else if (IsPersonalAssessmentType(event.type) && !reads_why) {
      // Logged before assessments were sealed: listed as a sealed one would be.
      view.sealed = true;
      view.type = std::string(kSealedAssessmentType);
      view.subjects.clear();
    }
    out.push_back(std::move(view));
  }
  return out;
}

}  // namespace canje::instance
