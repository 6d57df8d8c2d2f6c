// An exchange instance: who could be released, from where, to where, on whose claim, and the
// rules each bloc of parties set. This is the solver's input contract (docs/solver.md,
// docs/solver-schema.json); instance_parser.h builds it from JSON and guarantees the invariants
// stated below, so the solver never re-checks them.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace canje::solver {

// A bloc's balance rule over the chosen candidates that are not unconditional.
//   kNone:  no condition.
//   kCount: number received >= ratio * number given.
//   kValue: sum of `value` received >= ratio * sum of `cost` given.
struct Rule {
  enum class Kind { kNone, kCount, kValue };
  Kind kind = Kind::kNone;
  double ratio = 1.0;  // >= 0, finite; meaningless for kNone
};

// "none", "count" or "value".
const char* RuleKindName(Rule::Kind kind);

struct Bloc {
  std::string name;                  // unique, non-empty
  std::vector<std::string> parties;  // non-empty; a party is in at most one bloc
  Rule rule;
};

// Releasing `person` from holder `from` to destination `to` on the claim of `beneficiary`.
struct Candidate {
  std::string id;              // unique, non-empty
  std::string person;          // non-empty; several candidates may name the same person
  std::string from;            // holder
  std::string to;              // destination
  std::string beneficiary;     // equals `to` when the input leaves it out
  double value = 1.0;          // what the beneficiary's bloc gains; >= 0, finite
  double cost = 1.0;           // what the holder's bloc gives up; >= 0, finite
  int priority = 1;            // tier, 1 most urgent; >= 1
  bool unconditional = false;  // humanitarian release: counts for neither side's balance
};

enum class Objective { kPeople, kValue };

struct Instance {
  std::vector<Bloc> blocs;
  std::vector<Candidate> candidates;
  std::vector<std::string> must_include;  // persons with candidates, not in must_exclude
  std::vector<std::string> must_exclude;
  std::optional<int> max_size;     // >= 0
  std::optional<int> max_parties;  // >= 0
  Objective objective = Objective::kPeople;
};

}  // namespace canje::solver
