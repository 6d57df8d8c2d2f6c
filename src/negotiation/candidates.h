// The solver's candidates from the store: each claim of an exchange against confirmed
// custody, without the persons that cannot be selected, each exclusion with its reason as the
// viewer may read it (docs/exchanges.md).
//
// A claim of party C on person P for destination D gives one candidate per party H that holds P
// in confirmed custody — a custody row with holder H and status held, from a list of kind
// custody_roster that H itself submitted (plan: "confirmed in custody") — releasing P from H to
// D on C's claim, with the claim's value, priority and unconditional flag and H's release cost
// for P (1 when H set none). A claim gives no candidate, and is listed as excluded with every
// reason that applies, when:
//  - P is in no confirmed custody ("not_confirmed_held");
//  - P's only confirmed holders are not parties to the exchange ("holder_not_in_exchange");
//  - an obstacle to a transfer to D blocks selection (negotiation/eligibility.h: an active legal
//    hold, a refusal of D, erasure).
// Obstacles that block only the handover (no consent yet, identity unconfirmed, unfit to
// travel) leave the candidate in and are attached to it as handover notes.
//
// Confidentiality: reasons are built for the acting user's role. A confidential obstacle reads
// as kind "confidential" and text "not available (confidential)" for negotiators and
// observers, and several confidential obstacles of one claim collapse into one such reason.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "negotiation/eligibility.h"
#include "negotiation/exchange.h"
#include "solver/instance.h"
#include "store/exchange_tables.h"

namespace canje::negotiation {

// A reason as one viewer may read it. `kind` is "not_confirmed_held",
// "holder_not_in_exchange", an ObstaclesAsRead kind (including "confidential"), or, in
// deals, a solver reason code.
struct Reason {
  std::string kind;
  std::string text;
  friend bool operator==(const Reason&, const Reason&) = default;
};

struct CandidateEntry {
  int64_t claim_id = 0;
  int64_t person_id = 0;
  std::vector<Reason> handover_notes;  // obstacles that block only the handover
};

struct ClaimExclusion {
  int64_t claim_id = 0;
  int64_t person_id = 0;
  std::string claimant;
  std::string destination;
  std::vector<Reason> reasons;  // at least one
};

struct ExchangeCandidates {
  ExchangeDetails details;
  std::string date;                        // the day holds were evaluated on (YYYY-MM-DD)
  solver::Instance instance;               // blocs with parties, candidates, caps, objective
  std::vector<CandidateEntry> candidates;  // parallel to instance.candidates
  std::vector<ClaimExclusion> excluded;    // claims that gave no candidate, by claim id
};

// What one claim gives, decided from the person's custody rows, the obstacles to a transfer to
// the claim's destination, and the exchange's parties. Pure: no store.
struct ClaimDecision {
  std::vector<std::string> holders;  // confirmed holders that are parties: one candidate each
  std::vector<Obstacle> blocking;    // obstacles that block selection
  std::vector<Obstacle> handover;    // obstacles that block only the handover
  std::string custody_problem;       // when no holder: why, for "not_confirmed_held" or
  std::string custody_problem_kind;  // "holder_not_in_exchange"
};
ClaimDecision DecideClaim(const store::ClaimRow& claim,
                          const std::vector<store::ClaimedCustodyRow>& custody_of_person,
                          const std::vector<Obstacle>& obstacles, const ExchangeDetails& exchange);

// The reasons a decision excludes its claim, as `viewer` may read them (empty when it gives a
// candidate). Confidential obstacles collapse into one reason for viewers who may not read them.
std::vector<Reason> ExclusionReasons(const ClaimDecision& decision, instance::Role viewer);
// Obstacles as `viewer` may read them, with the same collapsing.
std::vector<Reason> ObstacleReasons(const std::vector<Obstacle>& obstacles, instance::Role viewer);

// Builds the candidates of exchange `exchange_id` for holds in force on `date` (YYYY-MM-DD), as
// the acting user may read them. Errors: those of LoadExchange and of the store.
Result<ExchangeCandidates> BuildCandidates(instance::Instance& instance, int64_t exchange_id,
                                           std::string_view date);

}  // namespace canje::negotiation
