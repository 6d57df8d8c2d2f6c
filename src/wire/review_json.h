// The JSON forms of `canje link` over the store and of its review queue (reconciliation/linker.h,
// review.h): the run's report, a pair side by side with why the engine scores it so, and what
// deciding answers. Shared by the command line's --json and the HTTP API.
#pragma once

#include <nlohmann/json.hpp>

#include "linkage/linkage_engine.h"
#include "reconciliation/linker.h"
#include "reconciliation/review.h"

namespace canje::wire {

// Why two records are (or are not) the same person, the table behind a waterfall chart:
// {"left_id", "right_id", "prior", "prior_log2_odds", "comparisons": [{"comparison", "level",
//  "left_value", "right_value", "m", "u", "weight", "term_frequency_adjusted"}], "log2_odds",
//  "probability"}
nlohmann::json ExplanationJson(const linkage::PairExplanation& explanation);

// What `canje link` (over the store) answers: {"records", "compared", "erased", "superseded",
// "before_schema_2", "persons", "relinked", "merged", "separated", "review_queue", "orphans",
// "orphan_search_skipped", "decisions_applied", "stale_decisions": [{"decision", "left",
// "right", "why"}], "changed", "threshold", "review_band": [low, high]}, and "event" when the
// links changed.
nlohmann::json LinkReportJson(const reconciliation::LinkStoreReport& report,
                              const reconciliation::LinkStoreOptions& options);

// A pair of the review queue, or of `link explain`: {"left", "right", "probability",
// "explanation", "model", "decision" (when one binds)}, each side {"record", "list",
// "list_kind", "list_party", "line", "person", "given_names", "family_names", "date_of_birth",
// "sex", "nationalities", "documents"} or {"hidden": true}; a candidate the reader may not see:
// {"left", "right", "candidate_only": true, "note"}.
nlohmann::json ReviewItemJson(const reconciliation::ReviewItem& item);

// What `review decide` answers: {"decision": "D4", "event", "replaces" (when it revises one)}.
nlohmann::json DecisionJson(const reconciliation::DecisionOutcome& outcome);
// What `review decide --file` answers: {"recorded", "unchanged"}.
nlohmann::json DecisionsJson(const reconciliation::BatchDecisionReport& report);

}  // namespace canje::wire
