// Exchanges: the negotiation itself (docs/exchanges.md). Who takes part and on which
// side (bloc), the rule each side insists on (the solver's model: none, count ratio, value
// ratio), the size and party caps, who is claimed by whom and how much it matters to them, and
// what each holder gives up by releasing a person.
//
// Every change is checked against the access table, then recorded as an event in the same
// transaction (instance::Instance::Change). Access:
//  - create an exchange, add parties, set rules and caps: admin or mediator
//    (Action::kManageExchanges);
//  - claims and release costs: admin, mediator, or a negotiator for its own party only
//    (Action::kClaimInExchange and AuthorizeForParty);
//  - reading: admin, mediator, verifier, and the negotiators of the exchange's parties
//    (Action::kReadExchanges); an exchange a negotiator's party is not in reads as not found.
// Nothing here prints or parses command lines.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "solver/instance.h"
#include "store/exchange_tables.h"

namespace canje::negotiation {

// "X1" for exchange 1.
std::string ExchangeId(int64_t id);

// When the negotiation began: its dated start (NewExchange::occurred_at) or its creation in canje.
// No step of it is dated earlier (negotiation/occurred_at.h).
std::string ExchangeStart(const store::ExchangeRow& exchange);

// How much of an exchange the acting user reads: the exchange visibility predicate, the one
// place this is decided (docs/security.md, "Need to know"; the row "observer of an organisation
// attached to an exchange").
enum class ExchangeAccess {
  kNone,  // reads it as not found: the same answer as for an exchange that does not exist
  // An observer whose party is attached to the exchange as an observer organisation
  // (exchange_participants.h) and neither takes part in it nor mediates it: the exchange's
  // workflow state, its agreed version (persons, manifest, signatures; not the sides' balance),
  // readiness, handovers, who does not travel, the parties' counts and their reconciliation.
  // Never its claims, candidates, deals, or any version but the agreed one.
  kObserved,
  // Roles that see every person; negotiators and observers whose party takes part in it,
  // mediates it or guarantees it (a guarantor signs the agreement, so it reads what the parties
  // read): every version, execution. Its negotiation (claims, candidates) needs
  // Action::kReadExchanges as well.
  kWhole,
};
Result<ExchangeAccess> AccessToExchange(instance::Instance& instance,
                                        const store::ExchangeRow& exchange);

// Whether the acting user may see that `exchange` exists (AccessToExchange is not kNone).
Result<bool> SeesExchange(instance::Instance& instance, const store::ExchangeRow& exchange);

// Whether the acting user reads version `version_id` of `exchange`: every version with kWhole,
// only the exchange's agreed version with kObserved, none with kNone.
Result<bool> SeesVersionOf(instance::Instance& instance, const store::ExchangeRow& exchange,
                           int64_t version_id);

// kConflict unless the exchange is still at revision `expected` (0: no check): HTTP's If-Match.
// Called first in a change's transaction, so that what it checks is what the change writes over.
Status CheckExchangeRevision(store::Store& store, int64_t exchange_id, int64_t expected);
// Parses "X1", "x1" or "1". kUsage names the expected form.
Result<int64_t> ParseExchangeId(std::string_view text);

// "none", "count" or "value" (kUsage otherwise, listing them).
Result<solver::Rule::Kind> ParseRuleKind(std::string_view text);
// "people" or "value" (kUsage otherwise).
Result<solver::Objective> ParseObjective(std::string_view text);
// The word ParseObjective reads: "people" or "value".
std::string ObjectiveName(solver::Objective objective);

struct NewExchange {
  std::string name;      // non-empty
  std::string mediator;  // an existing party code
  // When the negotiation really began, for one recorded after the fact (negotiation/occurred_at.h:
  // admins and mediators, not later than now); empty: now.
  std::string occurred_at;
};

// Every change below but the creation takes `expect_revision`: when not 0 (HTTP's If-Match),
// the change is refused with kConflict, and nothing written, unless the exchange's revision
// (ExchangeDetails::revision) is still that one, checked in the change's own transaction.

// Records "exchange.created" (with "occurred_at" when dated); returns the new exchange's id.
Result<int64_t> CreateExchange(instance::Instance& instance, const NewExchange& exchange);

// Adds `party` (an existing party) to the exchange in bloc `bloc` (created with rule none when
// new), or moves it there. kInvalid for a party that guarantees or observes the exchange (it
// takes part without a side: exchange_participants.h). Records "exchange.party_added".
Status AddExchangeParty(instance::Instance& instance, int64_t exchange_id, std::string_view party,
                        std::string_view bloc, int64_t expect_revision = 0);

// Sets bloc `bloc`'s rule (the bloc must exist: it is created by adding a party to it). The
// ratio must be finite and >= 0. Records "exchange.rule_set"; earlier rules stay in the log.
Status SetBlocRule(instance::Instance& instance, int64_t exchange_id, std::string_view bloc,
                   const solver::Rule& rule, int64_t expect_revision = 0);

struct ExchangeCaps {
  std::optional<int64_t> max_size;     // >= 0; none: no cap
  std::optional<int64_t> max_parties;  // >= 0; none: no cap
  solver::Objective objective = solver::Objective::kPeople;
};

// Replaces the exchange's caps and objective. Records "exchange.caps_set".
Status SetExchangeCaps(instance::Instance& instance, int64_t exchange_id, const ExchangeCaps& caps,
                       int64_t expect_revision = 0);

// A change of some of the caps (`canje exchange caps` with some of its options): what is not
// given stays as it is. A cap given as an empty optional removes it.
struct ExchangeCapsChange {
  std::optional<std::optional<int64_t>> max_size;
  std::optional<std::optional<int64_t>> max_parties;
  std::optional<solver::Objective> objective;
};

// The exchange's caps with `change` applied, set by SetExchangeCaps; returns them.
Result<ExchangeCaps> ChangeExchangeCaps(instance::Instance& instance, int64_t exchange_id,
                                        const ExchangeCapsChange& change,
                                        int64_t expect_revision = 0);

// Party `claimant` claims person `person_id`: release them to `destination` (empty: to the
// claimant). `value` is what the claimant's bloc gains (finite, >= 0), `priority` a tier (1 most
// urgent), `unconditional` a humanitarian release that counts for neither side's balance.
struct NewClaim {
  int64_t person_id = 0;
  std::string claimant;
  std::string destination;
  double value = 1.0;
  int64_t priority = 1;
  bool unconditional = false;
};

// What a claim on a person the claimant already claims (same person, claimant and destination)
// does to the claim made before. A priority is weakened only when asked: a list claimed again
// at tier 2 must not silently lower the tier-1 claims made earlier on some of its persons.
enum class ClaimMode {
  // The stronger priority stays: an earlier claim at a more urgent tier (a smaller number) is
  // kept as it was (value, priority, unconditional), untouched and unlogged; an earlier claim at
  // the same or a less urgent tier is replaced by the new one.
  kKeepStronger,
  // Every earlier claim is replaced by the new one, whatever its tier (`--replace`).
  kReplace,
};

struct ClaimOutcome {
  int64_t added = 0;     // no earlier claim: a new one
  int64_t kept = 0;      // an earlier claim at a stronger priority, kept as it was
  int64_t replaced = 0;  // an earlier claim, replaced: value, priority and unconditional
};

// Records all `claims` in one transaction, one "exchange.claimed" event for each claim added or
// replaced (subjects: the exchange, the person, the claimant; a replaced claim's event says
// "replaces_earlier" and its "earlier_priority"), or none of them. The claimant must be a party
// to the exchange; the destination any known party. kNotFound for an unknown person or
// destination; kUsage for a claimant not in the exchange or numbers out of range.
Result<ClaimOutcome> AddClaims(instance::Instance& instance, int64_t exchange_id,
                               const std::vector<NewClaim>& claims,
                               ClaimMode mode = ClaimMode::kKeepStronger,
                               int64_t expect_revision = 0);

// The persons linked to the records of list `list_id` (distinct, in id order). kNotFound for an
// unknown list; kInvalid when no record is linked to a person.
Result<std::vector<int64_t>> PersonsOfList(instance::Instance& instance, int64_t list_id);

// The persons a claim or a cost is about: one person id (`person`, "P17") or every person of
// one list (`list`, "L3", as PersonsOfList). kUsage unless exactly one of the two is given, or
// for an id of the wrong form.
Result<std::vector<int64_t>> PersonOrListPersons(instance::Instance& instance,
                                                 std::string_view person, std::string_view list);

// Holder `holder` (a party to the exchange) gives up `cost` (finite, >= 0) by releasing
// `person_id`. Without a cost, a release costs 1. Records "exchange.cost_set" per person.
struct NewCost {
  int64_t person_id = 0;
  std::string holder;
  double cost = 1.0;
};
Status SetReleaseCosts(instance::Instance& instance, int64_t exchange_id,
                       const std::vector<NewCost>& costs, int64_t expect_revision = 0);

// An exchange as stored.
struct ExchangeBloc {
  std::string name;
  solver::Rule rule;
  std::vector<std::string> parties;  // sorted; may be empty after a party moved away
};

struct ExchangeDetails {
  store::ExchangeRow exchange;
  // store::ExchangeRevision, read before the rest: HTTP's ETag of the exchange.
  int64_t revision = 0;
  std::vector<ExchangeBloc> blocs;  // by name
  std::vector<store::ClaimRow> claims;
  std::vector<store::CostRow> costs;
  // Who takes part without a side (exchange_participants.h), by party code.
  std::vector<std::string> guarantors;  // sign the agreement beside the parties
  std::vector<std::string> observers;   // observer organisations: read its execution

  // The bloc of `party`, or nullptr when the party is not in the exchange.
  const ExchangeBloc* BlocOf(std::string_view party) const;
};

// The exchange's row. kNotFound, with one message, for an unknown exchange and for one the
// acting user may not see (SeesExchange): the two cannot be told apart.
Result<store::ExchangeRow> FindVisibleExchange(instance::Instance& instance, int64_t exchange_id);

// The exchange with its negotiation (Action::kReadExchanges). kNotFound as FindVisibleExchange.
Result<ExchangeDetails> LoadExchange(instance::Instance& instance, int64_t exchange_id);

// The exchange's terms as the parties reading its proposals and execution need them (sides,
// rules, claim values and costs for the balance): kNotFound as FindVisibleExchange, and no
// Action check (the caller checked its own: proposals, execution).
Result<ExchangeDetails> LoadExchangeTerms(instance::Instance& instance, int64_t exchange_id);

// The exchanges the acting user may see (SeesExchange), by id: a user with
// Action::kReadExchanges every exchange it reads; an observer (Action::kReadExecution only) the
// exchanges its organisation observes.
Result<std::vector<store::ExchangeRow>> ListExchanges(instance::Instance& instance);

}  // namespace canje::negotiation
