// Exchanges in the store (schema version 4): the negotiation's parties and blocs with each
// bloc's rule, caps, claims, and each holder's cost for releasing a person.
//
// Plain rows and SQL only: the rules (who may claim, what makes a candidate) live in
// src/negotiation/exchange*.cc and candidates.cc. Writes take a WriteTransaction so that they
// land with their event (store.h); reads take the Store.
//
// Everything here is in the clear: person ids, party codes and numbers, no personal data (a
// person's name stays sealed in persons). Ratios, values and costs are kept as decimal text
// ("%.17g") because the SQL seam has no floating-point column type; they round-trip exactly.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace canje::store {

struct ExchangeRow {
  int64_t id = 0;  // 1, 2, ... (shown as X1, X2)
  std::string name;
  std::string mediator;                // party code
  std::optional<int64_t> max_size;     // none: no cap
  std::optional<int64_t> max_parties;  // none: no cap
  std::string objective = "people";    // people or value
  std::string created_at;
  std::string created_by;
  // When the negotiation really began, when it was recorded after the fact (a date or RFC 3339,
  // negotiation/occurred_at.h); empty: it began when it was created in canje.
  std::string occurred_at;
};

// Inserts the exchange with the next id (ignores `id`); returns the id.
Result<int64_t> AddExchange(WriteTransaction& transaction, const ExchangeRow& exchange);
// Replaces max_size, max_parties and objective of exchange `exchange.id`.
Status SetExchangeCaps(WriteTransaction& transaction, const ExchangeRow& exchange);
Result<std::vector<ExchangeRow>> Exchanges(Store& store);  // by id
Result<std::optional<ExchangeRow>> FindExchange(Store& store, int64_t id);
// The exchange's revision: the sequence number of the last event of type "exchange.*" about it
// (its creation, parties, rules, caps, claims, costs, and the later moves of its workflow); 0
// when there is none. It moves with every change of the exchange and with nothing else.
Result<int64_t> ExchangeRevision(Store& store, int64_t id);

// A bloc (side) of an exchange and its rule. `rule_kind` is none, count or value.
struct ExchangeBlocRow {
  int64_t exchange_id = 0;
  std::string name;
  std::string rule_kind = "none";
  double ratio = 1.0;
};

// Inserts the bloc or replaces its rule.
Status PutExchangeBloc(WriteTransaction& transaction, const ExchangeBlocRow& bloc);
Result<std::vector<ExchangeBlocRow>> ExchangeBlocs(Store& store, int64_t exchange_id);  // by name

// A party taking part in an exchange, in one bloc.
struct ExchangePartyRow {
  int64_t exchange_id = 0;
  std::string party;
  std::string bloc;
  std::string added_at;
};

// Inserts the party or moves it to another bloc.
Status PutExchangeParty(WriteTransaction& transaction, const ExchangePartyRow& party);
Result<std::vector<ExchangePartyRow>> ExchangeParties(Store& store,
                                                      int64_t exchange_id);  // by party

// Party `claimant` asks for `person_id` to be released to `destination`. One claim per
// (exchange, person, claimant, destination).
struct ClaimRow {
  int64_t id = 0;
  int64_t exchange_id = 0;
  int64_t person_id = 0;
  std::string claimant;
  std::string destination;
  double value = 1.0;
  int64_t priority = 1;
  bool unconditional = false;
  std::string claimed_at;
  std::string claimed_by;
};

// Inserts the claim with the next id (ignores `id`); returns the id. kConflict (from the
// database) when the same key exists: use FindClaim and UpdateClaim.
Result<int64_t> AddClaim(WriteTransaction& transaction, const ClaimRow& claim);
// Replaces value, priority, unconditional, claimed_at and claimed_by of claim `claim.id`.
Status UpdateClaim(WriteTransaction& transaction, const ClaimRow& claim);
Result<std::optional<ClaimRow>> FindClaim(Store& store, int64_t exchange_id, int64_t person_id,
                                          std::string_view claimant, std::string_view destination);
Result<std::vector<ClaimRow>> ClaimsOf(Store& store, int64_t exchange_id);  // by id

// What holder `holder` gives up by releasing `person_id` (the solver's `cost`; 1 when unset).
struct CostRow {
  int64_t exchange_id = 0;
  int64_t person_id = 0;
  std::string holder;
  double cost = 1.0;
  std::string set_at;
  std::string set_by;
};

// Inserts or replaces the cost.
Status PutCost(WriteTransaction& transaction, const CostRow& cost);
Result<std::vector<CostRow>> CostsOf(Store& store, int64_t exchange_id);  // by person, holder

// A custody row of a claimed person with the list it came from (empty kind and party when the
// row has no list), for deciding whether custody is confirmed (negotiation/candidates.h).
struct ClaimedCustodyRow {
  int64_t person_id = 0;
  std::string holder;
  std::string status;  // held, released, dead, unknown, unspecified
  int64_t list_id = 0;
  std::string list_kind;
  std::string list_party;
};

// Every custody row of every person claimed in the exchange, and of the person each claimed
// person was merged into by reconciliation (persons.merged_into), by person then custody id.
Result<std::vector<ClaimedCustodyRow>> CustodyOfClaimedPersons(Store& store, int64_t exchange_id);

// Claimed persons that reconciliation merged into another: person id -> the person they were
// found to be.
Result<std::map<int64_t, int64_t>> MergedClaimedPersons(Store& store, int64_t exchange_id);

}  // namespace canje::store
