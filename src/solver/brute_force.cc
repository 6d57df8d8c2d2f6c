#include "solver/brute_force.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

#include "solver/deal_checker.h"
#include "solver/instance_json.h"
#include "solver/random_instance.h"
#include "solver/solver.h"

namespace canje::solver::testing {
namespace {

int Compare(const std::vector<double>& a, const std::vector<double>& b) {
  for (size_t t = 0; t < a.size(); ++t) {
    if (a[t] < b[t] - 1e-6) return -1;
    if (a[t] > b[t] + 1e-6) return 1;
  }
  return 0;
}

// `instance` keeping only the constraint groups whose JSON paths are in `keep` (bloc rules,
// max_size, max_parties, must entries); the others are dropped.
Instance KeepOnlyGroups(const Instance& instance, const std::set<std::string>& keep) {
  Instance out = instance;
  for (size_t b = 0; b < out.blocs.size(); ++b) {
    if (keep.count("$.blocs[" + std::to_string(b) + "].rule") == 0) out.blocs[b].rule = Rule{};
  }
  if (keep.count("$.max_size") == 0) out.max_size.reset();
  if (keep.count("$.max_parties") == 0) out.max_parties.reset();
  out.must_include.clear();
  out.must_exclude.clear();
  for (size_t i = 0; i < instance.must_include.size(); ++i) {
    if (keep.count("$.must_include[" + std::to_string(i) + "]") != 0) {
      out.must_include.push_back(instance.must_include[i]);
    }
  }
  for (size_t i = 0; i < instance.must_exclude.size(); ++i) {
    if (keep.count("$.must_exclude[" + std::to_string(i) + "]") != 0) {
      out.must_exclude.push_back(instance.must_exclude[i]);
    }
  }
  return out;
}

}  // namespace

// The lexicographically best valid subset, or false when none is valid.
bool BruteForce(const Instance& instance, std::vector<double>* best) {
  const int n = static_cast<int>(instance.candidates.size());
  bool found = false;
  for (unsigned mask = 0; mask < (1u << n); ++mask) {
    std::vector<std::string> selected;
    for (int i = 0; i < n; ++i) {
      if (mask & (1u << i)) selected.push_back(instance.candidates[i].id);
    }
    if (!RuleViolations(instance, selected).empty()) continue;
    std::vector<double> value = ObjectiveByPriority(instance, selected);
    if (!found || Compare(value, *best) > 0) *best = value;
    found = true;
  }
  return found;
}

void CheckAgainstBruteForce(int instances, int max_candidates, unsigned seed) {
  std::mt19937 rng(seed);
  int infeasible = 0, capped = 0, tiered = 0;
  for (int k = 0; k < instances; ++k) {
    Instance instance = RandomInstance(rng, max_candidates);
    SCOPED_TRACE("instance " + std::to_string(k) + " of seed " + std::to_string(seed) + ": " +
                 InstanceToJson(instance).dump());
    std::vector<double> best;
    const bool feasible = BruteForce(instance, &best);
    Result<Solution> solved = Solve(instance, SolveOptions{});
    ASSERT_TRUE(solved.ok()) << solved.status().ToString();
    if (!feasible) {
      ++infeasible;
      EXPECT_EQ(solved->status, SolveStatus::kInfeasible);
      EXPECT_FALSE(solved->conflict.empty());
      // The conflict alone admits no deal, and without any one of its groups some deal exists.
      std::set<std::string> groups;
      for (const ConstraintGroup& group : solved->conflict) groups.insert(group.path);
      std::vector<double> ignored;
      EXPECT_FALSE(BruteForce(KeepOnlyGroups(instance, groups), &ignored));
      for (const std::string& path : groups) {
        std::set<std::string> fewer = groups;
        fewer.erase(path);
        EXPECT_TRUE(BruteForce(KeepOnlyGroups(instance, fewer), &ignored)) << path;
      }
      continue;
    }
    ASSERT_EQ(solved->status, SolveStatus::kOptimal);
    EXPECT_TRUE(RuleViolations(instance, solved->deal.selected).empty());
    std::vector<double> got = ObjectiveByPriority(instance, solved->deal.selected);
    EXPECT_EQ(Compare(got, best), 0);
    double total = 0;
    for (double v : best) total += v;
    EXPECT_NEAR(*solved->objective, total, 1e-6);
    capped += instance.max_parties.has_value();
    tiered += best.size() > 1;
  }
  // The generator covers the cases docs/solver.md names.
  EXPECT_GT(infeasible, 0);
  EXPECT_GT(capped, instances / 5);
  EXPECT_GT(tiered, instances / 5);
}

}  // namespace canje::solver::testing
