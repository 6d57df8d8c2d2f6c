// `canje proposal diff A B`: who was added, removed or moved between two versions, and each
// bloc's balance before and after (negotiation/proposal.h). Pure: no store.
#pragma once

#include <cstdint>
#include <vector>

#include "negotiation/proposal.h"
#include "solver/solver.h"

namespace canje::negotiation {

// A person in both versions whose holder, destination, beneficiary or unconditional flag
// changed.
struct MovedTransfer {
  Transfer before;
  Transfer after;
};

struct CountChange {
  std::string from;
  std::string to;
  int64_t before = 0;
  int64_t after = 0;
};

// A bloc's balance in each version (a bloc absent from one side gives and receives nothing
// there; its rule then holds trivially).
struct BlocChange {
  solver::BlocReport before;
  solver::BlocReport after;
};

struct ProposalDiff {
  std::vector<Transfer> added;       // in B only, by person id
  std::vector<Transfer> removed;     // in A only, by person id
  std::vector<MovedTransfer> moved;  // by person id
  std::vector<CountChange> counts;   // every direction of either version, by from, to
  std::vector<BlocChange> blocs;     // every bloc of either version, by name
};

// The difference from `before` to `after` under the exchange's `terms`. Persons are compared
// only between named versions; a counts-only side contributes its counts and balance.
ProposalDiff DiffProposals(const BalanceTerms& terms, const ProposalContent& before,
                           const ProposalContent& after);

}  // namespace canje::negotiation
