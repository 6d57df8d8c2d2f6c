// The JSON forms of an exchange's execution (negotiation/execution.h), for `canje exchange
// readiness|reconcile --json`, `canje handover list --json` and the HTTP API. They take the
// results as the caller may read them (personal reasons already hidden by the core) and the names
// the caller may see (VisibleNames); they add nothing and hide nothing.
#pragma once

#include <nlohmann/json.hpp>

#include "negotiation/execution.h"
#include "wire/proposal_json.h"

namespace canje::wire {

// The name of `person` in `names`, or "" when it is not there (not the viewer's to read).
std::string NameOf(const Names& names, int64_t person);

// [{"kind", "reason"}...]: the obstacles as read.
nlohmann::json ObstaclesJson(const std::vector<negotiation::ObstacleAsRead>& obstacles);

// {"person", "name"?, "at", "place", "to", "witnesses", "recorded_by", "recorder_party",
//  "recorded_at"}
nlohmann::json HandoverJson(const store::HandoverRow& row, const Names& names);

// {"exchange", "name", "state", "agreed_version", "date", "counts": {...}, "persons": [...]}
// (docs/formats.md, "Readiness").
nlohmann::json ReadinessJson(const negotiation::ReadinessReport& report, const Names& names);

// docs/formats.md, "Reconciliation of counts".
nlohmann::json ReconciliationJson(const negotiation::ExchangeReconciliation& reconciliation,
                                  const Names& names);

// What `exchange not-travelling` and `handover record` answer: {"exchange", "recorded",
//  "persons": ["P17"...]}
nlohmann::json RecordedPersonsJson(int64_t exchange, int64_t recorded,
                                   const std::vector<int64_t>& persons);
// What `exchange report` answers: {"exchange", "report", "party", "direction": "A>B", "count",
//  "has_persons"}
nlohmann::json CountReportedJson(int64_t exchange, int64_t report_id,
                                 const negotiation::NewCountReport& report);

// The persons a readiness report or a reconciliation names (to look their names up).
std::vector<int64_t> PersonsOf(const negotiation::ReadinessReport& report);
std::vector<int64_t> PersonsOf(const negotiation::ExchangeReconciliation& reconciliation);

}  // namespace canje::wire
