// Writes a synthetic exchange instance (JSON, the `canje solve` input) for the solver benchmarks.
//
//   generate_instance CANDIDATES PARTIES MAX_PARTIES [SEED] > instance.json
//
// Parties get user-assigned ISO 3166-1 alpha-3 codes (XAA, XAB, ...), split into blocs of about
// five, each bloc with a value rule (ratios 1, 0.8, 1.2 in turn). About 80% as many persons as
// candidates, so some persons have two or three candidates. Most candidates go to a party of
// another bloc; one in five is released at home on another bloc's claim. Values and costs are
// whole numbers 1 to 5; one candidate in fifty is unconditional. Objective: people.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "solver/instance.h"
#include "solver/instance_json.h"

int main(int argc, char** argv) {
  using namespace canje::solver;
  if (argc < 4) {
    std::cerr << "usage: generate_instance CANDIDATES PARTIES MAX_PARTIES [SEED]\n";
    return 2;
  }
  const int candidates = std::atoi(argv[1]);
  const int party_count = std::atoi(argv[2]);
  const int max_parties = std::atoi(argv[3]);
  std::mt19937 rng(argc > 4 ? std::atoi(argv[4]) : 1);
  auto uniform = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(rng);
  };

  Instance instance;
  std::vector<std::string> parties;
  for (int p = 0; p < party_count; ++p) {
    parties.push_back(std::string("X") + static_cast<char>('A' + p / 26) +
                      static_cast<char>('A' + p % 26));
  }
  const int bloc_count = std::max(2, party_count / 5);
  const double ratios[] = {1.0, 0.8, 1.2};
  std::vector<int> bloc_of(party_count);
  for (int b = 0; b < bloc_count; ++b) {
    Bloc bloc;
    bloc.name = "BLOC" + std::to_string(b + 1);
    bloc.rule = {Rule::Kind::kValue, ratios[b % 3]};
    instance.blocs.push_back(bloc);
  }
  for (int p = 0; p < party_count; ++p) {
    bloc_of[p] = p % bloc_count;
    instance.blocs[bloc_of[p]].parties.push_back(parties[p]);
  }
  const int persons = std::max(1, candidates * 4 / 5);
  for (int i = 0; i < candidates; ++i) {
    Candidate c;
    c.id = "c" + std::to_string(i);
    c.person = "p" + std::to_string(i < persons ? i : uniform(0, persons - 1));
    const int from = uniform(0, party_count - 1);
    int other;
    do {
      other = uniform(0, party_count - 1);
    } while (bloc_of[other] == bloc_of[from] && bloc_count > 1);
    c.from = parties[from];
    const int shape = uniform(0, 9);
    if (shape < 2) {  // released at home on another bloc's claim
      c.to = c.from;
      c.beneficiary = parties[other];
    } else if (shape < 9) {
      c.to = parties[other];
      c.beneficiary = c.to;
    } else {  // within the bloc
      c.to = parties[uniform(0, party_count - 1)];
      c.beneficiary = c.to;
    }
    c.value = uniform(1, 5);
    c.cost = uniform(1, 5);
    c.unconditional = uniform(0, 49) == 0;
    instance.candidates.push_back(c);
  }
  instance.max_parties = max_parties;
  std::cout << InstanceToJson(instance).dump() << "\n";
  return 0;
}
