#include "cli/solve_command.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/table.h"
#include "solver/instance_json.h"
#include "solver/solution_json.h"
#include "solver/solver.h"

namespace canje::cli {
namespace {

struct SolveFlags {
  std::string instance_file;
  bool explain = false;
  double time_limit = 0;
  std::string write_lp;
  std::string require;
};

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

std::string RuleText(const solver::Rule& rule) {
  if (rule.kind == solver::Rule::Kind::kNone) return "none";
  return std::string(solver::RuleKindName(rule.kind)) + " " + Number(rule.ratio);
}

void PrintDeal(const solver::Instance& instance, const solver::Deal& deal, std::ostream& out) {
  std::map<std::string, const solver::Candidate*> by_id;
  for (const auto& candidate : instance.candidates) by_id[candidate.id] = &candidate;
  Table selected({"candidate", "person", "from", "to", "beneficiary", "value", "cost", "priority",
                  "unconditional"});
  for (const std::string& id : deal.selected) {
    const solver::Candidate& c = *by_id.at(id);
    selected.AddRow({c.id, c.person, c.from, c.to, c.beneficiary, Number(c.value), Number(c.cost),
                     std::to_string(c.priority), c.unconditional ? "yes" : ""});
  }
  out << "Selected (" << deal.selected.size() << "):\n";
  selected.Print(out);
  Table blocs({"bloc", "rule", "given", "received", "cost given", "value received", "holds"});
  for (const solver::BlocReport& bloc : deal.blocs) {
    blocs.AddRow({bloc.name, RuleText(bloc.rule), std::to_string(bloc.given),
                  std::to_string(bloc.received), Number(bloc.cost_given),
                  Number(bloc.value_received), bloc.holds ? "yes" : "NO"});
  }
  out << "\nBlocs:\n";
  blocs.Print(out);
}

void PrintGroups(const std::vector<solver::ConstraintGroup>& groups, std::ostream& out) {
  Table table({"constraint", "meaning"});
  for (const auto& group : groups) table.AddRow({group.path, group.description});
  table.Print(out);
}

void PrintReadable(const solver::Instance& instance, const solver::Solution& solution,
                   std::ostream& out) {
  out << "status: " << solver::SolveStatusName(solution.status);
  out << "   objective: " << (solution.objective ? Number(*solution.objective) : "-");
  out << "   bound: " << (solution.bound ? Number(*solution.bound) : "-");
  out << "   seconds: " << Number(solution.seconds) << "\n";
  if (solution.deal.tiers.size() > 1) {
    out << "by priority:";
    for (size_t t = 0; t < solution.deal.tiers.size(); ++t) {
      out << "  " << solution.deal.tiers[t] << ": " << Number(solution.deal.tier_objective[t]);
    }
    out << "\n";
  }
  out << "\n";
  if (solution.status == solver::SolveStatus::kInfeasible) {
    out << "No deal satisfies these constraints together"
        << (solution.conflict_irreducible ? "" : " (time limit: possibly more than needed)")
        << ":\n";
    PrintGroups(solution.conflict, out);
  } else if (solution.objective) {
    PrintDeal(instance, solution.deal, out);
  }
  if (!solution.excluded.empty()) {
    Table excluded({"excluded", "reason"});
    for (const auto& exclusion : solution.excluded) {
      if (exclusion.reasons.empty()) {
        excluded.AddRow({exclusion.person, "(run with --explain)"});
      }
      for (const auto& reason : exclusion.reasons) {
        excluded.AddRow({exclusion.person, reason.code + ": " + reason.text});
      }
    }
    out << "\nExcluded (" << solution.excluded.size() << "):\n";
    excluded.Print(out);
  }
  if (solution.require) {
    const solver::RequireAnswer& answer = *solution.require;
    out << "\nWhat would it take to include " << answer.person << ": ";
    if (answer.outcome == "already_selected") {
      out << "nothing, they are in the deal.\n";
    } else if (answer.outcome == "no_change_needed") {
      out << "no rule change; the best deal with them:\n";
    } else if (answer.outcome == "ratio_change") {
      out << "lower bloc " << answer.bloc << "'s ratio from " << Number(answer.ratio_before)
          << " to " << Number(answer.ratio_after) << "; the best deal then:\n";
    } else {
      out << "no single bloc's ratio change is enough; in the way:\n";
      PrintGroups(answer.groups, out);
    }
    if (!answer.proven) out << "(time limit: not proven)\n";
    if (answer.deal) PrintDeal(instance, *answer.deal, out);
  }
}

Status RunSolve(CommandContext& context, const SolveFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(solver::Instance instance, solver::ReadInstanceFile(flags.instance_file));
  solver::SolveOptions options;
  options.explain = flags.explain;
  options.time_limit_seconds = flags.time_limit;
  if (!flags.require.empty()) options.require_person = flags.require;
  CANJE_ASSIGN_OR_RETURN(solver::Solution solution, solver::Solve(instance, options));
  if (!flags.write_lp.empty()) {
    std::ofstream file(flags.write_lp, std::ios::binary | std::ios::trunc);
    file << solver::ModelAsLp(instance, &solution);
    file.close();
    if (!file) return Status::CannotWrite(flags.write_lp + ": cannot write the LP file");
  }
  if (context.global.json) {
    context.out << solver::SolutionToJson(solution).dump(2) << "\n";
  } else {
    PrintReadable(instance, solution, context.out);
  }
  return Status::Ok();
}

}  // namespace

void AddSolveCommand(CLI::App& app, CommandContext& context) {
  auto flags = std::make_shared<SolveFlags>();
  auto* solve = app.add_subcommand(
      "solve",
      "Find the best exchange deal an instance file allows, proven, and why people are out");
  solve->add_option("--instance", flags->instance_file, "Instance file (JSON, docs/solver.md)")
      ->required();
  solve->add_flag("--explain", flags->explain,
                  "Re-solve with each excluded person forced in and say what breaks");
  solve->add_option("--time-limit", flags->time_limit, "Stop after this many seconds")
      ->check(CLI::Validator(
          [](std::string& text) {
            char* end = nullptr;
            const double seconds = std::strtod(text.c_str(), &end);
            if (end == text.c_str() || *end != '\0' || !(seconds > 0)) {
              return std::string("must be a number of seconds greater than 0");
            }
            return std::string();
          },
          "SECONDS"));
  solve->add_option("--write-lp", flags->write_lp,
                    "Also write the model in CPLEX LP form (for the cbc and glpsol commands)");
  solve->add_option("--require", flags->require,
                    "What would it take to include this person (smallest change of one ratio)");
  solve->callback([&context, flags] { context.Finish(RunSolve(context, *flags)); });
}

}  // namespace canje::cli
