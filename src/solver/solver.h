// canje's exchange solver: the best deal every bloc's rule allows, proven optimal with COIN-OR
// CBC, with the reason each person is out (design in docs/solver.md).
//
//   CANJE_ASSIGN_OR_RETURN(Instance instance, ReadInstanceFile("deal.json"));
//   SolveOptions options;
//   options.explain = true;
//   CANJE_ASSIGN_OR_RETURN(Solution solution, Solve(instance, options));
//
// Solve never prints. It runs CBC in the calling thread, one CBC call at a time per process.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "solver/instance.h"
#include "solver/solve_status.h"

namespace canje::solver {

struct SolveOptions {
  double time_limit_seconds = 0;  // 0: no limit. Shared by the solve, --explain and --require.
  bool explain = false;           // re-solve with each excluded person forced in
  std::optional<std::string> require_person;  // "what would it take" for this person
};

// Balance of one bloc over the chosen candidates that count for balance.
struct BlocReport {
  std::string name;
  int given = 0;
  int received = 0;
  double cost_given = 0;
  double value_received = 0;
  Rule rule;
  bool holds = true;  // the rule is satisfied by the deal
};

// One constraint group of the instance, named by its JSON path.
struct ConstraintGroup {
  std::string path;         // "$.blocs[1].rule", "$.max_parties", "$.must_include[0]", ...
  std::string description;  // "bloc VEN: received >= 1 x given (count)"
};

// Why a person with candidates is not in the deal.
//   code "must_exclude": the instance excludes them.
//   code "breaks": forced in, no deal exists; `groups` is an irreducible set of constraint groups
//     that, with the person forced in, cannot all hold.
//   code "displaces": forced in, the best deal is lexicographically worse; `text` names the first
//     tier that loses and by how much.
//   code "tie": forced in, an equally good deal exists (the solver chose another optimum).
//   code "not_examined": the time limit ran out before this person was examined.
struct Reason {
  std::string code;
  std::string text;
  std::vector<ConstraintGroup> groups;
};

struct Exclusion {
  std::string person;
  std::vector<Reason> reasons;
};

// A deal: the selected candidates and what they add up to.
struct Deal {
  std::vector<std::string> selected;   // candidate ids, in input order
  double objective = 0;                // whole deal, all tiers
  std::vector<int> tiers;              // the priorities present, ascending
  std::vector<double> tier_objective;  // parallel to tiers
  std::vector<BlocReport> blocs;
};

// The answer to --require PERSON.
//   outcome "already_selected": the person is in the optimal deal.
//   outcome "no_change_needed": the rules allow them in as they stand; `deal` is the best such.
//   outcome "ratio_change": lowering `bloc`'s ratio from `ratio_before` to `ratio_after` (the
//     largest ratio that works; no other single bloc needs a smaller change) lets them in;
//     `deal` is the best deal under that ratio with the person in.
//   outcome "impossible": no change of a single bloc's ratio is enough; `groups` says what
//     blocks them (as for Reason "breaks"), or the person is in must_exclude.
struct RequireAnswer {
  std::string person;
  std::string outcome;
  std::string bloc;
  double ratio_before = 0;
  double ratio_after = 0;
  std::optional<Deal> deal;
  std::vector<ConstraintGroup> groups;
  bool proven = true;  // false when a time limit cut a search short
};

struct Solution {
  SolveStatus status = SolveStatus::kUnknown;
  std::optional<double> objective;  // of the whole deal, all tiers; none when unknown/infeasible
  std::optional<double> bound;      // upper bound on the lexicographic optimum's objective
  Deal deal;                        // empty when infeasible or unknown
  std::vector<Exclusion> excluded;  // persons with candidates and none chosen, in name order
  std::vector<ConstraintGroup> conflict;  // when infeasible: an irreducible conflicting set
  bool conflict_irreducible = true;       // false when a time limit cut the deletion filter short
  std::optional<RequireAnswer> require;
  double seconds = 0;
  int party_nodes = 0;  // party-set nodes evaluated (all stages)
  int cbc_calls = 0;
};

// Solves `instance`. Errors: Usage when --require names a person without candidates.
Result<Solution> Solve(const Instance& instance, const SolveOptions& options);

// The straightforward model of `instance` in CPLEX LP form: one binary per candidate (not
// excluded), one row per person and per bloc rule, max_size, and with max_parties one binary per
// party with its party-use row. With several priority tiers the file is the last stage of the
// lexicographic solve: it maximises the whole deal's objective with each earlier tier held at
// the value `solved` reached (rows tier_<priority>), so its optimum equals solved's objective
// when solved is optimal. Pass solved = nullptr to write the single-objective model.
std::string ModelAsLp(const Instance& instance, const Solution* solved);

}  // namespace canje::solver
