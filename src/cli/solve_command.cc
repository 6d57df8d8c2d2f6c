#include "cli/solve_command.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/solution_tables.h"
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

void PrintDeal(const solver::Instance& instance, const solver::Deal& deal, std::ostream& out) {
  std::map<std::string, const solver::Candidate*> by_id;
  for (const auto& candidate : instance.candidates) by_id[candidate.id] = &candidate;
  Table selected({"candidate", "person", "from", "to", "beneficiary", "value", "cost", "priority",
                  "unconditional"});
  for (const std::string& id : deal.selected) {
    const solver::Candidate& c = *by_id.at(id);
    selected.AddRow({c.id, c.person, c.from, c.to, c.beneficiary, SolverNumber(c.value),
                     SolverNumber(c.cost), std::to_string(c.priority),
                     c.unconditional ? "yes" : ""});
  }
  out << "Selected (" << deal.selected.size() << "):\n";
  selected.Print(out);
  out << "\nBlocs:\n";
  PrintBlocTable(deal.blocs, out);
}

void PrintReadable(const solver::Instance& instance, const solver::Solution& solution,
                   std::ostream& out) {
  PrintSolveStatus(solution, out);
  out << "\n";
  if (solution.status == solver::SolveStatus::kInfeasible) {
    PrintConflict(solution, out);
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
    PrintRequireAnswer(answer, answer.person, out);
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
