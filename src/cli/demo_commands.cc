#include "cli/demo_commands.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/open_instance.h"
#include "cli/progress_bar.h"
#include "cli/reconciliation_commands.h"
#include "cli/table.h"
#include "instance/ids.h"
#include "reconciliation/linker.h"
#include "reconciliation/statuses.h"
#include "registry/scenario_loader.h"
#include "registry/summary.h"
#include "scenario/scenario.h"
#include "wire/registry_json.h"

namespace canje::cli {
namespace {

using nlohmann::json;

std::string CountsText(const std::map<std::string, int64_t>& counts, size_t most = 6) {
  std::vector<std::pair<int64_t, std::string>> sorted;
  for (const auto& [name, count] : counts) sorted.push_back({-count, name});
  std::sort(sorted.begin(), sorted.end());
  std::string out;
  for (size_t i = 0; i < sorted.size() && i < most; ++i) {
    if (!out.empty()) out += ", ";
    out += (sorted[i].second.empty() ? "(none)" : sorted[i].second) + " " +
           std::to_string(-sorted[i].first);
  }
  if (sorted.size() > most) out += ", ...";
  return out;
}

void PrintSummary(const registry::InstanceSummary& summary, std::ostream& out) {
  out << "Parties (" << summary.parties.size() << ")\n";
  Table parties({"CODE", "NAME", "KIND"});
  for (const auto& party : summary.parties) parties.AddRow({party.code, party.name, party.kind});
  parties.Print(out);
  out << "\nLists (" << summary.lists.size() << ")\n";
  Table lists({"ID", "KIND", "PARTY", "RECORDS", "SOURCE"});
  for (const auto& list : summary.lists) {
    lists.AddRow({instance::ListId(list.id), list.kind, list.party,
                  std::to_string(list.record_count), list.source});
  }
  lists.Print(out);
  out << "\nPeople held, by holder (" << summary.persons << " persons";
  if (summary.erased > 0) out << ", " << summary.erased << " erased";
  out << ")\n";
  Table holders({"HOLDER", "PERSONS", "NO CHARGES", "NO EVIDENCE", "STATUS", "CATEGORIES"});
  for (const auto& holder : summary.holders) {
    auto none = holder.by_charges.find("none");
    holders.AddRow({holder.holder, std::to_string(holder.persons),
                    std::to_string(none == holder.by_charges.end() ? 0 : none->second),
                    std::to_string(holder.no_evidence_disclosed), CountsText(holder.by_status),
                    CountsText(holder.by_category)});
  }
  holders.Print(out);
  out << "\nNationalities of the people held\n";
  for (const auto& holder : summary.holders) {
    out << "  " << holder.holder << ": " << CountsText(holder.by_nationality, 10) << '\n';
  }
  out << "\nTransparency log: " << summary.events << " events\n";
}

// Prints the instance's summary as a table, or as JSON with --json.
Status ReportSummary(instance::Instance& instance, CommandContext& context) {
  CANJE_ASSIGN_OR_RETURN(registry::InstanceSummary summary, registry::Summarize(instance));
  CANJE_ASSIGN_OR_RETURN(reconciliation::ReconciliationStatus reconciled,
                         reconciliation::ReadStatus(instance));
  if (context.global.json) {
    context.out << wire::SummaryJson(summary, reconciled).dump(2) << '\n';
  } else {
    PrintSummary(summary, context.out);
    context.out << "\nReconciliation (canje link status)\n";
    PrintReconciliationCounts(reconciled, context.out, "", 0);
  }
  return Status::Ok();
}

}  // namespace

void AddScenarioCommands(CLI::App& app, CommandContext& context) {
  auto* scenario = app.add_subcommand("scenario", "Synthetic scenarios (no real names)");
  scenario->require_subcommand(1);
  auto* generate = scenario->add_subcommand(
      "generate", "Write a scenario's list files, scenario.json and truth.csv into a folder");
  auto options = std::make_shared<scenario::ScenarioOptions>();
  auto out_dir = std::make_shared<std::string>();
  generate->add_option("NAME", options->name, "cecot-2025, ankara-2024 or istanbul-style")
      ->required();
  generate->add_option("--out", *out_dir, "Folder to write into")->required();
  generate->add_option("--seed", options->seed, "Seed: the same seed gives the same files")
      ->capture_default_str();
  generate
      ->add_option("--size", options->size, "Scale the population (0: the scenario's natural size)")
      ->capture_default_str();
  generate->callback([&context, options, out_dir] {
    ProgressBar bar(context.err, "generating", context.ShowProgress());
    Status status = scenario::WriteScenario(*options, *out_dir, [&](int64_t done, int64_t total) {
      bar.Update(static_cast<uint64_t>(done), static_cast<uint64_t>(total));
    });
    bar.Done();
    if (status.ok()) {
      if (context.global.json) {
        context.out << json{{"scenario", options->name},
                            {"seed", options->seed},
                            {"size", options->size},
                            {"out", *out_dir}}
                           .dump(2)
                    << '\n';
      } else {
        context.out << "Wrote scenario " << options->name << " (seed " << options->seed << ") to "
                    << *out_dir << '\n';
      }
    }
    context.Finish(status);
  });
}

void AddDemoCommand(CLI::App& app, CommandContext& context) {
  auto* demo = app.add_subcommand(
      "demo", "Create a fresh store with the cecot-2025 scenario loaded and print its summary");
  auto seed = std::make_shared<uint64_t>(2025);
  demo->add_option("--seed", *seed, "Seed of the scenario")->capture_default_str();
  demo->callback([&context, seed] {
    std::string database = context.DatabasePath();
    // Beside the key file: for a PostgreSQL store the database is a URL, not a folder.
    std::filesystem::path folder = std::filesystem::absolute(context.MasterKeyPath()).parent_path();
    std::filesystem::path scenario_dir = folder / "cecot-2025";
    Status status = scenario::WriteScenario({"cecot-2025", *seed, 0}, scenario_dir);
    if (!status.ok()) return context.Finish(status);
    instance::InitOptions init;
    init.database = database;
    init.master_key_file = context.MasterKeyPath();
    init.admin_name = "mediator";
    // The first admin acts for the scenario's own intermediary (the mediator's office).
    std::ifstream manifest_file(scenario_dir / "scenario.json");
    json manifest = json::parse(manifest_file, nullptr, false);
    if (!manifest.is_discarded()) {
      for (const auto& party : manifest.value("parties", json::array())) {
        if (party.value("kind", "") == "intermediary") {
          init.party_code = party.value("code", init.party_code);
          init.party_name = party.value("name", init.party_name);
          break;
        }
      }
    }
    auto created = instance::Instance::Initialize(init);
    if (!created.ok()) return context.Finish(created.status());
    auto opened = OpenInstance(context);
    if (!opened.ok()) return context.Finish(opened.status());
    if (!context.global.json) {
      context.out << "Demo store " << database << " (master key " << init.master_key_file
                  << "), scenario files in " << scenario_dir.string() << "\n\n";
    }
    status = registry::LoadScenario(**opened, scenario_dir);
    if (!status.ok()) return context.Finish(status);
    // Reconcile the lists into persons, as a mediator would next.
    auto linked = reconciliation::LinkStore(**opened, reconciliation::LinkStoreOptions{});
    if (!linked.ok()) return context.Finish(linked.status());
    status = ReportSummary(**opened, context);
    if (status.ok() && !context.global.json) {
      // The commands named in parentheses above act on ./canje.db unless told of this store.
      context.out << "\nThe commands named above act on this store with --db " << database
                  << " (or after export CANJE_DB=" << database << ").\n"
                  << "Try: " << context.program << " --db " << database
                  << " persons --holder SLV --limit 10\n";
    }
    context.Finish(status);
  });
}

void AddSummaryCommand(CLI::App& app, CommandContext& context) {
  auto* summary_command = app.add_subcommand(
      "summary", "Parties, lists and their sizes, people held by each party, charges, categories");
  summary_command->callback([&context] {
    FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
      return ReportSummary(opened, context);
    });
  });
}

}  // namespace canje::cli
