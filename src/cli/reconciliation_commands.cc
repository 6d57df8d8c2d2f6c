#include "cli/reconciliation_commands.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/open_instance.h"
#include "cli/pair_explanation_output.h"
#include "cli/table.h"
#include "core/json_array.h"
#include "core/text.h"
#include "instance/ids.h"
#include "reconciliation/link_model.h"
#include "reconciliation/linker.h"
#include "reconciliation/review.h"
#include "reconciliation/status_people.h"
#include "reconciliation/statuses.h"
#include "registry/csv_reader.h"
#include "registry/enumerated_fields.h"
#include "wire/link_model_json.h"
#include "wire/reconciliation_json.h"
#include "wire/review_json.h"

namespace canje::cli {
namespace {

using json = nlohmann::json;

// The statuses in the order the tables show them.
constexpr std::string_view kStatuses[] = {"held",          "not_on_roster", "reported_released",
                                          "reported_dead", "needs_review",  "released",
                                          "dead",          "unknown"};

void PrintItem(const reconciliation::ReviewItem& item, std::ostream& out) {
  if (item.candidate_only) {
    const reconciliation::ReviewSide& seen = item.left.hidden ? item.right : item.left;
    out << instance::RecordId(seen.record_id) << " (" << instance::ListId(seen.list.id) << " line "
        << seen.line << ") has a candidate on a list you may not see; a mediator or verifier "
        << "decides on it\n";
    return;
  }
  Table table(
      {"", instance::RecordId(item.left.record_id), instance::RecordId(item.right.record_id)});
  auto row = [&](std::string name, std::string left, std::string right) {
    table.AddRow({std::move(name), std::move(left), std::move(right)});
  };
  auto list = [](const reconciliation::ReviewSide& side) {
    return instance::ListId(side.list.id) + " " + side.list.kind + " (" + side.list.party +
           ") line " + std::to_string(side.line);
  };
  row("list", list(item.left), list(item.right));
  row("person now", instance::PersonId(item.left.person_id),
      instance::PersonId(item.right.person_id));
  row("given names", Join(item.left.person.name.given_names, " "),
      Join(item.right.person.name.given_names, " "));
  if (!item.left.person.name.patronymic.empty() || !item.right.person.name.patronymic.empty()) {
    row("patronymic", item.left.person.name.patronymic, item.right.person.name.patronymic);
  }
  row("family names", Join(item.left.person.name.family_names, " "),
      Join(item.right.person.name.family_names, " "));
  if (!item.left.person.service_number.empty() || !item.right.person.service_number.empty()) {
    row("service number", item.left.person.service_number, item.right.person.service_number);
  }
  auto born = [](const registry::PersonRecord& p) {
    return p.date_of_birth ? p.date_of_birth->ToIso() : std::string();
  };
  row("born", born(item.left.person), born(item.right.person));
  row("sex", std::string(registry::SexName(item.left.person.sex)),
      std::string(registry::SexName(item.right.person.sex)));
  row("nationality", Join(item.left.person.nationalities, "|"),
      Join(item.right.person.nationalities, "|"));
  auto documents = [](const registry::PersonRecord& p) {
    std::vector<std::string> numbers;
    for (const auto& document : p.documents) numbers.push_back(document.number);
    return Join(numbers, "|");
  };
  row("documents", documents(item.left.person), documents(item.right.person));
  table.Print(out);
  out << "probability " << Decimal(item.probability, 4) << '\n';
  if (item.queued_because) {
    out << "why: " << reconciliation::QueueReasonText(*item.queued_because, item.linked) << '\n';
  }
  if (item.decision) {
    out << "decided " << (item.decision->same ? "the same person" : "different persons") << " (D"
        << item.decision->id << ", " << item.decision->decided_by << ", "
        << item.decision->decided_at << ")\n";
  }
  if (item.explanation.terms.empty()) return;
  if (item.model.run == 0) {
    out << "model: trained now on today's records (no canje link run has saved a model yet)\n";
  } else {
    out << "model: saved by link run " << item.model.run << " (" << item.model.trained_at
        << ", event " << item.model.event_seq << ")\n";
  }
  PrintExplanation(item.explanation, out);
}

// The value of --run: a link run's number (1, 2, ...), or nullopt when not given (the latest).
Result<std::optional<int64_t>> RunNumber(const CLI::Option& option, int64_t value) {
  if (option.count() == 0) return std::optional<int64_t>();
  if (value < 1) {
    return Status::Usage("--run takes a link run's number, from 1 (canje link model shows the "
                         "latest)");
  }
  return std::optional<int64_t>(value);
}

// A probability with 6 significant digits (m and u reach 1e-6 and below).
std::string Significant(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

void PrintLinkModel(const reconciliation::SavedLinkModel& model, std::ostream& out) {
  const reconciliation::LinkModelSettings& s = model.settings;
  out << "Link run " << model.run << " of " << model.runs << " (event " << model.event_seq << ", "
      << model.trained_at << ", by " << model.trained_by << ")\n";
  out << "  trained on " << model.records_compared << " records, data SHA-256 "
      << model.data_sha256 << "\n";
  out << "  threshold " << Decimal(s.threshold, 3) << ", review band " << Decimal(s.review_low, 3)
      << " to " << Decimal(s.review_high, 3) << ", orphan floor " << Decimal(s.orphan_floor, 3)
      << "\n";
  std::vector<std::string> fields;
  for (const auto& [column, kind] : s.fields) fields.push_back(column + " (" + kind + ")");
  out << "  fields " << Join(fields, ", ") << "\n";
  out << "  engine: seed " << s.seed << ", blocks up to " << s.max_block_size << " records, "
      << s.u_sample_pairs << " random pairs for u, up to " << s.em_sample_pairs
      << " candidate pairs for EM, cluster density " << Decimal(s.cluster_link_density, 2)
      << ", clusters up to " << s.max_cluster_size << " records, same-list probability "
      << Decimal(s.same_list_probability, 2) << "\n";
  out << "  prior " << Significant(model.prior) << " (log2 odds " << Decimal(model.prior_log2_odds, 2)
      << ")\n";
  Table table({"COMPARISON", "LEVEL", "M", "U", "WEIGHT (BITS)"});
  for (const reconciliation::ComparisonParameters& comparison : model.comparisons) {
    for (const reconciliation::LevelParameters& level : comparison.levels) {
      table.AddRow({comparison.comparison, level.level, Significant(level.m),
                    Significant(level.u), Decimal(level.weight, 2)});
    }
  }
  table.Print(out);
  out << "An exact name agreement is weighed by the name's frequency among the " << model.names_counted
      << " records of the run (counts kept sealed), not by u.\n";
}

}  // namespace

json ReconciliationCountsJson(const reconciliation::ReconciliationStatus& status,
                              const std::string& party, int64_t list_id) {
  return wire::ReconciliationCountsJson(status, party, list_id);
}

void PrintReconciliationCounts(const reconciliation::ReconciliationStatus& status,
                               std::ostream& out, const std::string& party, int64_t list_id) {
  std::vector<std::string> headers = {"LIST", "KIND", "PARTY", "RECORDS", "PERSONS"};
  for (std::string_view name : kStatuses) headers.emplace_back(name);
  headers.push_back("TWICE");
  headers.push_back("ERASED");
  for (auto& header : headers) {
    for (char& c : header) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  Table lists(headers);
  for (const auto& counts : status.lists) {
    if (!wire::WantedList(counts.list, party, list_id)) continue;
    std::vector<std::string> row = {instance::ListId(counts.list.id), counts.list.kind,
                                    counts.list.party, std::to_string(counts.records),
                                    std::to_string(counts.persons)};
    for (std::string_view name : kStatuses) {
      auto found = counts.by_status.find(std::string(name));
      row.push_back(found == counts.by_status.end() ? "" : std::to_string(found->second));
    }
    row.push_back(std::to_string(counts.listed_twice));
    row.push_back(std::to_string(counts.erased));
    lists.AddRow(std::move(row));
  }
  lists.Print(out);
  out << '\n';
  Table parties({"PARTY", "ON ITS ROSTERS", "SAID HELD BY OTHERS' LISTS", "HELD", "NOT ON ROSTER",
                 "RELEASED", "DEAD", "NEEDS REVIEW"});
  for (const auto& counts : status.parties) {
    if (!party.empty() && counts.party != party) continue;
    auto count = [&](const std::string& name) {
      auto found = counts.by_status.find(name);
      return std::to_string(found == counts.by_status.end() ? 0 : found->second);
    };
    parties.AddRow({counts.party, std::to_string(counts.on_roster),
                    std::to_string(counts.claimed_or_documented), count("held"),
                    count("not_on_roster"), count("reported_released"), count("reported_dead"),
                    count("needs_review")});
  }
  parties.Print(out);
  out << status.review_queue << " pair" << (status.review_queue == 1 ? "" : "s")
      << " waiting for review (canje review list)\n";
  if (!status.superseded_lists.empty()) {
    out << "superseded by a later version (not counted):";
    for (int64_t id : status.superseded_lists) out << ' ' << instance::ListId(id);
    out << '\n';
  }
}

namespace {

// A decisions file: left,right,decision,reason (any column order; decision same or different).
Result<std::vector<reconciliation::PairDecision>> ReadDecisionsFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  CANJE_ASSIGN_OR_RETURN(registry::CsvReader reader, registry::CsvReader::Open(in));
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < reader.header().size(); ++i) column[reader.header()[i]] = i;
  for (const char* name : {"left", "right", "decision", "reason"}) {
    if (!column.contains(name)) {
      return Status::Invalid(path + ":" + std::to_string(reader.header_line()) + ": no column '" +
                             name + "'; the header is left,right,decision,reason");
    }
  }
  std::vector<reconciliation::PairDecision> decisions;
  registry::Row row;
  while (true) {
    CANJE_ASSIGN_OR_RETURN(bool more, reader.Next(&row));
    if (!more) break;
    const std::string where = path + ":" + std::to_string(row.line);
    if (!row.errors.empty() || row.values.size() != reader.header().size()) {
      return Status::Invalid(where + ": not a well-formed row of " +
                             std::to_string(reader.header().size()) + " fields");
    }
    reconciliation::PairDecision decision;
    decision.where = where;
    auto left = instance::ParseId(row.values[column["left"]], 'R', "record");
    auto right = instance::ParseId(row.values[column["right"]], 'R', "record");
    if (!left.ok())
      return Status::Invalid(where + ": left: " + std::string(left.status().message()));
    if (!right.ok()) {
      return Status::Invalid(where + ": right: " + std::string(right.status().message()));
    }
    decision.left_record = *left;
    decision.right_record = *right;
    const std::string& verdict = row.values[column["decision"]];
    if (verdict != "same" && verdict != "different") {
      return Status::Invalid(where + ": decision '" + verdict + "': write same or different");
    }
    decision.same = verdict == "same";
    decision.reason = row.values[column["reason"]];
    decisions.push_back(std::move(decision));
  }
  return decisions;
}

Result<std::pair<int64_t, int64_t>> ParseRecordPair(const std::vector<std::string>& ids) {
  if (ids.size() != 2) return Status::Usage("name two records, e.g. R12 R57");
  CANJE_ASSIGN_OR_RETURN(int64_t left, instance::ParseId(ids[0], 'R', "record"));
  CANJE_ASSIGN_OR_RETURN(int64_t right, instance::ParseId(ids[1], 'R', "record"));
  return std::pair(left, right);
}

// " (closest roster record 0.000412)" for a not_on_roster entry with a figure, else "".
std::string ClosestRosterText(const reconciliation::ListEntry& entry) {
  if (!entry.closest_roster_probability) return "";
  const double probability = *entry.closest_roster_probability;
  return " (closest roster record " +
         (probability < 0.0000005 ? std::string("below 0.000001")
                                  : reconciliation::ProbabilityText(probability)) +
         ")";
}

Status RunStatus(CommandContext& context, const std::string& party, const std::string& list,
                 bool people) {
  CANJE_ASSIGN_OR_RETURN(auto opened, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(reconciliation::ReconciliationStatus status,
                         reconciliation::ReadStatus(*opened));
  CANJE_ASSIGN_OR_RETURN(int64_t list_id, instance::ParseOptionalId(list, 'L', "list"));
  // People behind the numbers, as need to know allows (reconciliation/status_people.h), for
  // the lists the filters want.
  const std::vector<reconciliation::ListEntry> shown =
      reconciliation::PeopleBehindCounts(*opened, status, party, list_id);
  if (context.global.json) {
    json out = ReconciliationCountsJson(status, party, list_id);
    if (people) {
      json entries = json::array();
      for (const auto& entry : shown) entries.push_back(wire::ListEntryJson(entry));
      out["people"] = entries;
    }
    context.out << out.dump(2) << '\n';
    return Status::Ok();
  }
  PrintReconciliationCounts(status, context.out, party, list_id);
  if (people) {
    context.out << '\n';
    Table entries({"LIST", "PERSON", "RECORDS", "HOLDER", "STATUS"});
    for (const auto& entry : shown) {
      std::vector<std::string> records;
      for (int64_t record : entry.records) records.push_back(instance::RecordId(record));
      entries.AddRow({instance::ListId(entry.list_id), instance::PersonId(entry.person_id),
                      Join(records, " "), entry.holder,
                      entry.status + ClosestRosterText(entry) +
                          (entry.listed_twice() ? " (listed twice)" : "") +
                          (entry.erased ? " (erased)" : "")});
    }
    entries.Print(context.out);
  }
  return Status::Ok();
}

}  // namespace

Status RunStoreLink(CommandContext& context, const StoreLinkFlags& flags) {
  reconciliation::LinkStoreOptions options;
  if (flags.threshold) options.threshold = *flags.threshold;
  if (flags.review_low) options.review_low = *flags.review_low;
  if (flags.review_high) options.review_high = *flags.review_high;
  options.threads = flags.threads > 0 ? flags.threads : 2;
  CANJE_ASSIGN_OR_RETURN(auto opened, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(reconciliation::LinkStoreReport report,
                         reconciliation::LinkStore(*opened, options));
  if (context.global.json) {
    context.out << wire::LinkReportJson(report, options).dump(2) << '\n';
    return Status::Ok();
  }
  std::ostream& out = context.out;
  out << "Compared " << report.compared << " of " << report.records << " records";
  if (report.erased + report.superseded + report.before_schema_2 > 0) {
    out << " (left out: " << report.erased << " of erased persons, " << report.superseded
        << " on superseded lists, " << report.before_schema_2 << " imported before schema 2)";
  }
  out << ": " << report.persons << " persons\n";
  if (report.changed) {
    out << "  " << report.relinked << " records relinked, " << report.merged << " persons merged, "
        << report.separated << " separated (event " << report.event_seq << ")\n";
  } else {
    out << "  links unchanged: nothing recorded\n";
  }
  out << "  " << report.review_queue << " pairs waiting for review (probability "
      << Decimal(options.review_low, 2) << " to " << Decimal(options.review_high, 2)
      << "): canje review list\n";
  if (report.held > 0) {
    out << "  " << report.held
        << " of them scored above the threshold but were held back by a link rule (dates of "
           "birth that conflict, a record without a date among namesakes, or two entries of one "
           "list, one without a date): docs/reconciliation.md\n";
  }
  if (report.orphan_search_skipped) {
    out << "  " << report.orphans
        << " records are on no roster of their holder; too many to look for their closest roster "
           "record (review them with canje link status --people and canje link explain)\n";
  }
  if (report.decisions_applied > 0) {
    out << "  " << report.decisions_applied << " review decisions applied\n";
  }
  for (const auto& decision : report.stale_decisions) {
    out << "  decision D" << decision.decision_id << " ("
        << instance::RecordId(decision.left_record) << ", "
        << instance::RecordId(decision.right_record) << ") no longer applies: " << decision.why
        << "; it is kept and applies again if the row returns\n";
  }
  return Status::Ok();
}

void AddReconciliationCommands(CLI::App& app, CLI::App& link, CommandContext& context) {
  auto* status = link.add_subcommand(
      "status", "Counts per list and per party: held, not on the roster, released, dead, ...");
  auto status_party = std::make_shared<std::string>();
  auto status_list = std::make_shared<std::string>();
  auto status_people = std::make_shared<bool>(false);
  status->add_option("--party", *status_party, "Only this party's lists and counts")
      ->type_name(kPartyValue);
  status->add_option("--list", *status_list, "Only this list (L3)");
  status->add_flag("--people", *status_people,
                   "Also the people behind the numbers (as far as you may see them)");
  status->callback([&context, status_party, status_list, status_people] {
    context.Finish(RunStatus(context, *status_party, *status_list, *status_people));
  });

  auto* explain = link.add_subcommand(
      "explain", "Why two records are (or are not) linked (the read is logged: review.read)");
  auto explain_ids = std::make_shared<std::vector<std::string>>();
  auto explain_run = std::make_shared<int64_t>(0);
  explain->add_option("RECORDS", *explain_ids, "Two record ids (R12 R57)")->required()->expected(2);
  auto* explain_run_option = explain->add_option(
      "--run", *explain_run,
      "With the model saved by this link run (canje link model; default: the latest)");
  explain->callback([&context, explain_ids, explain_run, explain_run_option] {
    context.Finish([&]() -> Status {
      CANJE_ASSIGN_OR_RETURN(auto pair, ParseRecordPair(*explain_ids));
      CANJE_ASSIGN_OR_RETURN(auto run, RunNumber(*explain_run_option, *explain_run));
      CANJE_ASSIGN_OR_RETURN(auto opened, OpenInstance(context));
      CANJE_ASSIGN_OR_RETURN(
          auto item, reconciliation::ExplainRecords(*opened, pair.first, pair.second, run));
      if (context.global.json) {
        context.out << wire::ReviewItemJson(item).dump(2) << '\n';
      } else {
        PrintItem(item, context.out);
      }
      return Status::Ok();
    }());
  });

  auto* model = link.add_subcommand(
      "model", "The model a link run saved: settings, prior, m and u of every comparison level");
  auto model_run = std::make_shared<int64_t>(0);
  auto* model_run_option =
      model->add_option("--run", *model_run, "This link run's model (default: the latest)");
  model->footer(
      "Exit status 66 when no link run has saved a model yet, or for a run that did not; 77 for a "
      "role that may not read explanations (observers).");
  model->callback([&context, model_run, model_run_option] {
    context.Finish([&]() -> Status {
      CANJE_ASSIGN_OR_RETURN(auto run, RunNumber(*model_run_option, *model_run));
      CANJE_ASSIGN_OR_RETURN(auto opened, OpenInstance(context));
      CANJE_ASSIGN_OR_RETURN(auto saved, reconciliation::ReadLinkModel(*opened, run));
      if (context.global.json) {
        context.out << wire::LinkModelJson(saved).dump(2) << '\n';
      } else {
        PrintLinkModel(saved, context.out);
      }
      return Status::Ok();
    }());
  });

  auto* review = app.add_subcommand("review", "Pairs of records that need a person's decision");
  review->require_subcommand(1);
  auto* list = review->add_subcommand(
      "list", "The pairs waiting for review, side by side (the read is logged: review.read)");
  auto limit = std::make_shared<int64_t>(0);
  list->add_option("--limit", *limit, "At most this many pairs");
  list->callback([&context, limit] {
    context.Finish([&]() -> Status {
      CANJE_ASSIGN_OR_RETURN(auto opened, OpenInstance(context));
      CANJE_ASSIGN_OR_RETURN(auto items, reconciliation::ListReviewQueue(*opened, *limit));
      if (context.global.json) {
        const json out =
            JsonArrayOf(items, [&](const auto& item) { return wire::ReviewItemJson(item); });
        context.out << out.dump(2) << '\n';
        return Status::Ok();
      }
      for (const auto& item : items) {
        PrintItem(item, context.out);
        context.out << '\n';
      }
      context.out << items.size() << " pair" << (items.size() == 1 ? "" : "s")
                  << " waiting for review; decide with canje review decide A B --same|--different"
                     " --reason TEXT\n";
      return Status::Ok();
    }());
  });

  auto* decide = review->add_subcommand("decide", "Decide whether two records are the same person");
  struct DecideFlags {
    std::vector<std::string> ids;
    bool same = false;
    bool different = false;
    std::string reason;
    std::string file;
  };
  auto flags = std::make_shared<DecideFlags>();
  decide->add_option("RECORDS", flags->ids, "Two record ids (R12 R57)")->expected(0, 2);
  decide->add_option("--file", flags->file,
                     "Many decisions at once, all or nothing: a CSV with the columns "
                     "left,right,decision (same or different),reason");
  auto* same = decide->add_flag("--same", flags->same, "They are the same person");
  auto* different = decide->add_flag("--different", flags->different, "They are different persons");
  same->excludes(different);
  decide->add_option("--reason", flags->reason, "Why (kept in the log)");
  decide->callback([&context, flags] {
    context.Finish([&]() -> Status {
      if (!flags->file.empty()) {
        if (!flags->ids.empty() || flags->same || flags->different || !flags->reason.empty()) {
          return Status::Usage("--file takes the records, decisions and reasons from the file");
        }
        CANJE_ASSIGN_OR_RETURN(auto decisions, ReadDecisionsFile(flags->file));
        CANJE_ASSIGN_OR_RETURN(auto opened, OpenInstance(context));
        CANJE_ASSIGN_OR_RETURN(auto report, reconciliation::DecidePairs(*opened, decisions));
        if (context.global.json) {
          context.out << wire::DecisionsJson(report).dump(2) << '\n';
        } else {
          context.out << report.recorded << " decisions recorded, " << report.unchanged
                      << " unchanged; they bind from the next `canje link`\n";
        }
        return Status::Ok();
      }
      if (flags->same == flags->different) {
        return Status::Usage("say --same or --different");
      }
      CANJE_ASSIGN_OR_RETURN(auto pair, ParseRecordPair(flags->ids));
      CANJE_ASSIGN_OR_RETURN(auto opened, OpenInstance(context));
      CANJE_ASSIGN_OR_RETURN(
          auto outcome,
          reconciliation::DecidePair(*opened, pair.first, pair.second, flags->same, flags->reason));
      if (context.global.json) {
        context.out << wire::DecisionJson(outcome).dump(2) << '\n';
      } else {
        context.out << "Decision D" << outcome.decision_id << " recorded (event "
                    << outcome.event_seq << ")";
        if (outcome.replaces != 0) context.out << ", revising D" << outcome.replaces;
        context.out << "; it binds from the next `canje link`\n";
      }
      return Status::Ok();
    }());
  });
}

}  // namespace canje::cli
