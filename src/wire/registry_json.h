// The JSON forms of the registry's results: lists, persons, a person's details, the instance
// summary, an import report. One mapping, used by the command line's --json and by the HTTP
// API, so both say the same thing in the same words.
//
// These functions only map: what a caller may see was decided by the core before the value
// reached here (need to know lives in registry/ and instance/access).
#pragma once

#include <nlohmann/json.hpp>

#include "reconciliation/statuses.h"
#include "registry/importer.h"
#include "registry/person_directory.h"
#include "registry/summary.h"
#include "store/store.h"

namespace canje::wire {

// {"id": "L3", "kind", "party", "source", "file_name", "file_sha256", "format", "records",
//  "rejected", "imported_at", "imported_by", "event"}
nlohmann::json ListJson(const store::ListRow& list);
// {"holder", "facility", "since", "legal_basis", "charge_status", "status",
//  "evidence_disclosed": bool|null, "list"?}
nlohmann::json CustodyJson(const store::CustodyRow& custody);
// {"id": "P17", "erased", "custody": [...], then either "erased_at" or the personal fields}
nlohmann::json PersonJson(const registry::PersonEntry& person);
// PersonJson plus "records" (where the person is listed) and "merged_from" when the id asked
// for was merged into this person.
nlohmann::json PersonDetailsJson(const registry::PersonDetails& details);
// {"persons", "erased", "events", "parties", "lists", "holders"}
nlohmann::json SummaryJson(const registry::InstanceSummary& summary);
// `canje summary` and GET /v1/summary: SummaryJson plus "reconciliation", the counts of
// ReconciliationCountsJson for every party and list.
nlohmann::json SummaryJson(const registry::InstanceSummary& summary,
                           const reconciliation::ReconciliationStatus& reconciled);
// The problems of an import, one object per row problem.
nlohmann::json FieldErrorsJson(const std::vector<registry::FieldError>& errors);
nlohmann::json ImportReportJson(const registry::ImportReport& report, bool dry_run);

}  // namespace canje::wire
