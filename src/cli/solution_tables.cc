#include "cli/solution_tables.h"

#include <cstdio>

#include "cli/table.h"

namespace canje::cli {

std::string SolverNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

std::string RuleText(const solver::Rule& rule) {
  if (rule.kind == solver::Rule::Kind::kNone) return "none";
  return std::string(solver::RuleKindName(rule.kind)) + " " + SolverNumber(rule.ratio);
}

void PrintSolveStatus(const solver::Solution& solution, std::ostream& out) {
  out << "status: " << solver::SolveStatusName(solution.status);
  out << "   objective: " << (solution.objective ? SolverNumber(*solution.objective) : "-");
  out << "   bound: " << (solution.bound ? SolverNumber(*solution.bound) : "-");
  out << "   seconds: " << SolverNumber(solution.seconds) << "\n";
  if (solution.deal.tiers.size() > 1) {
    out << "by priority:";
    for (size_t t = 0; t < solution.deal.tiers.size(); ++t) {
      out << "  " << solution.deal.tiers[t] << ": "
          << SolverNumber(solution.deal.tier_objective[t]);
    }
    out << "\n";
  }
}

void PrintBlocTable(const std::vector<solver::BlocReport>& blocs, std::ostream& out) {
  Table table({"bloc", "rule", "given", "received", "cost given", "value received", "holds"});
  for (const solver::BlocReport& bloc : blocs) {
    table.AddRow({bloc.name, RuleText(bloc.rule), std::to_string(bloc.given),
                  std::to_string(bloc.received), SolverNumber(bloc.cost_given),
                  SolverNumber(bloc.value_received), bloc.holds ? "yes" : "NO"});
  }
  table.Print(out);
}

void PrintConstraintGroups(const std::vector<solver::ConstraintGroup>& groups, std::ostream& out) {
  Table table({"constraint", "meaning"});
  for (const auto& group : groups) table.AddRow({group.path, group.description});
  table.Print(out);
}

void PrintConflict(const solver::Solution& solution, std::ostream& out) {
  out << "No deal satisfies these constraints together"
      << (solution.conflict_irreducible ? "" : " (time limit: possibly more than needed)") << ":\n";
  PrintConstraintGroups(solution.conflict, out);
}

void PrintRequireAnswer(const solver::RequireAnswer& answer, const std::string& who,
                        std::ostream& out) {
  out << "\nWhat would it take to include " << who << ": ";
  if (answer.outcome == "already_selected") {
    out << "nothing, they are in the deal.\n";
  } else if (answer.outcome == "no_change_needed") {
    out << "no rule change; the best deal with them:\n";
  } else if (answer.outcome == "ratio_change") {
    out << "lower bloc " << answer.bloc << "'s ratio from " << SolverNumber(answer.ratio_before)
        << " to " << SolverNumber(answer.ratio_after) << "; the best deal then:\n";
  } else {
    out << "no single bloc's ratio change is enough; in the way:\n";
    PrintConstraintGroups(answer.groups, out);
  }
  if (!answer.proven) out << "(time limit: not proven)\n";
}

}  // namespace canje::cli
