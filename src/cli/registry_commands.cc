#include "cli/registry_commands.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cli/list_output.h"
#include "cli/open_instance.h"
#include "cli/progress_bar.h"
#include "cli/protection_commands.h"
#include "cli/table.h"
#include "core/atomic_file.h"
#include "core/text.h"
#include "instance/ids.h"
#include "registry/enumerated_fields.h"
#include "registry/importer.h"
#include "registry/list_kinds.h"
#include "registry/name_words.h"
#include "registry/person_directory.h"
#include "registry/person_fields.h"
#include "registry/summary.h"
#include "wire/registry_json.h"

namespace canje::cli {
namespace {

std::string DocumentsText(const registry::PersonRecord& record) {
  std::vector<std::string> items;
  for (const auto& document : record.documents) {
    items.push_back((document.type.empty() ? "" : document.type + " ") + document.number);
  }
  return Join(items);
}

std::string NameOrErased(const registry::PersonEntry& person) {
  return person.erased ? "(erased)" : person.record.name.Display();
}

struct PersonFilterFlags {
  registry::PersonQuery query;
  std::string list;
};

void AddPersonFilterFlags(CLI::App* command, PersonFilterFlags& flags) {
  command->add_option("--holder", flags.query.holder, "Held by this party")
      ->type_name(kPartyValue);
  command->add_option("--category", flags.query.category,
                      "In this category (journalist, minor, political_prisoner, ...)");
  command->add_option("--nationality", flags.query.nationality, "Of this nationality (ISO alpha-3)");
  command->add_option("--status", flags.query.status, "held, released, dead or unknown");
  command->add_option("--list", flags.list, "Linked to this list (L3)");
  command->add_option("--document", flags.query.document,
                      "With exactly this document number (V-12.345.678 and 12345678 agree)");
  command->add_option("--exact-name", flags.query.exact_name,
                      "With exactly this full name (case and accents ignored)");
}

Status ResolveListFlag(PersonFilterFlags& flags) {
  if (flags.list.empty()) return Status::Ok();
  CANJE_ASSIGN_OR_RETURN(flags.query.list_id, instance::ParseId(flags.list, 'L', "list"));
  return Status::Ok();
}

}  // namespace

void AddImportCommand(CLI::App& app, CommandContext& context) {
  auto* command = app.add_subcommand(
      "import", "Import a list file (CSV or JSON): all of it, or nothing and the reasons");
  auto options = std::make_shared<registry::ImportOptions>();
  auto date_order = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  command->add_option("FILE", *file, "The list file")->required();
  command->add_option("--kind", options->kind, "What the list is")
      ->required()
      ->check(CLI::IsMember(registry::ListKindNames()));
  command->add_option("--source", options->source, "Where the list comes from (free text)")
      ->required();
  command->add_option("--party", options->party,
                      "The party submitting the list (default: the acting user's party)")
      ->type_name(kPartyValue);
  command->add_option("--holder", options->default_holder,
                      "Who holds the listed people, for rows without a holder column (a claim "
                      "list names people the other side holds)")
      ->type_name(kPartyValue);
  command->add_option("--format", options->format, "csv or json (default: from the file name)");
  command->add_flag("--skip-invalid", options->skip_invalid,
                    "Import the good rows; write the rejected ones to the --rejects file");
  command->add_option("--rejects", options->rejects_file,
                      "Where --skip-invalid writes rejected rows (default FILE.rejected.csv)");
  command->add_flag("--dry-run", options->dry_run, "Validate only; change nothing");
  command->add_flag("--again", options->again,
                    "Import a file already imported for the same source");
  command->add_option("--date-order", *date_order,
                      "The order of the file's dates such as 03.04.1990 or 03/04/1990: dmy (day "
                      "first, 3 April) or mdy (month first, March 4); without it such dates are "
                      "refused as ambiguous")
      ->check(CLI::IsMember({"dmy", "mdy"}));
  auto name_order = std::make_shared<std::string>();
  std::vector<std::string> name_orders(registry::NameOrderNames().begin(),
                                       registry::NameOrderNames().end());
  command->add_option("--name-order", *name_order,
                      "The order of the words of a full-name column: given-family (Jean Pierre "
                      "Dupont), family-given (Гуменюк Михайло) or family-given-patronymic (Гуменюк "
                      "Михайло Петрович: the patronymic kept as its own part); without "
                      "it the Spanish rules of docs/formats.md (\"Names\") guess")
      ->check(CLI::IsMember(name_orders));
  command->callback([&context, options, date_order, name_order, file] {
    options->file = *file;
    if (!name_order->empty()) options->name_order = *registry::ParseNameOrder(*name_order);
    if (*date_order == "dmy") options->date_order = registry::DateOrder::kDayFirst;
    if (*date_order == "mdy") options->date_order = registry::DateOrder::kMonthFirst;
    FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
      ProgressBar bar(context.err, "importing", context.ShowProgress());
      registry::ImportReport full_report;
      auto result = registry::ImportList(
          opened, *options, [&](uint64_t done, uint64_t total) { bar.Update(done, total); },
          &full_report);
      bar.Done();
      if (context.global.json && (result.ok() || full_report.rows > 0)) {
        context.out << wire::ImportReportJson(full_report, options->dry_run).dump(2) << '\n';
      } else if (result.ok()) {
        const auto& report = *result;
        if (options->dry_run) {
          context.out << "Valid: " << report.imported << " of " << report.rows << " rows of "
                      << *file << " would be imported";
        } else {
          context.out << "Imported " << instance::ListId(report.list_id) << ": " << report.imported
                      << " of " << report.rows << " rows of " << *file << " (" << options->kind
                      << ", " << report.party << ")";
          if (report.persons_created > 0) {
            context.out << ", " << report.persons_created << " persons created";
          }
        }
        if (report.rejected > 0) {
          context.out << "; " << report.rejected << " rejected";
          if (!options->dry_run) {
            context.out << " (see "
                        << (options->rejects_file.empty() ? *file + ".rejected.csv"
                                                          : options->rejects_file.string())
                        << ")";
          }
        }
        context.out << '\n';
      }
      return result.status();
    });
  });
}

void AddListsCommand(CLI::App& app, CommandContext& context) {
  AddListCommand(
      app, context, "lists", "The imported lists", registry::ReadLists,
      [](const auto& list) { return wire::ListJson(list); },
      {"ID", "KIND", "PARTY", "RECORDS", "REJECTED", "SOURCE", "FILE", "IMPORTED"},
      [](Table& table, const auto& list) {
        table.AddRow({instance::ListId(list.id), list.kind, list.party,
                      std::to_string(list.record_count), std::to_string(list.rejected_count),
                      list.source, list.file_name, list.imported_at});
      });
}

void AddPersonsCommands(CLI::App& app, CommandContext& context) {
  auto* persons = app.add_subcommand("persons", "Search persons by name fragment and filters");
  auto flags = std::make_shared<PersonFilterFlags>();
  persons->add_option("NAME", flags->query.name, "A fragment of a name or alias");
  AddPersonFilterFlags(persons, *flags);
  persons->add_option("--limit", flags->query.limit, "At most this many persons");
  // Hidden: the same answer by opening every person, for docs/benchmarks.md's comparison.
  persons->add_flag("--no-index", flags->query.open_every_person,
                    "Open every person instead of using the name words' index")
      ->group("");
  persons->callback([&context, flags] {
    Status list_flag = ResolveListFlag(*flags);
    if (!list_flag.ok()) return context.Finish(list_flag);
    FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
      if (context.global.json) {
        // Streamed, so that a large store prints without holding every person in memory.
        context.out << '[';
        bool first = true;
        Status status = registry::VisitPersons(opened, flags->query, [&](auto& person) {
          context.out << (first ? "\n" : ",\n") << wire::PersonJson(person).dump();
          first = false;
          return Status::Ok();
        });
        context.out << (first ? "]\n" : "\n]\n");
        return status;
      }
      Table table({"ID", "NAME", "SEX", "BORN", "NATIONALITY", "HOLDER", "FACILITY", "STATUS",
                   "CHARGES", "CATEGORIES"});
      Status status = registry::VisitPersons(opened, flags->query, [&](auto& person) {
        const auto& record = person.record;
        std::string holder, facility, status_text, charges;
        if (!person.custody.empty()) {
          holder = person.custody.front().holder;
          facility = person.custody.front().facility;
          status_text = person.custody.front().status;
          charges = person.custody.front().charge_status;
        }
        table.AddRow({instance::PersonId(person.id), NameOrErased(person),
                      std::string(registry::SexName(record.sex)),
                      record.date_of_birth ? record.date_of_birth->ToIso() : "",
                      Join(record.nationalities, "|"), holder, facility, status_text, charges,
                      Join(record.categories, "|")});
        return Status::Ok();
      });
      if (!status.ok()) return status;
      table.Print(context.out);
      context.out << table.size() << " person" << (table.size() == 1 ? "" : "s") << '\n';
      return Status::Ok();
    });
  });

  auto* person = app.add_subcommand("person", "One person");
  person->require_subcommand(1);
  AddEraseCommand(*person, context);
  auto* index_names = person->add_subcommand(
      "index-names",
      "Admin, once after upgrading a store from before schema 14 or indexed by an earlier canje: "
      "index every person's name words and document numbers, so that name searches stop opening "
      "every person and Cyrillic document series are found");
  index_names->callback([&context] {
    FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
      CANJE_ASSIGN_OR_RETURN(auto indexed, registry::IndexNameWords(opened));
      context.out << (indexed == 0
                          ? std::string("Every person's name words were indexed already")
                          : "Indexed the name words of " + std::to_string(indexed) + " persons")
                  << '\n';
      return Status::Ok();
    });
  });
  auto* show = person->add_subcommand("show", "Everything the store holds on one person");
  auto id = std::make_shared<std::string>();
  show->add_option("ID", *id, "The person's id (P17)")->required();
  show->callback([&context, id] {
    FinishWithInstance(
        context, instance::ParseId(*id, 'P', "person"),
        [&](instance::Instance& opened, const auto& person_id) -> Status {
          CANJE_ASSIGN_OR_RETURN(auto details, registry::ShowPerson(opened, person_id));
          if (context.global.json) {
            context.out << wire::PersonDetailsJson(details).dump(2) << '\n';
            return Status::Ok();
          }
          const auto& entry = details.person;
          std::ostream& out = context.out;
          if (details.merged_from != 0) {
            out << instance::PersonId(details.merged_from) << " was found to be the same person as "
                << instance::PersonId(entry.id) << " (canje link):\n";
          }
          out << instance::PersonId(entry.id) << "  " << NameOrErased(entry) << '\n';
          if (entry.erased) {
            out << "  erased on " << entry.erased_at << '\n';
          } else {
            const auto& record = entry.record;
            out << "  given names:   " << Join(record.name.given_names, " ") << '\n';
            if (!record.name.patronymic.empty()) {
              out << "  patronymic:    " << record.name.patronymic << '\n';
            }
            out << "  family names:  " << Join(record.name.family_names, " / ") << '\n';
            if (!record.aliases.empty()) out << "  aliases:       " << Join(record.aliases) << '\n';
            out << "  sex:           " << registry::SexName(record.sex) << '\n'
                << "  born:          "
                << (record.date_of_birth ? record.date_of_birth->ToIso() : "") << '\n'
                << "  nationality:   " << Join(record.nationalities) << '\n'
                << "  documents:     " << DocumentsText(record) << '\n'
                << "  categories:    " << Join(record.categories) << '\n';
            for (const auto& charge : record.charges) {
              out << "  charge:        "
                  << (charge.description.empty() ? "(none)" : charge.description)
                  << (charge.status.empty() ? "" : " [" + charge.status + "]") << '\n';
            }
            for (const registry::PersonTextField& text : registry::PersonTextFields()) {
              if (!text.on_person_page || text.of(record).empty()) continue;
              std::string label = std::string(text.label) + ":";
              label.resize(std::max<size_t>(label.size() + 1, 15), ' ');
              out << "  " << label << text.of(record) << '\n';
            }
            if (record.ihl_status != registry::IhlStatus::kUnspecified) {
              out << "  IHL status:    " << registry::IhlStatusName(record.ihl_status) << '\n';
            }
            if (record.date_of_capture) {
              out << "  captured:      " << record.date_of_capture->ToIso() << '\n';
            }
          }
          for (const auto& custody : entry.custody) {
            out << "  custody:       " << custody.holder
                << (custody.facility.empty() ? "" : ", " + custody.facility)
                << (custody.since.empty() ? "" : ", since " + custody.since) << " — "
                << custody.status << ", charges " << custody.charge_status
                << ", evidence disclosed "
                << (custody.evidence_disclosed ? (*custody.evidence_disclosed ? "yes" : "no")
                                               : "unknown")
                << '\n';
          }
          for (const auto& source : details.sources) {
            out << "  on list:       " << instance::ListId(source.list_id) << " line "
                << source.line << " (" << source.list_kind << " of " << source.list_party << ", "
                << source.list_source << ")"
                << (source.reported_status.empty() ? "" : " reported " + source.reported_status)
                << (source.link == "own" ? "" : ", linked " + source.link) << '\n';
          }
          return Status::Ok();
        });
  });
}

void AddExportCommand(CLI::App& app, CommandContext& context) {
  auto* command = app.add_subcommand("export", "Export data in the formats canje imports");
  command->require_subcommand(1);
  auto* persons = command->add_subcommand(
      "persons", "Persons as a list file (CSV or JSON) that `canje import` reads back");
  auto flags = std::make_shared<PersonFilterFlags>();
  auto format = std::make_shared<std::string>("csv");
  auto out_file = std::make_shared<std::string>();
  persons->add_option("--format", *format, "csv or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"csv", "json"}));
  persons->add_option("--out", *out_file, "Write to this file (default: standard output)");
  AddPersonFilterFlags(persons, *flags);
  persons->callback([&context, flags, format, out_file] {
    Status list_flag = ResolveListFlag(*flags);
    if (!list_flag.ok()) return context.Finish(list_flag);
    FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
      auto export_format =
          *format == "json" ? registry::ExportFormat::kJson : registry::ExportFormat::kCsv;
      if (out_file->empty()) {
        return registry::ExportPersons(opened, flags->query, export_format, context.out);
      }
      AtomicFileWriter out(*out_file, {.mode = 0666});
      Status status = out.Open();
      if (status.ok()) {
        status = registry::ExportPersons(opened, flags->query, export_format, out.stream());
      }
      if (status.ok()) status = out.Commit();
      return status;
    });
  });
}

}  // namespace canje::cli
