// The file forms of `canje exchange reconcile` (docs/formats.md, "Reconciliation of counts"):
// CSV (one row per difference plus per-direction totals) and a printable HTML manifest (the JSON
// form is wire/execution_json.h's, shared with the HTTP API). Both
// take the reconciliation as the caller may read it (confidential reasons already hidden) and
// the names the caller may see; they add nothing and hide nothing.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "negotiation/execution.h"

namespace canje::cli {

using PersonNames = std::map<int64_t, std::string>;
// The name of `person` in `names`, or "" when it is not there (not the viewer's to read).
std::string NameOf(const PersonNames& names, int64_t person);

// Header: direction,row,kind,person,name,party,count,reason,text.
std::string ReconciliationCsv(const negotiation::ExchangeReconciliation& reconciliation,
                              const PersonNames& names);

// A self-contained HTML page (inline print stylesheet, no scripts, every text escaped).
std::string ReconciliationHtml(const negotiation::ExchangeReconciliation& reconciliation,
                               const PersonNames& names);

// "&amp;", "&lt;", "&gt;", "&quot;", "&#39;" for the five characters that need it.
std::string EscapeHtml(std::string_view text);

// "unfit 1, deceased 2" (reasons as the viewer may read them), or "none".
std::string NotTravellingSummary(const std::map<std::string, int64_t>& by_reason);

}  // namespace canje::cli
