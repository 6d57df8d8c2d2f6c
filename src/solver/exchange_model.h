// The instance turned into indices and coefficients, and the constraint groups that the
// solver may switch off (for conflicts, explanations and "what would it take").
//
// Balance: candidate c counts for balance when it is not unconditional and its
// holder's bloc differs from its beneficiary's bloc; it is then *given* by the holder's bloc and
// *received* by the beneficiary's bloc. Parties that are in no bloc get a bloc of their own
// (named after the party) with rule none.
#pragma once

#include <string>
#include <vector>

#include "solver/instance.h"
#include "solver/milp.h"

namespace canje::solver {

struct ExchangeModel {
  Instance instance;
  std::vector<std::string> parties;      // sorted, every party of blocs and candidates
  std::vector<std::string> bloc_names;   // instance blocs first, then one per lone party
  std::vector<Rule> bloc_rules;          // parallel to bloc_names
  std::vector<int> bloc_of_party;        // party index -> bloc index
  std::vector<std::string> persons;      // sorted, every person with a candidate
  std::vector<int> person_of_candidate;  // candidate -> person index
  std::vector<std::vector<int>> candidates_of_person;
  std::vector<std::vector<int>> parties_of_candidate;  // distinct party indices, 1 to 3
  std::vector<int> holder_bloc;                        // candidate -> bloc of `from`
  std::vector<int> beneficiary_bloc;                   // candidate -> bloc of `beneficiary`
  std::vector<int> tiers;                              // distinct priorities, ascending
  std::vector<int> tier_of_candidate;                  // candidate -> index into tiers
  std::vector<double> objective_of_candidate;          // 1 (people) or value (value)

  bool CountsForBalance(int candidate) const;
  int PersonIndex(const std::string& person) const;  // -1 when unknown
};

ExchangeModel BuildExchangeModel(const Instance& instance);

// Which of the instance's constraints are in force. FromInstance gives the instance as written.
struct Restrictions {
  std::vector<bool> bloc_rule_on;  // per bloc
  std::vector<double> bloc_ratio;  // per bloc
  bool max_size_on = true;
  bool max_parties_on = true;
  std::vector<int> person_state;  // per person: -1 must not be chosen, 0 free, +1 must be

  static Restrictions FromInstance(const ExchangeModel& model);
};

// A lower limit on the objective of one tier, from the lexicographic solve of earlier tiers.
struct TierFloor {
  int tier = 0;  // index into ExchangeModel::tiers
  double minimum = 0;
};

// One row per person with two or more of `columns` or who must be chosen (sum <= 1, or = 1).
std::vector<LinearRow> PersonRows(const ExchangeModel& model, const Restrictions& restrictions,
                                  const std::vector<int>& columns);
// The balance rows, the max_size row and the tier-floor rows over `columns`.
std::vector<LinearRow> SideRows(const ExchangeModel& model, const Restrictions& restrictions,
                                const std::vector<TierFloor>& floors,
                                const std::vector<int>& columns);

// The rows every formulation shares, over a chosen subset of candidates (`columns[j]` is the
// candidate of column j): one row per person with two or more columns or who must be chosen,
// one balance row per bloc whose rule is in force and that gives something, the max_size row
// and one row per tier floor. Rows are named person_<i>, bloc_<i>, max_size, tier_<i>.
std::vector<LinearRow> SharedRows(const ExchangeModel& model, const Restrictions& restrictions,
                                  const std::vector<TierFloor>& floors,
                                  const std::vector<int>& columns);

// The straightforward formulation: one binary per candidate that is not excluded, the
// shared rows, and with a party cap one binary y_p per party with the party-use row
// sum(x_c : p in parties(c)) <= min(#persons, max_size) * y_p and sum(y_p) <= max_parties.
// `objective` is per candidate. `columns` receives the candidate of each x column.
Milp BuildPlainMilp(const ExchangeModel& model, const Restrictions& restrictions,
                    const std::vector<double>& objective, const std::vector<TierFloor>& floors,
                    std::vector<int>* columns);

}  // namespace canje::solver
