// The file forms of `canje exchange reconcile` (docs/formats.md, "Reconciliation of counts"),
// served as well by GET /v1/exchanges/{id}/reconciliation with Accept: text/csv or text/html:
// CSV (one row per difference plus per-direction totals) and a printable HTML manifest (the JSON
// form is execution_json.h's). Both
// take the reconciliation as the caller may read it (confidential reasons already hidden) and
// the names the caller may see; they add nothing and hide nothing.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "negotiation/execution.h"
#include "wire/execution_json.h"

namespace canje::wire {

// Header: direction,row,kind,person,name,party,count,reason,text.
std::string ReconciliationCsv(const negotiation::ExchangeReconciliation& reconciliation,
                              const Names& names);

// A self-contained HTML page (inline print stylesheet, no scripts, every text escaped).
std::string ReconciliationHtml(const negotiation::ExchangeReconciliation& reconciliation,
                               const Names& names);

// "&amp;", "&lt;", "&gt;", "&quot;", "&#39;" for the five characters that need it.
std::string EscapeHtml(std::string_view text);

// "VEN 8", or "UKR 19 (stages 1, 2, 3)" for a count added up from several stages' reports.
std::string ReportedCount(const negotiation::PartyCount& line);

// "unfit 1, deceased 2" (reasons as the viewer may read them), or "none".
std::string NotTravellingSummary(const std::map<std::string, int64_t>& by_reason);

}  // namespace canje::wire
