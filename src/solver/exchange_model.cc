#include "solver/exchange_model.h"

#include <algorithm>
#include <map>
#include <set>

#include "solver/lp_writer.h"

namespace canje::solver {

bool ExchangeModel::CountsForBalance(int candidate) const {
  return !instance.candidates[candidate].unconditional &&
         holder_bloc[candidate] != beneficiary_bloc[candidate];
}

int ExchangeModel::PersonIndex(const std::string& person) const {
  auto it = std::lower_bound(persons.begin(), persons.end(), person);
  if (it == persons.end() || *it != person) return -1;
  return static_cast<int>(it - persons.begin());
}

ExchangeModel BuildExchangeModel(const Instance& instance) {
  ExchangeModel model;
  model.instance = instance;
  std::set<std::string> parties, persons;
  std::set<int> tiers;
  for (const Bloc& bloc : instance.blocs) parties.insert(bloc.parties.begin(), bloc.parties.end());
  for (const Candidate& c : instance.candidates) {
    parties.insert({c.from, c.to, c.beneficiary});
    persons.insert(c.person);
    tiers.insert(c.priority);
  }
  model.parties.assign(parties.begin(), parties.end());
  model.persons.assign(persons.begin(), persons.end());
  model.tiers.assign(tiers.begin(), tiers.end());
  std::map<std::string, int> party_index;
  for (size_t p = 0; p < model.parties.size(); ++p) party_index[model.parties[p]] = p;

  model.bloc_of_party.assign(model.parties.size(), -1);
  for (const Bloc& bloc : instance.blocs) {
    for (const std::string& party : bloc.parties) {
      model.bloc_of_party[party_index[party]] = static_cast<int>(model.bloc_names.size());
    }
    model.bloc_names.push_back(bloc.name);
    model.bloc_rules.push_back(bloc.rule);
  }
  for (size_t p = 0; p < model.parties.size(); ++p) {
    if (model.bloc_of_party[p] >= 0) continue;
    model.bloc_of_party[p] = static_cast<int>(model.bloc_names.size());
    model.bloc_names.push_back(model.parties[p]);
    model.bloc_rules.push_back(Rule{});
  }

  const int n = static_cast<int>(instance.candidates.size());
  model.candidates_of_person.resize(model.persons.size());
  for (int c = 0; c < n; ++c) {
    const Candidate& candidate = instance.candidates[c];
    int person = model.PersonIndex(candidate.person);
    model.person_of_candidate.push_back(person);
    model.candidates_of_person[person].push_back(c);
    std::vector<int> used = {party_index[candidate.from], party_index[candidate.to],
                             party_index[candidate.beneficiary]};
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    model.parties_of_candidate.push_back(used);
    model.holder_bloc.push_back(model.bloc_of_party[party_index[candidate.from]]);
    model.beneficiary_bloc.push_back(model.bloc_of_party[party_index[candidate.beneficiary]]);
    model.tier_of_candidate.push_back(static_cast<int>(
        std::lower_bound(model.tiers.begin(), model.tiers.end(), candidate.priority) -
        model.tiers.begin()));
    model.objective_of_candidate.push_back(
        instance.objective == Objective::kPeople ? 1.0 : candidate.value);
  }
  return model;
}

Restrictions Restrictions::FromInstance(const ExchangeModel& model) {
  Restrictions restrictions;
  for (const Rule& rule : model.bloc_rules) {
    restrictions.bloc_rule_on.push_back(rule.kind != Rule::Kind::kNone);
    restrictions.bloc_ratio.push_back(rule.ratio);
  }
  restrictions.person_state.assign(model.persons.size(), 0);
  for (const std::string& person : model.instance.must_include) {
    restrictions.person_state[model.PersonIndex(person)] = 1;
  }
  for (const std::string& person : model.instance.must_exclude) {
    int index = model.PersonIndex(person);
    if (index >= 0) restrictions.person_state[index] = -1;
  }
  return restrictions;
}

std::vector<LinearRow> PersonRows(const ExchangeModel& model, const Restrictions& restrictions,
                                  const std::vector<int>& columns) {
  std::vector<LinearRow> rows;
  std::vector<std::vector<int>> columns_of_person(model.persons.size());
  for (size_t j = 0; j < columns.size(); ++j) {
    columns_of_person[model.person_of_candidate[columns[j]]].push_back(static_cast<int>(j));
  }
  for (size_t person = 0; person < model.persons.size(); ++person) {
    const bool must = restrictions.person_state[person] == 1;
    if (columns_of_person[person].size() < 2 && !must) continue;
    LinearRow row;
    row.name = "person_" + std::to_string(person);
    row.columns = columns_of_person[person];
    row.coefficients.assign(row.columns.size(), 1.0);
    row.sense = must ? 'E' : 'L';
    row.rhs = 1;
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<LinearRow> SideRows(const ExchangeModel& model, const Restrictions& restrictions,
                                const std::vector<TierFloor>& floors,
                                const std::vector<int>& columns) {
  std::vector<LinearRow> rows;
  const Instance& instance = model.instance;
  // Balance rows: received - ratio * given >= 0.
  for (size_t b = 0; b < model.bloc_names.size(); ++b) {
    if (!restrictions.bloc_rule_on[b] || model.bloc_rules[b].kind == Rule::Kind::kNone) continue;
    const bool by_value = model.bloc_rules[b].kind == Rule::Kind::kValue;
    const double ratio = restrictions.bloc_ratio[b];
    LinearRow row;
    row.name = "bloc_" + std::to_string(b);
    row.sense = 'G';
    bool gives = false;
    for (size_t j = 0; j < columns.size(); ++j) {
      const int c = columns[j];
      if (!model.CountsForBalance(c)) continue;
      const Candidate& candidate = instance.candidates[c];
      if (model.beneficiary_bloc[c] == static_cast<int>(b)) {
        row.columns.push_back(static_cast<int>(j));
        row.coefficients.push_back(by_value ? candidate.value : 1.0);
      } else if (model.holder_bloc[c] == static_cast<int>(b)) {
        row.columns.push_back(static_cast<int>(j));
        row.coefficients.push_back(-ratio * (by_value ? candidate.cost : 1.0));
        gives = gives || row.coefficients.back() != 0;
      }
    }
    if (gives) rows.push_back(std::move(row));
  }
  if (restrictions.max_size_on && instance.max_size &&
      *instance.max_size < static_cast<int>(columns.size())) {
    LinearRow row;
    row.name = "max_size";
    for (size_t j = 0; j < columns.size(); ++j) row.columns.push_back(static_cast<int>(j));
    row.coefficients.assign(columns.size(), 1.0);
    row.sense = 'L';
    row.rhs = *instance.max_size;
    rows.push_back(std::move(row));
  }
  for (const TierFloor& floor : floors) {
    LinearRow row;
    row.name = "tier_" + std::to_string(model.tiers[floor.tier]);
    for (size_t j = 0; j < columns.size(); ++j) {
      if (model.tier_of_candidate[columns[j]] != floor.tier) continue;
      row.columns.push_back(static_cast<int>(j));
      row.coefficients.push_back(model.objective_of_candidate[columns[j]]);
    }
    row.sense = 'G';
    row.rhs = floor.minimum;
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<LinearRow> SharedRows(const ExchangeModel& model, const Restrictions& restrictions,
                                  const std::vector<TierFloor>& floors,
                                  const std::vector<int>& columns) {
  std::vector<LinearRow> rows = PersonRows(model, restrictions, columns);
  for (LinearRow& row : SideRows(model, restrictions, floors, columns)) {
    rows.push_back(std::move(row));
  }
  return rows;
}

Milp BuildPlainMilp(const ExchangeModel& model, const Restrictions& restrictions,
                    const std::vector<double>& objective, const std::vector<TierFloor>& floors,
                    std::vector<int>* columns) {
  columns->clear();
  for (size_t c = 0; c < model.instance.candidates.size(); ++c) {
    if (restrictions.person_state[model.person_of_candidate[c]] >= 0) {
      columns->push_back(static_cast<int>(c));
    }
  }
  Milp milp;
  for (int c : *columns) {
    milp.AddColumn("x_" + std::to_string(c) + "_" + LpSafeName(model.instance.candidates[c].id),
                   objective[c]);
  }
  milp.rows = SharedRows(model, restrictions, floors, *columns);
  const auto& cap = model.instance.max_parties;
  if (restrictions.max_parties_on && cap && *cap < static_cast<int>(model.parties.size())) {
    const int x_count = milp.num_columns();
    int big_m = static_cast<int>(model.persons.size());
    if (restrictions.max_size_on && model.instance.max_size) {
      big_m = std::min(big_m, *model.instance.max_size);
    }
    LinearRow cap_row;
    cap_row.name = "max_parties";
    cap_row.sense = 'L';
    cap_row.rhs = *cap;
    std::vector<LinearRow> use_rows(model.parties.size());
    for (int j = 0; j < x_count; ++j) {
      for (int p : model.parties_of_candidate[(*columns)[j]]) {
        use_rows[p].columns.push_back(j);
        use_rows[p].coefficients.push_back(1.0);
      }
    }
    for (size_t p = 0; p < model.parties.size(); ++p) {
      if (use_rows[p].columns.empty()) continue;
      int y = milp.AddColumn("y_" + LpSafeName(model.parties[p]), 0.0);
      LinearRow& row = use_rows[p];
      row.name = "party_" + LpSafeName(model.parties[p]);
      row.columns.push_back(y);
      row.coefficients.push_back(-std::max(1, big_m));
      row.sense = 'L';
      row.rhs = 0;
      milp.rows.push_back(std::move(row));
      cap_row.columns.push_back(y);
      cap_row.coefficients.push_back(1.0);
    }
    milp.rows.push_back(std::move(cap_row));
  }
  return milp;
}

}  // namespace canje::solver
