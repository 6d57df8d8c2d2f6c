// Categories of detained people that matter in a negotiation (who may be claimed, who is
// flagged for humanitarian priority).
//
// Canonical names: political_prisoner, journalist, lawyer, opposition, intellectual,
// human_rights_defender, foreign_national, deportee, minor, sick_or_wounded, military, other.
// Also accepted (folded: case, accents, spaces and hyphens ignored): the names in English with
// spaces ("political prisoner"), and Spanish: preso_politico, periodista, abogado, opositor,
// oposicion, intelectual, defensor_ddhh, extranjero, deportado, menor, enfermo, herido,
// enfermo_o_herido, militar, otro (and feminine and plural forms).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace canje::registry {

// The canonical names, in the order above.
std::span<const std::string_view> CanonicalCategories();

// The canonical name for one category as written, or an error listing the accepted names (with
// a suggestion when one is close).
Result<std::string_view> ParseCategory(std::string_view text);

// The canonical names of several categories, e.g. the items of "preso político | periodista":
// empty items are skipped, duplicates kept once, order kept. The first unknown item makes it an
// error.
Result<std::vector<std::string>> ParseCategories(std::span<const std::string_view> items);

}  // namespace canje::registry
