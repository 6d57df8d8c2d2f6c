#include "cli/proposal_commands.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/agreement_commands.h"
#include "cli/open_instance.h"
#include "cli/table.h"
#include "core/json_array.h"
#include "instance/ids.h"
#include "negotiation/agreement_manifest.h"
#include "negotiation/exchange.h"
#include "negotiation/exchange_solve.h"
#include "negotiation/occurred_at.h"
#include "negotiation/proposal_actions.h"
#include "store/agreement_tables.h"
#include "wire/proposal_json.h"

namespace canje::cli {
namespace {

using negotiation::VersionId;
using nlohmann::json;

std::string FormatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

std::vector<std::string> BlocCells(const solver::BlocReport& bloc) {
  std::string rule = solver::RuleKindName(bloc.rule.kind);
  if (bloc.rule.kind != solver::Rule::Kind::kNone) rule += " " + FormatNumber(bloc.rule.ratio);
  return {bloc.name,
          rule,
          std::to_string(bloc.given),
          std::to_string(bloc.received),
          FormatNumber(bloc.cost_given),
          FormatNumber(bloc.value_received),
          bloc.holds ? "holds" : "BROKEN"};
}

// When a step happened, and when it was recorded if that was after the fact:
// "2025-03-14 (recorded after the fact 2025-06-02T09:00:00Z)".
std::string WhenText(const std::string& occurred_at, const std::string& recorded_at) {
  if (occurred_at.empty()) return recorded_at;
  return occurred_at + " (recorded after the fact " + recorded_at + ")";
}

// The time given with --at, in ParseOccurredAt's form ("" when not given).
Result<std::string> OccurredAtFlag(const std::string& text) {
  if (text.empty()) return std::string();
  return negotiation::ParseOccurredAt(text);
}

constexpr const char* kAtHelp =
    "Recorded after the fact (mediator, admin): when it really happened, a date (2025-03-14) or "
    "a date-time with its offset (2025-03-14T10:30:00Z)";

const std::vector<std::string> kBlocHeaders = {"BLOC", "RULE",  "GIVES",     "RECEIVES",
                                               "COST", "VALUE", "RULE HOLDS"};

void PrintOutcome(CommandContext& context, const std::string& what, int64_t version_id,
                  const negotiation::ProposalOutcome& outcome) {
  if (context.global.json) {
    context.out << wire::ProposalOutcomeJson(version_id, outcome).dump(2) << '\n';
    return;
  }
  if (outcome.changed) {
    context.out << what << " " << VersionId(version_id) << "; it is now " << outcome.state << '\n';
  } else {
    context.out << "Nothing to do: " << outcome.note << '\n';
    return;
  }
  if (!outcome.note.empty()) context.out << outcome.note << '\n';
}

struct CreateOptions {
  std::string exchange;
  bool from_solve = false;
  std::string transfers_file;
  std::string counts;
  std::string parent;
  std::string date;
  std::string at;
};

Status RunCreate(CommandContext& context, const CreateOptions& options) {
  negotiation::NewProposal proposal;
  CANJE_ASSIGN_OR_RETURN(proposal.exchange_id, negotiation::ParseExchangeId(options.exchange));
  const int sources = (options.from_solve ? 1 : 0) + (options.transfers_file.empty() ? 0 : 1) +
                      (options.counts.empty() ? 0 : 1);
  if (sources != 1) {
    return Status::Usage(
        "give exactly one of --from-solve, --transfers FILE.csv or --counts "
        "\"SLV>VEN=252,VEN>SLV=252\"");
  }
  if (options.from_solve) {
    proposal.source = negotiation::NewProposal::Source::kSolver;
  } else if (!options.transfers_file.empty()) {
    proposal.source = negotiation::NewProposal::Source::kTransfers;
    CANJE_ASSIGN_OR_RETURN(std::string text, ReadInputFile(options.transfers_file));
    CANJE_ASSIGN_OR_RETURN(proposal.transfers,
                           negotiation::ParseTransfersCsv(text, options.transfers_file));
  } else {
    proposal.source = negotiation::NewProposal::Source::kCounts;
    CANJE_ASSIGN_OR_RETURN(proposal.counts, negotiation::ParseCounts(options.counts));
  }
  if (!options.parent.empty()) {
    CANJE_ASSIGN_OR_RETURN(proposal.parent_id, negotiation::ParseVersionId(options.parent));
  }
  proposal.date = options.date;
  CANJE_ASSIGN_OR_RETURN(proposal.occurred_at, OccurredAtFlag(options.at));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::CreateProposal(*instance, proposal));
  CANJE_ASSIGN_OR_RETURN(negotiation::ProposalView view, negotiation::LoadProposal(*instance, id));
  if (context.global.json) {
    context.out << wire::ProposalCreatedJson(id, view).dump(2) << '\n';
  } else {
    context.out << "Created " << VersionId(id) << " (" << view.version.state << ", "
                << view.version.kind << ": " << negotiation::FormatCounts(view.content.counts)
                << ") in " << negotiation::ExchangeId(view.version.exchange_id);
    if (view.version.refers_to != 0) {
      context.out << ", realising " << VersionId(view.version.refers_to);
    }
    if (!view.version.occurred_at.empty()) {
      context.out << ", made " << WhenText(view.version.occurred_at, view.version.created_at);
    }
    context.out << "\nTable it with `canje proposal table " << VersionId(id) << "`\n";
    for (const std::string& broken : view.broken_rules) {
      context.out << "Warning: " << broken << '\n';
    }
  }
  return Status::Ok();
}

Status RunShow(CommandContext& context, const std::string& version) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseVersionId(version));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(negotiation::ProposalView view, negotiation::LoadProposal(*instance, id));
  std::vector<int64_t> persons;
  for (const auto& transfer : view.content.transfers) persons.push_back(transfer.person_id);
  CANJE_ASSIGN_OR_RETURN(auto names, negotiation::VisibleNames(*instance, persons));
  const auto& v = view.version;
  if (context.global.json) {
    context.out << wire::ProposalViewJson(view, names).dump(2) << '\n';
    return Status::Ok();
  }
  context.out << VersionId(v.id) << " in " << negotiation::ExchangeId(v.exchange_id) << " ("
              << view.exchange_name << "): " << v.state << ", " << v.kind << " version from "
              << v.source << ", by " << v.created_by << " of " << v.created_party << " at "
              << WhenText(v.occurred_at, v.created_at) << '\n';
  if (!v.tabled_at.empty()) {
    context.out << "Tabled at " << WhenText(v.tabled_occurred_at, v.tabled_at) << '\n';
  }
  if (v.parent_id != 0) context.out << "Counter-proposal to " << VersionId(v.parent_id) << '\n';
  if (v.refers_to != 0) {
    context.out << "Realises the counts agreed in principle in " << VersionId(v.refers_to) << '\n';
  }
  for (const auto& child : view.children) {
    context.out << "Countered by " << VersionId(child.id) << " (" << child.state << ")\n";
  }
  context.out << "Counts: " << negotiation::FormatCounts(view.content.counts) << "\n";
  if (!view.content.transfers.empty()) {
    Table table({"PERSON", "NAME", "FROM", "TO", "FOR", "UNCONDITIONAL"});
    for (const auto& transfer : view.content.transfers) {
      auto name = names.find(transfer.person_id);
      table.AddRow({instance::PersonId(transfer.person_id), name == names.end() ? "" : name->second,
                    transfer.from, transfer.to, transfer.beneficiary,
                    transfer.unconditional ? "yes" : ""});
    }
    table.Print(context.out);
  }
  if (!view.balance.empty()) {  // an observer organisation reads no balance (LoadProposal)
    Table balance(kBlocHeaders);
    for (const auto& bloc : view.balance) balance.AddRow(BlocCells(bloc));
    context.out << "\nBalance\n";
    balance.Print(context.out);
  }
  context.out << "\nParties\n";
  Table responses({"PARTY", "RESPONSE", "REASON", "BY", "AT"});
  for (const std::string& party : view.parties) {
    std::vector<std::string> row = {party, "(none yet)", "", "", ""};
    for (const auto& response : view.responses) {
      if (response.party == party) {
        row = {party, response.response, response.reason, response.responded_by,
               WhenText(response.occurred_at, response.responded_at)};
      }
    }
    responses.AddRow(row);
  }
  responses.Print(context.out);
  if (!view.guarantors.empty()) {
    std::string guarantors;
    for (const std::string& party : view.guarantors) {
      guarantors += (guarantors.empty() ? "" : ", ") + party;
    }
    context.out << "\nGuarantors (sign beside the parties): " << guarantors << "\n";
  }
  if (view.override_row) {
    context.out << "\nHumanitarian override by " << view.override_row->overridden_by << " at "
                << view.override_row->overridden_at << " (" << view.override_row->blocs
                << "): " << view.override_row->justification << '\n';
  }
  return Status::Ok();
}

Status RunList(CommandContext& context, const std::string& exchange) {
  CANJE_ASSIGN_OR_RETURN(int64_t exchange_id, negotiation::ParseExchangeId(exchange));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(auto versions,
                         negotiation::ListProposalVersions(*instance, exchange_id));
  if (context.global.json) {
    const json out =
        JsonArrayOf(versions, [&](const auto& v) { return wire::ProposalVersionJson(v); });
    context.out << out.dump(2) << '\n';
    return Status::Ok();
  }
  Table table({"VERSION", "STATE", "KIND", "PARENT", "BY", "PARTY", "CREATED"});
  for (const auto& v : versions) {
    table.AddRow({VersionId(v.id), v.state, v.kind, v.parent_id == 0 ? "" : VersionId(v.parent_id),
                  v.created_by, v.created_party, WhenText(v.occurred_at, v.created_at)});
  }
  table.Print(context.out);
  return Status::Ok();
}

Status RunDiff(CommandContext& context, const std::string& before, const std::string& after) {
  CANJE_ASSIGN_OR_RETURN(int64_t a, negotiation::ParseVersionId(before));
  CANJE_ASSIGN_OR_RETURN(int64_t b, negotiation::ParseVersionId(after));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(negotiation::ProposalDiff diff,
                         negotiation::DiffVersions(*instance, a, b));
  std::vector<int64_t> persons;
  for (const auto& t : diff.added) persons.push_back(t.person_id);
  for (const auto& t : diff.removed) persons.push_back(t.person_id);
  for (const auto& m : diff.moved) persons.push_back(m.after.person_id);
  CANJE_ASSIGN_OR_RETURN(auto names, negotiation::VisibleNames(*instance, persons));
  if (context.global.json) {
    context.out << wire::ProposalDiffJson(a, b, diff, names).dump(2) << '\n';
    return Status::Ok();
  }
  auto name_of = [&](int64_t person) {
    auto it = names.find(person);
    return instance::PersonId(person) + (it == names.end() ? "" : " " + it->second);
  };
  context.out << "From " << VersionId(a) << " to " << VersionId(b) << '\n';
  for (const auto& t : diff.added) {
    context.out << "+ " << name_of(t.person_id) << "  " << t.from << ">" << t.to << " for "
                << t.beneficiary << (t.unconditional ? " unconditional" : "") << '\n';
  }
  for (const auto& t : diff.removed) {
    context.out << "- " << name_of(t.person_id) << "  " << t.from << ">" << t.to << " for "
                << t.beneficiary << '\n';
  }
  for (const auto& m : diff.moved) {
    context.out << "~ " << name_of(m.after.person_id) << "  "
                << negotiation::TransferLine(m.before).substr(
                       instance::PersonId(m.before.person_id).size() + 1)
                << "  ->  "
                << negotiation::TransferLine(m.after).substr(
                       instance::PersonId(m.after.person_id).size() + 1)
                << '\n';
  }
  if (diff.added.empty() && diff.removed.empty() && diff.moved.empty()) {
    context.out << "(no person added, removed or moved)\n";
  }
  Table counts({"DIRECTION", "BEFORE", "AFTER"});
  for (const auto& c : diff.counts) {
    counts.AddRow({c.from + ">" + c.to, std::to_string(c.before), std::to_string(c.after)});
  }
  context.out << '\n';
  counts.Print(context.out);
  Table blocs(
      {"BLOC", "RULE", "GIVES", "RECEIVES", "RULE HOLDS", "->", "GIVES", "RECEIVES", "RULE HOLDS"});
  for (const auto& bloc : diff.blocs) {
    auto before_cells = BlocCells(bloc.before);
    auto after_cells = BlocCells(bloc.after);
    blocs.AddRow({before_cells[0], before_cells[1], before_cells[2], before_cells[3],
                  before_cells[6], "->", after_cells[2], after_cells[3], after_cells[6]});
  }
  context.out << '\n';
  blocs.Print(context.out);
  return Status::Ok();
}

struct ResponseOptions {
  std::string version;
  std::string party;
  std::string reason;
  std::string expect_state;
  std::string at;
};

// Parses the version, opens the instance, runs `change` on it and prints its outcome as
// "<what> V3; it is now <state>".
// `change` gets the time given with `at` (ParseOccurredAt's form, "" for none).
template <typename Change>
Status RunStateChange(CommandContext& context, const std::string& version, const std::string& what,
                      const std::string& at, Change change) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseVersionId(version));
  CANJE_ASSIGN_OR_RETURN(std::string occurred_at, OccurredAtFlag(at));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(negotiation::ProposalOutcome outcome,
                         change(*instance, id, occurred_at));
  PrintOutcome(context, what, id, outcome);
  return Status::Ok();
}

// The options of accept and reject: the version, the party responding (whose earlier
// `response`, "acceptance" or "rejection", --at records), --expect-state and --at.
void AddResponseOptions(CLI::App* command, ResponseOptions& options, const std::string& response) {
  command->add_option("V", options.version, "Version (V3)")->required();
  command
      ->add_option("--party", options.party,
                   "Your party (with --at: the party whose earlier " + response + " you record)")
      ->type_name(kPartyValue)
      ->required();
  command->add_option("--expect-state", options.expect_state,
                      "Refuse (exit 75) unless the version is still in this state");
  command->add_option("--at", options.at, kAtHelp);
}

}  // namespace

void AddProposalCommands(CLI::App& app, CommandContext& context) {
  auto* proposal = app.add_subcommand("proposal", "Proposal versions: offers and counter-offers");
  proposal->require_subcommand(1);

  auto* create = proposal->add_subcommand("create", "Create a draft version in an exchange");
  auto create_options = std::make_shared<CreateOptions>();
  create->add_option("EXCHANGE", create_options->exchange, "Exchange (X1)")->required();
  create->add_flag("--from-solve", create_options->from_solve, "The solver's best deal");
  create->add_option("--transfers", create_options->transfers_file,
                     "CSV with columns person, from, to[, beneficiary, unconditional]");
  create->add_option("--counts", create_options->counts,
                     "Numbers only, e.g. \"SLV>VEN=252,VEN>SLV=252\"");
  create->add_option("--parent", create_options->parent, "The version this one counters (V3)");
  create->add_option("--date", create_options->date, "Holds in force on this day (default today)");
  create->add_option("--at", create_options->at, kAtHelp);
  create->callback(
      [&context, create_options] { context.Finish(RunCreate(context, *create_options)); });

  auto* list = proposal->add_subcommand("list", "The versions of an exchange");
  auto list_exchange = std::make_shared<std::string>();
  list->add_option("EXCHANGE", *list_exchange, "Exchange (X1)")->required();
  list->callback([&context, list_exchange] { context.Finish(RunList(context, *list_exchange)); });

  auto* show = proposal->add_subcommand("show", "A version: transfers, balance, responses");
  auto show_version = std::make_shared<std::string>();
  show->add_option("V", *show_version, "Version (V3)")->required();
  show->callback([&context, show_version] { context.Finish(RunShow(context, *show_version)); });

  auto* table = proposal->add_subcommand("table", "Put a draft on the table");
  auto table_options = std::make_shared<ResponseOptions>();
  table->add_option("V", table_options->version, "Version (V3)")->required();
  table->add_option("--expect-state", table_options->expect_state,
                    "Refuse (exit 75) unless the version is still in this state");
  table->add_option("--at", table_options->at, kAtHelp);
  table->callback([&context, table_options] {
    context.Finish(RunStateChange(
        context, table_options->version, "Tabled", table_options->at,
        [&](instance::Instance& instance, int64_t id, const std::string& occurred_at) {
          return negotiation::TableProposal(instance, id, table_options->expect_state, 0,
                                            occurred_at);
        }));
  });

  auto* diff = proposal->add_subcommand("diff", "Who was added, removed or moved; the balance");
  auto diff_versions = std::make_shared<std::pair<std::string, std::string>>();
  diff->add_option("A", diff_versions->first, "Earlier version")->required();
  diff->add_option("B", diff_versions->second, "Later version")->required();
  diff->callback([&context, diff_versions] {
    context.Finish(RunDiff(context, diff_versions->first, diff_versions->second));
  });

  auto* accept = proposal->add_subcommand("accept", "Accept a tabled version for your party");
  auto accept_options = std::make_shared<ResponseOptions>();
  AddResponseOptions(accept, *accept_options, "acceptance");
  accept->callback([&context, accept_options] {
    const ResponseOptions& o = *accept_options;
    context.Finish(RunStateChange(
        context, o.version, o.party + " accepted", o.at,
        [&](instance::Instance& instance, int64_t id, const std::string& occurred_at) {
          return negotiation::AcceptProposal(instance, id, o.party, o.expect_state, 0,
                                             occurred_at);
        }));
  });

  auto* reject = proposal->add_subcommand("reject", "Reject a tabled version, with a reason");
  auto reject_options = std::make_shared<ResponseOptions>();
  AddResponseOptions(reject, *reject_options, "rejection");
  reject->add_option("--reason", reject_options->reason, "Why")->required();
  reject->callback([&context, reject_options] {
    const ResponseOptions& o = *reject_options;
    context.Finish(RunStateChange(
        context, o.version, o.party + " rejected", o.at,
        [&](instance::Instance& instance, int64_t id, const std::string& occurred_at) {
          return negotiation::RejectProposal(instance, id, o.party, o.reason, o.expect_state, 0,
                                             occurred_at);
        }));
  });

  auto* override_command = proposal->add_subcommand(
      "override",
      "Mediator: humanitarian override of a broken balance rule (never of a hold "
      "or a refusal)");
  auto override_options = std::make_shared<ResponseOptions>();
  override_command->add_option("V", override_options->version, "Version (V3)")->required();
  override_command
      ->add_option("--justification", override_options->reason,
                   "Why (Geneva Convention III, Art. 109-110: the seriously sick and wounded)")
      ->required();
  override_command->callback([&context, override_options] {
    context.Finish(RunStateChange(context, override_options->version, "Override recorded on", "",
                                  [&](instance::Instance& instance, int64_t id,
                                      const std::string&) {
                                    return negotiation::OverrideProposal(instance, id,
                                                                         override_options->reason);
                                  }));
  });

  auto* manifest = proposal->add_subcommand("manifest", "The canonical JSON bytes to sign");
  auto manifest_options = std::make_shared<std::pair<std::string, std::string>>();
  manifest->add_option("V", manifest_options->first, "Version (V3)")->required();
  manifest->add_option("--out", manifest_options->second, "Write to FILE (default: stdout)");
  manifest->callback([&context, manifest_options] {
    auto id = negotiation::ParseVersionId(manifest_options->first);
    if (!id.ok()) return context.Finish(id.status());
    auto instance = OpenInstance(context);
    if (!instance.ok()) return context.Finish(instance.status());
    auto bytes = negotiation::ProposalManifest(**instance, *id);
    if (!bytes.ok()) return context.Finish(bytes.status());
    if (manifest_options->second.empty()) {
      context.out << *bytes;  // exactly the bytes, no newline
      return context.Finish(Status::Ok());
    }
    Status written = WriteOutputFile(manifest_options->second, *bytes);
    if (written.ok() && !context.global.json) {
      context.out << "Wrote the manifest of " << VersionId(*id) << " to "
                  << manifest_options->second << " (" << bytes->size() << " bytes)\n";
    }
    context.Finish(written);
  });
}

}  // namespace canje::cli
