// How the command line shows why two records are (or are not) the same person: the table behind
// a waterfall chart (linkage::PairExplanation), as text (docs/formats.md, "canje link"); its JSON
// is wire::ExplanationJson (wire/review_json.h).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "linkage/linkage_engine.h"

namespace canje::cli {

// `value` with `digits` decimals.
std::string Decimal(double value, int digits = 6);

void PrintExplanation(const linkage::PairExplanation& explanation, std::ostream& out);

}  // namespace canje::cli
