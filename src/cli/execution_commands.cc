#include "cli/execution_commands.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/agreement_commands.h"
#include "cli/open_instance.h"
#include "cli/table.h"
#include "core/json_array.h"
#include "core/text.h"
#include "instance/ids.h"
#include "negotiation/exchange.h"
#include "negotiation/exchange_solve.h"
#include "negotiation/execution.h"
#include "negotiation/execution_files.h"
#include "negotiation/proposal_actions.h"
#include "negotiation/stages.h"
#include "wire/execution_json.h"
#include "wire/execution_reports.h"

namespace canje::cli {
namespace {

using negotiation::ExchangeId;
using nlohmann::json;

struct ExecutionFlags {
  std::string exchange;
  std::string person;
  std::string file;
  std::string date;
  std::string reason;
  std::string note;
  std::string at;
  std::string place;
  std::string to;
  std::vector<std::string> witnesses;
  std::string party;
  std::string direction;
  int64_t count = -1;
  std::string persons_file;
  std::string csv_file;
  std::string html_file;
  int64_t stage = 0;  // --stage N: one stage's persons only (negotiation/stages.h)
};

// The person of each of `rows` (its person_id), in their order.
template <typename Rows>
std::vector<int64_t> PersonIdsOf(const Rows& rows) {
  std::vector<int64_t> persons;
  for (const auto& row : rows) persons.push_back(row.person_id);
  return persons;
}

// ---- readiness -------------------------------------------------------------------------------

Status RunReadiness(CommandContext& context, const ExecutionFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(negotiation::ReadinessReport report,
                         flags.stage > 0
                             ? negotiation::StageReadiness(*instance, id, flags.stage, flags.date)
                             : negotiation::ExchangeReadiness(*instance, id, flags.date));
  CANJE_ASSIGN_OR_RETURN(wire::Names names,
                         negotiation::VisibleNames(*instance, wire::PersonsOf(report)));
  if (context.global.json) {
    context.out << wire::ReadinessJson(report, names).dump(2) << '\n';
    return Status::Ok();
  }
  context.out << ExchangeId(report.exchange.id) << " (" << report.exchange.name << ") is "
              << report.state << ", agreed on " << negotiation::VersionId(report.agreed_version)
              << "; checks as of " << report.date
              << (flags.stage > 0 ? "; stage " + std::to_string(flags.stage) + " only" : "")
              << '\n';
  Table table({"PERSON", "NAME", "FROM", "TO", "STATUS", "DETAIL"});
  for (const auto& entry : report.persons) {
    std::string detail;
    if (entry.status == "not travelling") {
      detail = entry.reason_text;
      if (entry.note) detail += ": " + *entry.note;
    } else if (entry.status == "blocked") {
      std::vector<std::string> texts;
      for (const auto& obstacle : entry.obstacles) texts.push_back(obstacle.text);
      detail = Join(texts, "; ");
    } else if (entry.handover) {
      detail = entry.handover->handed_over_at + ", " + entry.handover->place;
    }
    table.AddRow({instance::PersonId(entry.transfer.person_id),
                  wire::NameOf(names, entry.transfer.person_id), entry.transfer.from,
                  entry.transfer.to, entry.status, detail});
  }
  table.Print(context.out);
  context.out << report.persons.size() << " persons: " << report.ready << " ready, "
              << report.blocked << " blocked, " << report.not_travelling << " not travelling, "
              << report.handed_over << " handed over\n";
  return Status::Ok();
}

// ---- not-travelling --------------------------------------------------------------------------

Status RunNotTravelling(CommandContext& context, const ExecutionFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  std::vector<negotiation::NewNotTravelling> outcomes;
  if (!flags.file.empty()) {
    if (!flags.person.empty() || !flags.reason.empty() || !flags.note.empty()) {
      return Status::Usage("give either PERSON --reason REASON [--note TEXT] or --file FILE.csv");
    }
    CANJE_ASSIGN_OR_RETURN(std::string text, ReadInputFile(flags.file));
    CANJE_ASSIGN_OR_RETURN(outcomes, negotiation::ParseNotTravellingCsv(text, flags.file));
  } else {
    if (flags.person.empty() || flags.reason.empty()) {
      return Status::Usage("give PERSON --reason REASON [--note TEXT], or --file FILE.csv");
    }
    negotiation::NewNotTravelling outcome;
    CANJE_ASSIGN_OR_RETURN(outcome.person_id, instance::ParseId(flags.person, 'P', "person"));
    outcome.reason = flags.reason;
    outcome.note = flags.note;
    outcomes.push_back(std::move(outcome));
  }
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(int64_t recorded,
                         negotiation::RecordNotTravelling(*instance, id, outcomes));
  if (context.global.json) {
    context.out << wire::RecordedPersonsJson(id, recorded, PersonIdsOf(outcomes)).dump(2) << '\n';
  } else if (outcomes.size() == 1) {
    context.out << "Recorded that " << instance::PersonId(outcomes[0].person_id)
                << " does not travel in " << ExchangeId(id) << " ("
                << negotiation::DescribeReason(outcomes[0].reason, instance->role()) << ")\n";
  } else {
    context.out << "Recorded " << recorded << " persons who do not travel in " << ExchangeId(id)
                << '\n';
  }
  return Status::Ok();
}

// ---- report ----------------------------------------------------------------------------------

Status RunReport(CommandContext& context, const ExecutionFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  negotiation::NewCountReport report;
  report.party = flags.party;
  CANJE_ASSIGN_OR_RETURN(auto direction, negotiation::ParseDirection(flags.direction));
  report.from = direction.first;
  report.to = direction.second;
  report.count = flags.count;
  report.stage = flags.stage;
  report.note = flags.note;
  if (!flags.persons_file.empty()) {
    CANJE_ASSIGN_OR_RETURN(std::string text, ReadInputFile(flags.persons_file));
    CANJE_ASSIGN_OR_RETURN(report.persons, negotiation::ParsePersonList(text, flags.persons_file));
    report.has_persons = true;
  }
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(int64_t report_id, negotiation::ReportCount(*instance, id, report));
  if (context.global.json) {
    context.out << wire::CountReportedJson(id, report_id, report).dump(2) << '\n';
  } else {
    context.out << "Recorded " << report.party << "'s count for " << report.from << ">" << report.to
                << " in " << ExchangeId(id)
                << (report.stage > 0 ? ", stage " + std::to_string(report.stage) : "") << ": "
                << report.count
                << (report.has_persons ? " (with a list of persons)" : "")
                << "; compare it with `canje exchange reconcile " << ExchangeId(id)
                << (report.stage > 0 ? " --stage " + std::to_string(report.stage) : "") << "`\n";
  }
  return Status::Ok();
}

// ---- reconcile -------------------------------------------------------------------------------

Status RunReconcile(CommandContext& context, const ExecutionFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(
      negotiation::ExchangeReconciliation reconciliation,
      flags.stage > 0 ? negotiation::ReconcileStage(*instance, id, flags.stage, flags.date)
                      : negotiation::ReconcileExchange(*instance, id, flags.date));
  CANJE_ASSIGN_OR_RETURN(wire::Names names,
                         negotiation::VisibleNames(*instance, wire::PersonsOf(reconciliation)));
  if (!flags.csv_file.empty()) {
    CANJE_RETURN_IF_ERROR(
        WriteOutputFile(flags.csv_file, wire::ReconciliationCsv(reconciliation, names)));
  }
  if (!flags.html_file.empty()) {
    CANJE_RETURN_IF_ERROR(
        WriteOutputFile(flags.html_file, wire::ReconciliationHtml(reconciliation, names)));
  }
  if (context.global.json) {
    context.out << wire::ReconciliationJson(reconciliation, names).dump(2) << '\n';
    return Status::Ok();
  }
  const auto& r = reconciliation;
  context.out << "Reconciliation of " << ExchangeId(r.exchange.id) << " (" << r.exchange.name
              << "), " << r.state << ", agreed on " << negotiation::VersionId(r.agreed_version)
              << (flags.stage > 0 ? "; stage " + std::to_string(flags.stage) +
                                        " only, with the parties' counts of that stage"
                                  : "")
              << '\n';
  if (!r.manifest_sha256.empty()) context.out << "Manifest SHA-256 " << r.manifest_sha256 << '\n';
  context.out << "Log: " << r.log_size << " entries, root " << r.log_root << "\n\n";
  Table totals({"DIRECTION", "AGREED", "VERIFIED", "HANDED OVER", "NOT TRAVELLING", "NO OUTCOME",
                "REPORTED", "NOT EXPLAINED"});
  for (const auto& d : r.counts.directions) {
    std::vector<std::string> reported;
    for (const auto& line : d.reported) {
      reported.push_back(wire::ReportedCount(line));
    }
    totals.AddRow({d.from + ">" + d.to, std::to_string(d.agreed), std::to_string(d.verified),
                   std::to_string(d.handed_over), wire::NotTravellingSummary(d.not_travelling),
                   std::to_string(d.no_outcome), reported.empty() ? "none" : Join(reported, ", "),
                   std::to_string(d.unexplained)});
  }
  totals.Print(context.out);
  for (const auto& d : r.counts.directions) {
    context.out << "\nDifferences " << d.from << ">" << d.to << ":";
    if (d.differences.empty()) {
      context.out << " none\n";
      continue;
    }
    context.out << '\n';
    for (const auto& difference : d.differences) {
      const std::string name = wire::NameOf(names, difference.person_id);
      context.out << (difference.explained ? "  - " : "  ! ") << difference.text
                  << (name.empty() ? "" : " [" + name + "]") << '\n';
    }
  }
  context.out << '\n'
              << (r.counts.unexplained == 0
                      ? std::string("Every difference is named with its reason.")
                      : std::to_string(r.counts.unexplained) +
                            " persons not explained (marked !): record their outcome, or ask "
                            "the party for its list of persons.")
              << '\n';
  for (const auto& [file, what] : {std::pair{flags.csv_file, "CSV"}, {flags.html_file, "HTML"}}) {
    if (!file.empty()) context.out << "Wrote the " << what << " to " << file << '\n';
  }
  return Status::Ok();
}

// ---- handover --------------------------------------------------------------------------------

Status RunHandoverRecord(CommandContext& context, const ExecutionFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  std::vector<negotiation::NewHandover> handovers;
  const bool single_flags = !flags.person.empty() || !flags.at.empty() || !flags.place.empty() ||
                            !flags.to.empty() || !flags.witnesses.empty();
  if (!flags.file.empty()) {
    if (single_flags) {
      return Status::Usage(
          "give either PERSON --at TIME --place TEXT --to PARTY --witness NAME... or --file "
          "FILE.csv");
    }
    CANJE_ASSIGN_OR_RETURN(std::string text, ReadInputFile(flags.file));
    CANJE_ASSIGN_OR_RETURN(handovers, negotiation::ParseHandoversCsv(text, flags.file));
  } else {
    if (flags.person.empty() || flags.at.empty() || flags.place.empty() || flags.to.empty() ||
        flags.witnesses.empty()) {
      return Status::Usage(
          "give PERSON --at 2025-07-18T14:05:00Z --place TEXT --to PARTY --witness NAME..., or "
          "--file FILE.csv");
    }
    negotiation::NewHandover handover;
    CANJE_ASSIGN_OR_RETURN(handover.person_id, instance::ParseId(flags.person, 'P', "person"));
    handover.at = flags.at;
    handover.place = flags.place;
    handover.to = flags.to;
    handover.witnesses = flags.witnesses;
    handovers.push_back(std::move(handover));
  }
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(int64_t recorded, negotiation::RecordHandovers(*instance, id, handovers));
  if (context.global.json) {
    context.out << wire::RecordedPersonsJson(id, recorded, PersonIdsOf(handovers)).dump(2) << '\n';
  } else if (handovers.size() == 1) {
    context.out << "Recorded the handover of " << instance::PersonId(handovers[0].person_id)
                << " to " << handovers[0].to << " at " << handovers[0].at << " in "
                << ExchangeId(id) << '\n';
  } else {
    context.out << "Recorded " << recorded << " handovers in " << ExchangeId(id) << '\n';
  }
  return Status::Ok();
}

Status RunHandoverList(CommandContext& context, const ExecutionFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(auto rows, negotiation::ListHandovers(*instance, id));
  CANJE_ASSIGN_OR_RETURN(wire::Names names,
                         negotiation::VisibleNames(*instance, PersonIdsOf(rows)));
  if (context.global.json) {
    const json out =
        JsonArrayOf(rows, [&](const auto& row) { return wire::HandoverJson(row, names); });
    context.out << out.dump(2) << '\n';
    return Status::Ok();
  }
  if (rows.empty()) {
    context.out << "No handovers recorded in " << ExchangeId(id) << ".\n";
    return Status::Ok();
  }
  Table table({"PERSON", "NAME", "TO", "AT", "PLACE", "WITNESSES", "RECORDED BY"});
  for (const auto& row : rows) {
    table.AddRow({instance::PersonId(row.person_id), wire::NameOf(names, row.person_id),
                  row.to_party, row.handed_over_at, row.place, Join(row.witnesses, "; "),
                  row.recorded_by});
  }
  table.Print(context.out);
  return Status::Ok();
}

// A subcommand of execution: its flags, and the subcommand to add its options to.
struct ExecutionCommand {
  CLI::App* command;
  ExecutionFlags& flags;
};

// Adds the subcommand `name` of `parent` with flags of its own, the first of them its argument
// ID (the exchange, required); it finishes with `run(context, flags)`.
ExecutionCommand AddExecutionCommand(CLI::App* parent, CommandContext& context,
                                     const std::string& name, const std::string& help,
                                     Status (*run)(CommandContext&, const ExecutionFlags&)) {
  auto flags = std::make_shared<ExecutionFlags>();
  CLI::App* command = parent->add_subcommand(name, help);
  command->add_option("ID", flags->exchange, "The exchange (X1)")->required();
  command->callback([&context, flags, run] { context.Finish(run(context, *flags)); });
  return {command, *flags};
}

}  // namespace

void AddExecutionCommands(CLI::App& app, CommandContext& context) {
  CLI::App* exchange = app.get_subcommand("exchange");
  {
    auto [readiness, flags] = AddExecutionCommand(
        exchange, context, "readiness",
        "Before departure: each person of the agreed version ready, blocked, or not travelling",
        RunReadiness);
    readiness->add_option("--date", flags.date, "Check holds and interviews on this day");
    readiness->add_option("--stage", flags.stage, "Only the persons of this stage (a number)")
        ->check(CLI::PositiveNumber);
  }
  {
    auto [outcome, flags] = AddExecutionCommand(
        exchange, context, "not-travelling",
        "Mediator, verifier: record that a person does not travel, and why", RunNotTravelling);
    outcome->add_option("PERSON", flags.person, "The person (P17)");
    outcome->add_option("--reason", flags.reason,
                        "refused-consent, unfit, deceased, missing, released-otherwise or other");
    outcome->add_option("--note", flags.note,
                        "Who assessed it, what happened (sealed personal data)");
    outcome->add_option("--file", flags.file, "CSV with columns person, reason, note");
  }
  {
    auto [report, flags] = AddExecutionCommand(
        exchange, context, "report",
        "A party's own count of a direction (its negotiator, or the mediator)", RunReport);
    report->add_option("--party", flags.party, "The reporting party")
        ->type_name(kPartyValue)
        ->required();
    report->add_option("--direction", flags.direction, "FROM>TO, such as SLV>VEN")->required();
    report->add_option("--count", flags.count, "How many persons the party counts")->required();
    report->add_option("--persons", flags.persons_file,
                       "File with one person id per line (names the differences)");
    report->add_option("--note", flags.note, "The party's words about its count");
    report
        ->add_option("--stage", flags.stage,
                     "A count of this stage only (a number); without it, of the whole exchange")
        ->check(CLI::PositiveNumber);
  }
  {
    auto [reconcile, flags] =
        AddExecutionCommand(exchange, context, "reconcile",
                            "The count afterwards: agreed, verified, handed over and each party's "
                            "count, every difference named",
                            RunReconcile);
    reconcile->add_option("--csv", flags.csv_file, "Also write the CSV to FILE");
    reconcile->add_option("--html", flags.html_file, "Also write a printable HTML manifest");
    reconcile->add_option("--date", flags.date, "Check holds and interviews on this day");
    reconcile->add_option("--stage", flags.stage, "Only the persons of this stage (a number)")
        ->check(CLI::PositiveNumber);
  }
  auto* handover = app.add_subcommand("handover", "Handovers of an executing exchange");
  handover->require_subcommand(1);
  {
    auto [record, flags] = AddExecutionCommand(
        handover, context, "record",
        "Mediator, verifier: a person handed over (time, place, receiver, witnesses)",
        RunHandoverRecord);
    record->add_option("PERSON", flags.person, "The person (P17)");
    record->add_option("--at", flags.at, "When, in UTC: 2025-07-18T14:05:00Z");
    record->add_option("--place", flags.place, "Where");
    record->add_option("--to", flags.to, "The receiving party (the agreed destination)")
        ->type_name(kPartyValue);
    record->add_option("--witness", flags.witnesses, "Witnesses' names (one or more)");
    record->add_option("--file", flags.file, "CSV with columns person, at, place, to, witnesses");
  }
  AddExecutionCommand(handover, context, "list", "The handovers of an exchange", RunHandoverList);
}

}  // namespace canje::cli
