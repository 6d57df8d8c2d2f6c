// The JSON forms of what bars or clears a transfer: legal holds (negotiation/holds.h), legal
// acts (legal_acts.h), interviews (interviews.h) and the eligibility report
// (eligibility_report.h), for `canje hold|act|interview ... --json`. They take the results as
// the reader may read them (need to know applied by the core).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "negotiation/eligibility_report.h"
#include "negotiation/holds.h"
#include "negotiation/interviews.h"
#include "negotiation/legal_acts.h"

namespace canje::wire {

// {"id": "H3", "issuer", "reference", "from", "until", "scope": {"persons": [...]} or
//  {"rule": {"holder": ..., ...}} (a key for every field of negotiation/hold_rule_fields.h),
//  "state", "in_force",
//  "lifted_on", "lift_reason", "created_at", "created_by"}; empty texts are null. With
// `with_covered`: "covered" (the persons the reader may see) and "covered_hidden".
nlohmann::json HoldJson(const negotiation::HoldView& view, bool with_covered);
// `hold list`: HoldJson without the persons, plus "covered_count".
nlohmann::json HoldListItemJson(const negotiation::HoldView& view);

// {"id": "A2", "person", "type", "date", "authority", "reference", "status_after",
//  "recorded_at", "recorded_by"}
nlohmann::json LegalActJson(const store::LegalActRow& act);
// What `act add` answers: {"id": "A2", "person": "P17"}
nlohmann::json LegalActRecordedJson(int64_t act, int64_t person);

// {"id": "I4", "person", "destination", "interviewed_on", "identity", "consent",
//  "fit_to_travel", "current", "note" (null when none or erased), "note_erased", "recorded_by",
//  "recorder_party", "recorded_at"}
nlohmann::json InterviewJson(const negotiation::InterviewView& view);
// What `interview record` answers: {"id", "person", "destination", "changes_refusal"}
nlohmann::json InterviewRecordedJson(const negotiation::RecordedInterview& recorded,
                                     int64_t person, const std::string& destination);
// What `interview record --file` answers: an InterviewRecordedJson for each interview of the
// batch, in order (`recorded[i]` is `interviews[i]`'s).
nlohmann::json InterviewsRecordedJson(
    const std::vector<negotiation::RecordedInterview>& recorded,
    const std::vector<std::pair<negotiation::NewInterview, std::string>>& interviews);

// {"person", "selectable", "ready_for_handover", "reasons": [{"kind", "blocks_selection",
//  "reason"}...]}
nlohmann::json EligibilityJson(const negotiation::PersonEligibility& entry);

}  // namespace canje::wire
