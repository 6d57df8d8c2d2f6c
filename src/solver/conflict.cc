#include "solver/conflict.h"

#include "core/text.h"
#include "solver/lexicographic.h"

namespace canje::solver {
std::vector<GroupRef> ActiveGroups(const ExchangeModel& model, const Restrictions& restrictions) {
  std::vector<GroupRef> groups;
  const Instance& instance = model.instance;
  for (size_t b = 0; b < instance.blocs.size(); ++b) {
    if (restrictions.bloc_rule_on[b] && model.bloc_rules[b].kind != Rule::Kind::kNone) {
      groups.push_back({GroupRef::Kind::kBlocRule, static_cast<int>(b)});
    }
  }
  if (restrictions.max_size_on && instance.max_size) groups.push_back({GroupRef::Kind::kMaxSize});
  if (restrictions.max_parties_on && instance.max_parties) {
    groups.push_back({GroupRef::Kind::kMaxParties});
  }
  for (size_t i = 0; i < instance.must_include.size(); ++i) {
    if (restrictions.person_state[model.PersonIndex(instance.must_include[i])] == 1) {
      groups.push_back({GroupRef::Kind::kMustInclude, static_cast<int>(i)});
    }
  }
  for (size_t i = 0; i < instance.must_exclude.size(); ++i) {
    int person = model.PersonIndex(instance.must_exclude[i]);
    if (person >= 0 && restrictions.person_state[person] == -1) {
      groups.push_back({GroupRef::Kind::kMustExclude, static_cast<int>(i)});
    }
  }
  return groups;
}

void DropGroup(const ExchangeModel& model, const GroupRef& group, Restrictions* restrictions) {
  switch (group.kind) {
    case GroupRef::Kind::kBlocRule:
      restrictions->bloc_rule_on[group.index] = false;
      break;
    case GroupRef::Kind::kMaxSize:
      restrictions->max_size_on = false;
      break;
    case GroupRef::Kind::kMaxParties:
      restrictions->max_parties_on = false;
      break;
    case GroupRef::Kind::kMustInclude:
      restrictions->person_state[model.PersonIndex(model.instance.must_include[group.index])] = 0;
      break;
    case GroupRef::Kind::kMustExclude:
      restrictions->person_state[model.PersonIndex(model.instance.must_exclude[group.index])] = 0;
      break;
  }
}

ConstraintGroup DescribeGroup(const ExchangeModel& model, const GroupRef& group) {
  const Instance& instance = model.instance;
  const std::string index = "[" + std::to_string(group.index) + "]";
  switch (group.kind) {
    case GroupRef::Kind::kBlocRule: {
      const Bloc& bloc = instance.blocs[group.index];
      const bool by_value = bloc.rule.kind == Rule::Kind::kValue;
      return {"$.blocs" + index + ".rule",
              "bloc " + bloc.name + ": " +
                  (by_value ? "value received >= " : "number received >= ") +
                  NumberText(bloc.rule.ratio) + (by_value ? " x cost given" : " x number given")};
    }
    case GroupRef::Kind::kMaxSize:
      return {"$.max_size", "at most " + std::to_string(*instance.max_size) + " people"};
    case GroupRef::Kind::kMaxParties:
      return {"$.max_parties", "at most " + std::to_string(*instance.max_parties) + " parties"};
    case GroupRef::Kind::kMustInclude:
      return {"$.must_include" + index,
              instance.must_include[group.index] + " must be in the deal"};
    case GroupRef::Kind::kMustExclude:
      return {"$.must_exclude" + index,
              instance.must_exclude[group.index] + " must not be in the deal"};
  }
  return {};
}

std::vector<ConstraintGroup> FindConflict(const ExchangeModel& model,
                                          const Restrictions& restrictions,
                                          Clock::time_point deadline, bool* irreducible) {
  *irreducible = true;
  Restrictions current = restrictions;
  std::vector<ConstraintGroup> kept;
  for (const GroupRef& group : ActiveGroups(model, restrictions)) {
    Restrictions trial = current;
    DropGroup(model, group, &trial);
    bool decided = true;
    const bool feasible = IsFeasible(model, trial, deadline, &decided);
    if (!decided) *irreducible = false;
    if (feasible) {
      kept.push_back(DescribeGroup(model, group));  // needed for the conflict
    } else {
      current = std::move(trial);
    }
  }
  return kept;
}

}  // namespace canje::solver
