// The solver on an exchange's data: the candidates from the store (candidates.h), the
// best deal the blocs' rules allow (solver/solver.h), and one list of the claimed persons who
// are not in it, merging the eligibility exclusions with the solver's reasons. Names are
// decrypted only for the persons the acting user may see (registry/person_directory.h).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "negotiation/candidates.h"
#include "solver/solver.h"

namespace canje::negotiation {

struct SolveExchangeOptions {
  std::string date;                       // holds in force on this day; empty: today
  double time_limit_seconds = 0;          // 0: none
  bool explain = false;                   // the solver's reason for each person it left out
  std::optional<int64_t> require_person;  // "what would it take" for this person
};

// A claimed person not in the deal, with every reason: each of their claims that gave no
// candidate (eligibility), then the solver's reasons for the candidates it did not choose.
struct NotChosen {
  int64_t person_id = 0;
  std::vector<Reason> reasons;
};

struct ExchangeDeal {
  ExchangeCandidates candidates;
  solver::Solution solution;
  std::vector<NotChosen> not_chosen;  // by person id
  // Display names of the persons in the exchange that the acting user may see ("(erased)" for
  // erased persons); persons missing here are shown by id only.
  std::map<int64_t, std::string> names;
};

// Solves exchange `exchange_id`. kInvalid when --require names a person who cannot be in any
// deal (the message gives the reasons as the viewer may read them) or who is not claimed.
Result<ExchangeDeal> SolveExchange(instance::Instance& instance, int64_t exchange_id,
                                   const SolveExchangeOptions& options);

// The display names of `person_ids` that the acting user may see (need to know).
Result<std::map<int64_t, std::string>> VisibleNames(instance::Instance& instance,
                                                    const std::vector<int64_t>& person_ids);

// The solver's reason in the exchange's vocabulary: kind = the reason's code, text = its text
// and the constraint groups it names.
Reason SolverReason(const solver::Reason& reason);

}  // namespace canje::negotiation
