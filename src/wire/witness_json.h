// The JSON forms of the log's witnesses, submissions to them, exchanges' witness policies and
// the finality of agreements and completed exchanges (shared by --json and the HTTP API).
#pragma once

#include <nlohmann/json.hpp>

#include "instance/log_witnesses.h"
#include "instance/witness_submission.h"
#include "negotiation/witness_policy.h"

namespace canje::wire {

// {"name", "verifier_key", "url", "party", "added_at", "added_by", "cosigned_size",
//  "cosigned_at"}
nlohmann::json WitnessStatusJson(const instance::WitnessStatus& status);
// {"witness", "size", "cosigned_size", "cosigned", "up_to_date", "problem"}
nlohmann::json SubmissionReportJson(const instance::SubmissionReport& report);
// {"exchange": "X1", "threshold": 2, "witnesses": [...], "set_at", "set_by"}
nlohmann::json WitnessPolicyJson(const store::WitnessPolicyRow& policy);
// {"final": bool, "entry": N or null, "threshold": K, "detail": "...",
//  "witnesses": [{"witness", "cosigned_size", "covers"}]}
nlohmann::json FinalityJson(const negotiation::Finality& finality);

}  // namespace canje::wire
