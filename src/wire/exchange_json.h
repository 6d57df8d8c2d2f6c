// The JSON forms of exchanges (negotiation/exchange.h): an exchange's row and its details
// (blocs, claims, costs), for `canje exchange show|list --json` and the HTTP API; what each
// change of an exchange answers; the candidates and the deal (negotiation/candidates.h,
// exchange_solve.h) of `canje exchange candidates|solve --json`.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "negotiation/candidates.h"
#include "negotiation/exchange.h"
#include "negotiation/exchange_solve.h"
#include "wire/proposal_json.h"

namespace canje::wire {

// {"id": "X1", "name", "mediator", "objective", "max_size", "max_parties", "created_at",
//  "created_by", "occurred_at", "recorded_after_the_fact"}: "occurred_at" is when the negotiation
//  began (negotiation::ExchangeStart: its creation unless it was recorded after the fact)
nlohmann::json ExchangeRowJson(const store::ExchangeRow& row);
// ExchangeRowJson plus "blocs", "claims" (with "name" where `names` has it), "costs", and
// "guarantors" and "observers" (party codes, sorted).
nlohmann::json ExchangeDetailsJson(const negotiation::ExchangeDetails& details, const Names& names);
// A guarantor or observer added or removed (negotiation/exchange_participants.h):
// {"exchange", "role": "guarantor"|"observer", "party", "change": "added"|"removed"}
nlohmann::json ExchangeParticipantJson(int64_t exchange, std::string_view role,
                                       const std::string& party, bool added);

// A cap: the number, or null for none.
nlohmann::json CapJson(const std::optional<int64_t>& cap);

// What the changes of an exchange answer.
// {"id": "X1", "name", "mediator"}, and "occurred_at" when it was recorded after the fact
nlohmann::json ExchangeCreatedJson(int64_t exchange, const negotiation::NewExchange& created);
// {"exchange", "party", "bloc"}
nlohmann::json ExchangePartyJson(int64_t exchange, const std::string& party,
                                 const std::string& bloc);
// {"exchange", "bloc", "rule": solver::RuleToJson}
nlohmann::json BlocRuleSetJson(int64_t exchange, const std::string& bloc,
                               const solver::Rule& rule);
// {"exchange", "max_size", "max_parties", "objective"}
nlohmann::json ExchangeCapsJson(int64_t exchange, const negotiation::ExchangeCaps& caps);
// {"exchange", "claimant", "destination", "persons", "added", "kept", "replaced"}: claims new,
// earlier claims kept at their stronger priority, earlier claims replaced (negotiation::ClaimMode)
nlohmann::json ClaimsAddedJson(int64_t exchange, const std::string& claimant,
                               const std::string& destination, const std::vector<int64_t>& persons,
                               const negotiation::ClaimOutcome& outcome);
// {"exchange", "holder", "cost", "persons"}
nlohmann::json CostsSetJson(int64_t exchange, const std::string& holder, double cost,
                            const std::vector<int64_t>& persons);

// [{"kind", "text"}...]
nlohmann::json ReasonsJson(const std::vector<negotiation::Reason>& reasons);
// {"candidate", "claim", "person", "name"?, "from", "to", "beneficiary", "value", "cost",
//  "priority", "unconditional", "handover_notes"}
nlohmann::json CandidateJson(const solver::Candidate& candidate,
                             const negotiation::CandidateEntry& entry, const Names& names);
// [{"claim", "person", "name"?, "claimant", "destination", "reasons"}...]
nlohmann::json ExcludedClaimsJson(const std::vector<negotiation::ClaimExclusion>& excluded,
                                  const Names& names);
// `canje exchange candidates`: {"exchange", "date", "candidates", "excluded", "instance"} (the
// solver's instance file, solver/instance_json.h).
nlohmann::json ExchangeCandidatesJson(int64_t exchange,
                                      const negotiation::ExchangeCandidates& candidates,
                                      const Names& names);
// [{"person", "name"?, "reasons"}...]
nlohmann::json NotChosenJson(const std::vector<negotiation::NotChosen>& not_chosen,
                             const Names& names);
// The candidates `selected` (ids such as "c3"), as CandidateJson.
nlohmann::json DealJson(const negotiation::ExchangeCandidates& candidates,
                        const std::vector<std::string>& selected, const Names& names);
// `canje exchange solve`: the solver's solution (solver/solution_json.h) without its
// "excluded", plus "exchange", "date", "deal", "not_chosen" (with the eligibility reasons) and,
// for --require with a deal, "require"."deal_persons".
nlohmann::json ExchangeDealJson(int64_t exchange, const negotiation::ExchangeDeal& deal);

}  // namespace canje::wire
