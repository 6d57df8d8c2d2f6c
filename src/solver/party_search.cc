#include "solver/party_search.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <numeric>
#include <queue>
#include <set>

namespace canje::solver {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kFeasibilityTolerance = 1e-7;

using ColumnList = std::vector<int>;

// A party-set node: parties fixed in (1), out (-1) or free (0).
struct Node {
  std::vector<int8_t> state;
  int in_count = 0;
  std::vector<double> lambda;
  std::shared_ptr<const ColumnList> parent_allowed;
  double priority = kInfinity;  // an upper bound inherited from the parent
  int depth = 0;
};

struct NodeOrder {
  bool operator()(const std::shared_ptr<Node>& a, const std::shared_ptr<Node>& b) const {
    if (a->priority != b->priority) return a->priority < b->priority;
    return a->depth < b->depth;
  }
};

// The Lagrangian relaxation at one multiplier vector, and the deal it suggests.
struct Evaluation {
  double bound = kInfinity;         // min of the uncapped and the cap-aware bound
  std::vector<double> weight;       // per party: what opening it can add at most
  std::vector<int> suggested;       // columns of the suggested deal
  std::vector<double> slack;        // per side row, in >= form: row activity - rhs
  double suggested_lagrangian = 0;  // the Lagrangian value of `suggested`
  double suggested_objective = 0;
  bool suggested_feasible = false;
};

class PartySearch {
 public:
  PartySearch(const StageProblem& problem, const StageOptions& options)
      : problem_(problem), options_(options) {
    n_ = static_cast<int>(problem.columns.size());
    m_ = static_cast<int>(problem.side_rows.size());
    rhs_.resize(m_);
    std::vector<std::vector<std::pair<int, double>>> by_column(n_);
    for (int i = 0; i < m_; ++i) {
      const LinearRow& row = problem.side_rows[i];
      const double sign = row.sense == 'L' ? -1.0 : 1.0;
      rhs_[i] = sign * row.rhs;
      for (size_t k = 0; k < row.columns.size(); ++k) {
        by_column[row.columns[k]].emplace_back(i, sign * row.coefficients[k]);
      }
    }
    column_start_.push_back(0);
    for (int j = 0; j < n_; ++j) {
      for (auto [row, coefficient] : by_column[j]) {
        column_row_.push_back(row);
        column_coefficient_.push_back(coefficient);
      }
      column_start_.push_back(static_cast<int>(column_row_.size()));
    }
    integral_ = std::all_of(problem.objective.begin(), problem.objective.end(),
                            [](double v) { return std::abs(v - std::round(v)) < 1e-9; });
    for (bool required : problem.person_required) required_count_ += required ? 1 : 0;
    reduced_.resize(n_);
    local_weight_.assign(problem.num_parties, 0.0);
    cap_ = problem.party_cap.value_or(problem.num_parties);
  }

  StageResult Run();

 private:
  double Threshold() const {
    if (has_incumbent_) {
      double step = integral_ ? 1.0 - 1e-6 : 1e-7 * std::max(1.0, std::abs(incumbent_value_));
      return incumbent_value_ + step;
    }
    return options_.minimum_objective.value_or(-kInfinity);
  }
  bool TimeUp() const { return Clock::now() >= options_.deadline; }
  double SecondsLeft() const {
    if (options_.deadline == Clock::time_point::max()) return 1e9;
    return std::chrono::duration<double>(options_.deadline - Clock::now()).count();
  }
  bool Done() const { return options_.stop_at_first_solution && has_incumbent_; }

  void Offer(const std::vector<int>& columns, double objective) {
    if (options_.minimum_objective && objective < *options_.minimum_objective - 1e-9) return;
    if (has_incumbent_ && objective <= incumbent_value_ + 1e-9) return;
    has_incumbent_ = true;
    incumbent_value_ = objective;
    incumbent_ = columns;
  }

  bool CheckDeal(const std::vector<int>& columns, double* objective) const;
  void ProcessNode(const std::shared_ptr<Node>& node);
  Evaluation Evaluate(const Node& node, const ColumnList& allowed,
                      const std::vector<double>& lambda);
  // Solves the cap-free problem over `allowed` exactly. A heuristic call (a first solution)
  // only offers what it finds; otherwise an unfinished solve leaves the search incomplete.
  void SolveLeaf(const ColumnList& allowed, double node_bound, bool heuristic = false,
                 double seconds = 1e9);

  const StageProblem& problem_;
  const StageOptions& options_;
  int n_ = 0, m_ = 0, cap_ = 0, required_count_ = 0;
  std::vector<double> rhs_;
  std::vector<int> column_start_, column_row_;
  std::vector<double> column_coefficient_;
  bool integral_ = false;
  std::vector<double> reduced_;
  std::vector<double> local_weight_;

  bool has_incumbent_ = false;
  double incumbent_value_ = -kInfinity;
  std::vector<int> incumbent_;
  bool incomplete_ = false;
  double open_bound_ = -kInfinity;
  std::priority_queue<std::shared_ptr<Node>, std::vector<std::shared_ptr<Node>>, NodeOrder> queue_;
  StageResult result_;
};

bool PartySearch::CheckDeal(const std::vector<int>& columns, double* objective) const {
  std::vector<double> activity(m_, 0.0);
  std::set<int> persons, parties;
  *objective = 0;
  for (int j : columns) {
    if (!persons.insert(problem_.person_of_column[j]).second) return false;
    parties.insert(problem_.parties_of_column[j].begin(), problem_.parties_of_column[j].end());
    *objective += problem_.objective[j];
    for (int k = column_start_[j]; k < column_start_[j + 1]; ++k) {
      activity[column_row_[k]] += column_coefficient_[k];
    }
  }
  for (size_t person = 0; person < problem_.person_required.size(); ++person) {
    if (problem_.person_required[person] && persons.count(static_cast<int>(person)) == 0) {
      return false;
    }
  }
  for (int i = 0; i < m_; ++i) {
    if (activity[i] < rhs_[i] - kFeasibilityTolerance * std::max(1.0, std::abs(rhs_[i]))) {
      return false;
    }
  }
  return static_cast<int>(parties.size()) <= cap_;
}

Evaluation PartySearch::Evaluate(const Node& node, const ColumnList& allowed,
                                 const std::vector<double>& lambda) {
  Evaluation ev;
  const int slots = cap_ - node.in_count;
  double constant = 0;
  for (int i = 0; i < m_; ++i) constant -= lambda[i] * rhs_[i];
  double full = constant, capped = constant;
  ev.weight.assign(problem_.num_parties, 0.0);
  auto free_count = [&](int j) {
    int count = 0;
    for (int p : problem_.parties_of_column[j]) count += node.state[p] == 0 ? 1 : 0;
    return count;
  };
  for (int j : allowed) {
    double p = problem_.objective[j];
    for (int k = column_start_[j]; k < column_start_[j + 1]; ++k) {
      p += lambda[column_row_[k]] * column_coefficient_[k];
    }
    reduced_[j] = p;
  }
  std::vector<int> touched;
  for (size_t begin = 0; begin < allowed.size();) {
    const int person = problem_.person_of_column[allowed[begin]];
    size_t end = begin;
    while (end < allowed.size() && problem_.person_of_column[allowed[end]] == person) ++end;
    const bool required = problem_.person_required[person];
    double best = -kInfinity, base = required ? -kInfinity : 0.0;
    for (size_t k = begin; k < end; ++k) {
      const int j = allowed[k];
      best = std::max(best, reduced_[j]);
      if (free_count(j) == 0) base = std::max(base, reduced_[j]);
    }
    if (required) {
      full += best;
      capped += best;
    } else {
      full += std::max(0.0, best);
      capped += base;
      for (size_t k = begin; k < end; ++k) {
        const int j = allowed[k];
        const int count = free_count(j);
        if (count == 0 || reduced_[j] <= base) continue;
        const double share = (reduced_[j] - base) / count;
        for (int q : problem_.parties_of_column[j]) {
          if (node.state[q] != 0) continue;
          if (local_weight_[q] == 0) touched.push_back(q);
          local_weight_[q] = std::max(local_weight_[q], share);
        }
      }
      for (int q : touched) {
        ev.weight[q] += local_weight_[q];
        local_weight_[q] = 0;
      }
      touched.clear();
    }
    begin = end;
  }
  // The cap-aware bound: the `slots` heaviest free parties.
  std::vector<int> free_parties;
  for (int q = 0; q < problem_.num_parties; ++q) {
    if (node.state[q] == 0) free_parties.push_back(q);
  }
  std::sort(free_parties.begin(), free_parties.end(),
            [&](int a, int b) { return ev.weight[a] > ev.weight[b]; });
  std::vector<bool> open(problem_.num_parties, false);
  for (int q = 0; q < problem_.num_parties; ++q) open[q] = node.state[q] == 1;
  for (int r = 0; r < slots && r < static_cast<int>(free_parties.size()); ++r) {
    capped += std::max(0.0, ev.weight[free_parties[r]]);
    open[free_parties[r]] = true;
  }
  ev.bound = std::min(full, capped);

  // The suggested deal: each person's best candidate inside the heaviest party set.
  ev.suggested_lagrangian = constant;
  ev.slack.assign(rhs_.begin(), rhs_.end());
  for (double& s : ev.slack) s = -s;
  int required_covered = 0;
  for (size_t begin = 0; begin < allowed.size();) {
    const int person = problem_.person_of_column[allowed[begin]];
    size_t end = begin;
    while (end < allowed.size() && problem_.person_of_column[allowed[end]] == person) ++end;
    const bool required = problem_.person_required[person];
    int pick = -1;
    double best = required ? -kInfinity : 0.0;
    for (size_t k = begin; k < end; ++k) {
      const int j = allowed[k];
      bool inside = true;
      for (int p : problem_.parties_of_column[j]) inside = inside && open[p];
      if (inside && (reduced_[j] > best || (required && pick < 0))) {
        best = reduced_[j];
        pick = j;
      }
    }
    if (pick >= 0) {
      ev.suggested.push_back(pick);
      ev.suggested_lagrangian += reduced_[pick];
      ev.suggested_objective += problem_.objective[pick];
      for (int k = column_start_[pick]; k < column_start_[pick + 1]; ++k) {
        ev.slack[column_row_[k]] += column_coefficient_[k];
      }
      if (required) ++required_covered;
    }
    begin = end;
  }
  ev.suggested_feasible = required_covered == required_count_;
  for (int i = 0; i < m_ && ev.suggested_feasible; ++i) {
    if (ev.slack[i] < -kFeasibilityTolerance * std::max(1.0, std::abs(rhs_[i]))) {
      ev.suggested_feasible = false;
    }
  }
  return ev;
}

void PartySearch::SolveLeaf(const ColumnList& allowed, double node_bound, bool heuristic,
                            double seconds) {
  Milp milp;
  std::vector<int> new_index(n_, -1);
  for (int j : allowed) {
    new_index[j] = milp.AddColumn("x" + std::to_string(j), problem_.objective[j]);
  }
  for (size_t begin = 0; begin < allowed.size();) {
    const int person = problem_.person_of_column[allowed[begin]];
    size_t end = begin;
    while (end < allowed.size() && problem_.person_of_column[allowed[end]] == person) ++end;
    const bool required = problem_.person_required[person];
    if (end - begin >= 2 || required) {
      LinearRow row;
      row.name = "person" + std::to_string(person);
      for (size_t k = begin; k < end; ++k) row.columns.push_back(new_index[allowed[k]]);
      row.coefficients.assign(row.columns.size(), 1.0);
      row.sense = required ? 'E' : 'L';
      row.rhs = 1;
      milp.rows.push_back(std::move(row));
    }
    begin = end;
  }
  for (const LinearRow& side : problem_.side_rows) {
    LinearRow row;
    row.name = side.name;
    row.sense = side.sense;
    row.rhs = side.rhs;
    for (size_t k = 0; k < side.columns.size(); ++k) {
      int j = new_index[side.columns[k]];
      if (j < 0) continue;
      row.columns.push_back(j);
      row.coefficients.push_back(side.coefficients[k]);
    }
    milp.rows.push_back(std::move(row));
  }
  CbcOptions cbc;
  cbc.seconds = std::min(seconds, SecondsLeft());
  double threshold = Threshold();
  if (std::isfinite(threshold)) cbc.minimum_objective = threshold;
  ++result_.cbc_calls;
  MilpResult solved = SolveWithCbc(milp, cbc);
  if (solved.status == MilpResult::Status::kOptimal ||
      solved.status == MilpResult::Status::kFeasible) {
    std::vector<int> chosen;
    for (size_t k = 0; k < allowed.size(); ++k) {
      if (solved.values[k] > 0.5) chosen.push_back(allowed[k]);
    }
    double objective = 0;
    if (CheckDeal(chosen, &objective)) Offer(chosen, objective);
  }
  if (!heuristic && (solved.status == MilpResult::Status::kFeasible ||
                     solved.status == MilpResult::Status::kUnknown)) {
    incomplete_ = true;
    double bound = std::isfinite(solved.bound) ? std::min(node_bound, solved.bound) : node_bound;
    open_bound_ = std::max(open_bound_, bound);
  }
}

void PartySearch::ProcessNode(const std::shared_ptr<Node>& node) {
  const int slots = cap_ - node->in_count;
  // Columns still possible: no party fixed out, and few enough free parties to fit.
  auto allowed = std::make_shared<ColumnList>();
  std::vector<bool> usable(problem_.num_parties, false);
  std::vector<bool> person_seen(problem_.person_required.size(), false);
  int required_seen = 0;
  for (int j : *node->parent_allowed) {
    int free = 0;
    bool out = false;
    for (int p : problem_.parties_of_column[j]) {
      out = out || node->state[p] == -1;
      free += node->state[p] == 0 ? 1 : 0;
    }
    if (out || free > slots) continue;
    allowed->push_back(j);
    for (int p : problem_.parties_of_column[j]) usable[p] = usable[p] || node->state[p] == 0;
    const int person = problem_.person_of_column[j];
    if (!person_seen[person]) {
      person_seen[person] = true;
      if (problem_.person_required[person]) ++required_seen;
    }
  }
  if (required_seen < required_count_) return;  // a required person cannot be served
  int usable_count = 0;
  for (int q = 0; q < problem_.num_parties; ++q) usable_count += usable[q] ? 1 : 0;
  const bool leaf = usable_count <= slots;
  ++result_.nodes;

  if (leaf && node->depth == 0) {  // no binding cap: one exact solve
    SolveLeaf(*allowed, kInfinity);
    return;
  }

  // Subgradient steps on the multipliers; every multiplier vector gives a valid bound.
  const int iterations = node->depth == 0 ? 80 : (leaf ? 30 : 12);
  std::vector<double> lambda = node->lambda;
  std::vector<double> best_lambda = lambda;
  Evaluation best;
  double theta = 1.0;
  int stalls = 0;
  for (int iteration = 0; iteration < iterations; ++iteration) {
    Evaluation ev = Evaluate(*node, *allowed, lambda);
    if (ev.suggested_feasible)
      Offer(
          [&] {
            std::vector<int> sorted = ev.suggested;
            std::sort(sorted.begin(), sorted.end());
            return sorted;
          }(),
          ev.suggested_objective);
    if (ev.bound < best.bound) {
      best = ev;
      best_lambda = lambda;
      stalls = 0;
    } else if (++stalls >= 3) {
      theta /= 2;
      stalls = 0;
    }
    if (best.bound < Threshold() || Done()) return;  // pruned
    // Solved: the suggested deal is feasible and as good as the bound allows.
    if (ev.suggested_feasible && ev.suggested_objective >= best.bound - 1e-9) return;
    double norm = 0;
    for (int i = 0; i < m_; ++i) {
      double g = ev.slack[i];
      if (lambda[i] <= 0 && g > 0) continue;
      norm += g * g;
    }
    if (norm < 1e-18) break;
    double target =
        has_incumbent_ ? incumbent_value_ : best.bound - 0.1 * std::max(1.0, std::abs(best.bound));
    double gap = std::max(ev.suggested_lagrangian - target, 1e-6 * std::max(1.0, std::abs(target)));
    double step = theta * gap / norm;
    for (int i = 0; i < m_; ++i) lambda[i] = std::max(0.0, lambda[i] - step * ev.slack[i]);
  }
  if (best.bound < Threshold()) return;
  if (leaf) {
    SolveLeaf(*allowed, best.bound);
    return;
  }
  if (node->depth == 0) {
    // A first solution: the heaviest party set the cap allows, solved exactly by CBC.
    std::vector<int> order;
    for (int q = 0; q < problem_.num_parties; ++q) {
      if (usable[q]) order.push_back(q);
    }
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return best.weight[a] > best.weight[b]; });
    std::vector<bool> open(problem_.num_parties, false);
    for (int r = 0; r < slots && r < static_cast<int>(order.size()); ++r) open[order[r]] = true;
    ColumnList inside;
    for (int j : *allowed) {
      bool fits = true;
      for (int p : problem_.parties_of_column[j]) fits = fits && open[p];
      if (fits) inside.push_back(j);
    }
    SolveLeaf(inside, best.bound, /*heuristic=*/true, std::max(1.0, 0.25 * SecondsLeft()));
    if (best.bound < Threshold() || Done()) return;
  }
  // Branch on the usable free party that could add the most.
  int branch = -1;
  for (int q = 0; q < problem_.num_parties; ++q) {
    if (!usable[q] || node->state[q] != 0) continue;
    if (branch < 0 || best.weight[q] > best.weight[branch]) branch = q;
  }
  for (int include = 0; include < 2; ++include) {
    auto child = std::make_shared<Node>();
    child->state = node->state;
    // Parties no remaining column uses are closed, so leaves are maximal sets.
    for (int q = 0; q < problem_.num_parties; ++q) {
      if (child->state[q] == 0 && !usable[q]) child->state[q] = -1;
    }
    child->state[branch] = include ? 1 : -1;
    child->in_count = node->in_count + include;
    child->lambda = best_lambda;
    child->parent_allowed = allowed;
    child->priority = best.bound;
    child->depth = node->depth + 1;
    queue_.push(child);
  }
}

StageResult PartySearch::Run() {
  if (!options_.start.empty()) {
    std::vector<int> start;
    std::vector<int> column_of_candidate;
    for (int j = 0; j < n_; ++j) {
      const int c = problem_.columns[j];
      if (c >= static_cast<int>(column_of_candidate.size())) column_of_candidate.resize(c + 1, -1);
      column_of_candidate[c] = j;
    }
    bool known = true;
    for (int c : options_.start) {
      if (c >= static_cast<int>(column_of_candidate.size()) || column_of_candidate[c] < 0) {
        known = false;
        break;
      }
      start.push_back(column_of_candidate[c]);
    }
    std::sort(start.begin(), start.end());
    double objective = 0;
    if (known && CheckDeal(start, &objective)) Offer(start, objective);
  }
  auto root = std::make_shared<Node>();
  root->state.assign(problem_.num_parties, 0);
  root->lambda.assign(m_, 0.0);
  auto everything = std::make_shared<ColumnList>(n_);
  std::iota(everything->begin(), everything->end(), 0);
  root->parent_allowed = everything;
  queue_.push(root);
  while (!queue_.empty() && !Done()) {
    if (TimeUp()) {
      incomplete_ = true;
      open_bound_ = std::max(open_bound_, queue_.top()->priority);
      break;
    }
    std::shared_ptr<Node> node = queue_.top();
    queue_.pop();
    if (node->priority < Threshold()) continue;
    ProcessNode(node);
  }
  result_.objective = incumbent_value_;
  for (int j : incumbent_) result_.chosen.push_back(problem_.columns[j]);
  std::sort(result_.chosen.begin(), result_.chosen.end());
  if (Done()) {
    result_.status = StageResult::Status::kFeasible;
    result_.bound = std::max(incumbent_value_, open_bound_);
  } else if (!incomplete_) {
    result_.status =
        has_incumbent_ ? StageResult::Status::kOptimal : StageResult::Status::kInfeasible;
    result_.bound = has_incumbent_ ? incumbent_value_ : -kInfinity;
  } else {
    result_.status =
        has_incumbent_ ? StageResult::Status::kFeasible : StageResult::Status::kUnknown;
    result_.bound = std::max(incumbent_value_, open_bound_);
  }
  if (!has_incumbent_) result_.objective = 0;
  return result_;
}

}  // namespace

StageProblem BuildStageProblem(const ExchangeModel& model, const Restrictions& restrictions,
                               const std::vector<double>& objective,
                               const std::vector<TierFloor>& floors) {
  StageProblem problem;
  const auto& cap = model.instance.max_parties;
  const bool capped = restrictions.max_parties_on && cap.has_value();
  for (size_t person = 0; person < model.persons.size(); ++person) {
    if (restrictions.person_state[person] < 0) continue;
    for (int c : model.candidates_of_person[person]) {
      if (capped && static_cast<int>(model.parties_of_candidate[c].size()) > *cap) continue;
      problem.columns.push_back(c);
    }
  }
  std::set<int> used;
  for (int c : problem.columns) {
    problem.objective.push_back(objective[c]);
    problem.person_of_column.push_back(model.person_of_candidate[c]);
    problem.parties_of_column.push_back(model.parties_of_candidate[c]);
    used.insert(model.parties_of_candidate[c].begin(), model.parties_of_candidate[c].end());
  }
  for (int state : restrictions.person_state) problem.person_required.push_back(state == 1);
  problem.num_parties = static_cast<int>(model.parties.size());
  problem.side_rows = SideRows(model, restrictions, floors, problem.columns);
  if (capped && *cap < static_cast<int>(used.size())) problem.party_cap = *cap;
  return problem;
}

StageResult SolveStage(const StageProblem& problem, const StageOptions& options) {
  PartySearch search(problem, options);
  return search.Run();
}

}  // namespace canje::solver
