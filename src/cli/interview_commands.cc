#include "cli/interview_commands.h"

#include <nlohmann/json.hpp>

#include "cli/agreement_commands.h"
#include "cli/list_output.h"
#include "cli/open_instance.h"
#include "instance/ids.h"
#include "negotiation/eligibility_report.h"
#include "negotiation/execution_files.h"
#include "negotiation/interviews.h"
#include "wire/holds_json.h"

namespace canje::cli {
namespace {

std::string YesNo(bool value) { return value ? "yes" : "no"; }

// `interview record --file`: every row checked, all recorded in one transaction or none.
Status RecordInterviewFile(CommandContext& context, const std::string& person,
                           const std::string& file, const negotiation::NewInterview& flags) {
  if (!person.empty() || !flags.destination.empty() || !flags.identity.empty() ||
      !flags.consent.empty() || !flags.fit.empty() || !flags.note.empty() ||
      !flags.interviewed_on.empty()) {
    return Status::Usage("give either one interview's PERSON and flags, or --file FILE.csv");
  }
  CANJE_ASSIGN_OR_RETURN(std::string text, ReadInputFile(file));
  CANJE_ASSIGN_OR_RETURN(auto interviews, negotiation::ParseInterviewsCsv(text, file));
  CANJE_ASSIGN_OR_RETURN(auto opened, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(auto recorded, negotiation::RecordInterviews(*opened, interviews));
  if (context.global.json) {
    context.out << wire::InterviewsRecordedJson(recorded, interviews).dump(2) << '\n';
  } else {
    context.out << "Recorded " << recorded.size() << " interviews from " << file << '\n';
  }
  return Status::Ok();
}

}  // namespace

void AddInterviewCommands(CLI::App& app, CommandContext& context) {
  auto* interview = app.add_subcommand(
      "interview", "Consent interviews: a detainee's own answer about a destination (verifiers)");
  interview->require_subcommand(1);

  auto* record = interview->add_subcommand(
      "record",
      "Record an interview, or many with --file (verifiers only; interviews are never edited)");
  auto person = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto flags = std::make_shared<negotiation::NewInterview>();
  record->add_option("PERSON", *person, "The person interviewed (P17)");
  record->add_option("--destination", flags->destination, "The destination asked about (VEN)");
  record->add_option("--identity", flags->identity, "confirmed or unconfirmed");
  record->add_option("--consent", flags->consent, "consents, refuses or undecided");
  record->add_option("--fit", flags->fit, "Fit to travel: yes or no");
  record->add_option("--note", flags->note,
                     "What the person said (sealed personal data; required when a refusal "
                     "changes)");
  record->add_option("--on", flags->interviewed_on, "The day of the interview (default: today)");
  record->add_option("--file", *file,
                     "CSV with columns person, destination, identity, consent, fit, on, note: "
                     "every row checked, all recorded or none");
  record->callback([&context, person, file, flags] {
    if (!file->empty()) return context.Finish(RecordInterviewFile(context, *person, *file, *flags));
    negotiation::NewInterview new_interview = *flags;
    if (person->empty() || new_interview.destination.empty() || new_interview.identity.empty() ||
        new_interview.consent.empty() || new_interview.fit.empty()) {
      return context.Finish(Status::Usage(
          "give PERSON --destination D --identity I --consent C --fit F, or --file FILE.csv"));
    }
    FinishWithInstance(
        context, instance::ParseId(*person, 'P', "person"),
        [&](instance::Instance& opened, const auto& id) -> Status {
          new_interview.person_id = id;
          CANJE_ASSIGN_OR_RETURN(auto recorded,
                                 negotiation::RecordInterview(opened, new_interview));
          if (context.global.json) {
            context.out
                << wire::InterviewRecordedJson(recorded, id, new_interview.destination).dump(2)
                << '\n';
          } else {
            context.out << "Recorded interview " << negotiation::InterviewId(recorded.id) << " of "
                        << instance::PersonId(id) << " about " << new_interview.destination;
            if (recorded.changes_refusal) context.out << " (the person no longer refuses)";
            context.out << '\n';
          }
          return Status::Ok();
        });
  });

  auto* list = interview->add_subcommand(
      "list", "Interviews with their notes (verifiers, mediators and admins only)");
  auto query = std::make_shared<negotiation::InterviewQuery>();
  auto list_person = std::make_shared<std::string>();
  list->add_option("--person", *list_person, "Only this person's (P17)");
  list->add_option("--destination", query->destination, "Only about this destination");
  list->callback([&context, query, list_person] {
    negotiation::InterviewQuery q = *query;
    FinishWithInstance(
        context, instance::ParseOptionalId(*list_person, 'P', "person"),
        [&](instance::Instance& opened, const auto& person_id) -> Status {
          q.person_id = person_id;
          CANJE_ASSIGN_OR_RETURN(auto interviews, negotiation::ListInterviews(opened, q));
          PrintRows(
              context, interviews, [](const auto& view) { return wire::InterviewJson(view); },
              {"ID", "PERSON", "DESTINATION", "DAY", "IDENTITY", "CONSENT", "FIT", "CURRENT", "BY",
               "NOTE"},
              [](Table& table, const auto& view) {
                table.AddRow({negotiation::InterviewId(view.id), instance::PersonId(view.person_id),
                              view.destination, view.interviewed_on, view.identity, view.consent,
                              YesNo(view.fit_to_travel), view.current ? "yes" : "",
                              view.recorded_by,
                              view.note ? *view.note : (view.note_erased ? "(erased)" : "")});
              },
              "No interviews.");
          return Status::Ok();
        });
  });
}

void AddEligibilityCommand(CLI::App& app, CommandContext& context) {
  auto* command = app.add_subcommand(
      "eligibility",
      "Who may be transferred to a destination, and why not (reasons as your role allows)");
  auto query = std::make_shared<negotiation::EligibilityQuery>();
  auto persons = std::make_shared<std::vector<std::string>>();
  command->add_option("PERSON", *persons, "Only these persons (P17 ...)");
  command->add_option("--destination", query->destination, "The destination (VEN)")->required();
  command->add_option("--on", query->date, "The day (default: today)");
  command->add_option("--holder", query->holder, "Only persons held by this party")
      ->type_name(kPartyValue);
  command->add_option("--nationality", query->nationality, "Only persons of this nationality");
  command->add_option("--category", query->category, "Only persons in this category");
  command->callback([&context, query, persons] {
    negotiation::EligibilityQuery q = *query;
    for (const std::string& text : *persons) {
      auto id = instance::ParseId(text, 'P', "person");
      if (!id.ok()) return context.Finish(id.status());
      q.persons.push_back(*id);
    }
    FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
      CANJE_ASSIGN_OR_RETURN(auto report, negotiation::ReportEligibility(opened, q));
      PrintRows(
          context, report, [](const auto& entry) { return wire::EligibilityJson(entry); },
          {"PERSON", "SELECTABLE", "HANDOVER", "REASONS"},
          [](Table& table, const auto& entry) {
            std::string reasons;
            for (const auto& reason : entry.reasons) {
              if (!reasons.empty()) reasons += "; ";
              reasons += reason.text;
            }
            table.AddRow({instance::PersonId(entry.person_id), YesNo(entry.selectable),
                          YesNo(entry.ready_for_handover), reasons});
          },
          "No persons.");
      return Status::Ok();
    });
  });
}

}  // namespace canje::cli
