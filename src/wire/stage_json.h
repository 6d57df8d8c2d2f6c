// The JSON form of an exchange's stages (negotiation/stages.h), for `canje exchange stage
// list|show|... --json` and the HTTP API (docs/formats.md, "Stages"). Names are those the
// caller may see (VisibleNames); nothing is added or hidden.
#pragma once

#include <nlohmann/json.hpp>

#include "negotiation/stages.h"
#include "wire/proposal_json.h"

namespace canje::wire {

// {"exchange", "stage", "name", "date", "place", "state", "postponements",
//  "postponed_reason"?, "started_at", "completed_at", "counts": {"SLV>VEN": n, ...},
//  "handed_over", "not_travelling", "persons": [{"person", "name"?, "from", "to"}...]}
nlohmann::json StageJson(const negotiation::StageView& view, const Names& names);

// The persons of the stages (to look their names up).
std::vector<int64_t> PersonsOf(const std::vector<negotiation::StageView>& views);

}  // namespace canje::wire
