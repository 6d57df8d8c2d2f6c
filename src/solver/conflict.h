// The instance's constraint groups (bloc rules, max_size, max_parties, each must_include and
// must_exclude entry) and the deletion filter that finds an irreducible infeasible set of them.
#pragma once

#include <vector>

#include "solver/exchange_model.h"
#include "solver/party_search.h"
#include "solver/solver.h"

namespace canje::solver {

struct GroupRef {
  enum class Kind { kBlocRule, kMaxSize, kMaxParties, kMustInclude, kMustExclude };
  Kind kind;
  int index = 0;  // bloc index, or position in must_include / must_exclude
};

// The groups of the instance that are in force under `restrictions`.
std::vector<GroupRef> ActiveGroups(const ExchangeModel& model, const Restrictions& restrictions);

// `restrictions` with `group` switched off.
void DropGroup(const ExchangeModel& model, const GroupRef& group, Restrictions* restrictions);

ConstraintGroup DescribeGroup(const ExchangeModel& model, const GroupRef& group);

// For restrictions that admit no deal: drops one group at a time and keeps it dropped when the
// rest still admit no deal. The groups left cannot hold together, and each is needed (removing
// any one of them leaves a feasible instance). Anything `restrictions` force beyond the
// instance's groups (a person forced in by --explain) stays forced. *irreducible becomes false
// when the deadline left a test undecided (the set then still conflicts but may be larger).
std::vector<ConstraintGroup> FindConflict(const ExchangeModel& model,
                                          const Restrictions& restrictions,
                                          Clock::time_point deadline, bool* irreducible);

}  // namespace canje::solver
