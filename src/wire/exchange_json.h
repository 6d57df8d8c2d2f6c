// The JSON forms of exchanges (negotiation/exchange.h): an exchange's row and its details
// (blocs, claims, costs), for `canje exchange show|list --json` and the HTTP API.
#pragma once

#include <nlohmann/json.hpp>

#include "negotiation/exchange.h"
#include "wire/proposal_json.h"

namespace canje::wire {

// {"kind": "count"|..., "ratio"? }
nlohmann::json RuleJson(const solver::Rule& rule);
// {"id": "X1", "name", "mediator", "objective", "max_size", "max_parties", "created_at",
//  "created_by"}
nlohmann::json ExchangeRowJson(const store::ExchangeRow& row);
// ExchangeRowJson plus "blocs", "claims" (with "name" where `names` has it) and "costs".
nlohmann::json ExchangeDetailsJson(const negotiation::ExchangeDetails& details, const Names& names);

}  // namespace canje::wire
