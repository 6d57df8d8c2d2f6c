#include "solver/random_instance.h"

#include <algorithm>
#include <string>
#include <vector>

namespace canje::solver::testing {
namespace {

int Uniform(std::mt19937& rng, int low, int high) {
  return std::uniform_int_distribution<int>(low, high)(rng);
}
bool Chance(std::mt19937& rng, double p) { return std::bernoulli_distribution(p)(rng); }
template <typename T>
const T& Pick(std::mt19937& rng, const std::vector<T>& items) {
  return items[Uniform(rng, 0, static_cast<int>(items.size()) - 1)];
}

}  // namespace

Instance RandomInstance(std::mt19937& rng, int max_candidates) {
  Instance instance;
  std::vector<std::string> parties = {"AAA", "BBB", "CCC", "DDD", "EEE"};
  parties.resize(Uniform(rng, 2, 5));
  std::vector<std::string> shuffled = parties;
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  const int bloc_count = Uniform(rng, 1, std::min<int>(3, shuffled.size()));
  size_t next = 0;
  for (int b = 0; b < bloc_count && next < shuffled.size(); ++b) {
    Bloc bloc;
    bloc.name = "B" + std::to_string(b);
    int size = Uniform(rng, 1, 2);
    for (int k = 0; k < size && next < shuffled.size(); ++k)
      bloc.parties.push_back(shuffled[next++]);
    bloc.rule.kind = Pick(
        rng, std::vector<Rule::Kind>{Rule::Kind::kNone, Rule::Kind::kCount, Rule::Kind::kValue});
    bloc.rule.ratio = Pick(rng, std::vector<double>{0.0, 0.5, 1.0, 1.0, 1.5, 2.0});
    if (bloc.rule.kind == Rule::Kind::kNone) bloc.rule.ratio = 1.0;
    instance.blocs.push_back(bloc);
  }
  const int n = Uniform(rng, 1, max_candidates);
  const int person_count = std::max(1, n - Uniform(rng, 0, n / 2));
  for (int i = 0; i < n; ++i) {
    Candidate c;
    c.id = "c" + std::to_string(i);
    c.person = "p" + std::to_string(Uniform(rng, 0, person_count - 1));
    c.from = Pick(rng, parties);
    if (Chance(rng, 0.3)) {
      c.to = c.from;  // released at home, on another party's claim
      do {
        c.beneficiary = Pick(rng, parties);
      } while (c.beneficiary == c.from);
    } else {
      c.to = Pick(rng, parties);
      c.beneficiary = Chance(rng, 0.7) ? c.to : Pick(rng, parties);
    }
    c.value = Pick(rng, std::vector<double>{0.5, 1.0, 2.0, 3.0});
    c.cost = Pick(rng, std::vector<double>{0.5, 1.0, 2.0});
    c.priority = Chance(rng, 0.5) ? 1 : Uniform(rng, 1, 3);
    c.unconditional = Chance(rng, 0.1);
    instance.candidates.push_back(c);
  }
  std::vector<std::string> persons;
  for (const Candidate& c : instance.candidates) persons.push_back(c.person);
  std::sort(persons.begin(), persons.end());
  persons.erase(std::unique(persons.begin(), persons.end()), persons.end());
  if (Chance(rng, 0.2)) instance.must_include.push_back(Pick(rng, persons));
  if (Chance(rng, 0.2)) {
    const std::string& person = Pick(rng, persons);
    if (instance.must_include.empty() || instance.must_include[0] != person) {
      instance.must_exclude.push_back(person);
    }
  }
  if (Chance(rng, 0.3)) instance.max_size = Uniform(rng, 0, 4);
  if (Chance(rng, 0.5)) instance.max_parties = Uniform(rng, 1, 4);
  instance.objective = Chance(rng, 0.5) ? Objective::kPeople : Objective::kValue;
  return instance;
}

}  // namespace canje::solver::testing
