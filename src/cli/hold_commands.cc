#include "cli/hold_commands.h"

#include <nlohmann/json.hpp>

#include "cli/list_output.h"
#include "cli/open_instance.h"
#include "instance/ids.h"
#include "negotiation/hold_rule_fields.h"
#include "negotiation/hold_scope.h"
#include "negotiation/holds.h"
#include "negotiation/legal_acts.h"
#include "wire/holds_json.h"

namespace canje::cli {
namespace {

std::string UntilText(const store::HoldRow& hold) {
  return hold.effective_until.empty() ? "-" : hold.effective_until;
}

struct HoldAddFlags {
  negotiation::NewHold hold;
  std::vector<std::string> persons;
};

}  // namespace

void AddHoldCommands(CLI::App& app, CommandContext& context) {
  auto* hold = app.add_subcommand("hold",
                                  "Legal holds: court and ministerial orders that bar "
                                  "transfers");
  hold->require_subcommand(1);

  auto* add = hold->add_subcommand(
      "add", "Record a legal hold over listed persons or over a rule (holder, nationality, ...)");
  auto flags = std::make_shared<HoldAddFlags>();
  add->add_option("--issuer", flags->hold.issuer, "Who issued the order (a court, a ministry)");
  add->add_option("--reference", flags->hold.reference, "Its reference (docket number, decree)");
  add->add_option("--person", flags->persons, "A person it names (P17); repeat for more");
  for (const negotiation::HoldRuleField& field : negotiation::HoldRuleFields()) {
    auto* option =
        add->add_option(negotiation::HoldRuleFlag(field), flags->hold.rule[std::string(field.name)],
                        std::string(field.help));
    if (field.party_code) option->type_name(kPartyValue);
  }
  add->add_option("--from", flags->hold.effective_from, "First day in force (YYYY-MM-DD)");
  add->add_option("--until", flags->hold.effective_until, "Last day in force (YYYY-MM-DD)");
  add->callback([&context, flags] {
    negotiation::NewHold new_hold = flags->hold;
    for (const std::string& text : flags->persons) {
      auto id = instance::ParseId(text, 'P', "person");
      if (!id.ok()) return context.Finish(id.status());
      new_hold.persons.push_back(*id);
    }
    FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
      CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::AddHold(opened, new_hold));
      CANJE_ASSIGN_OR_RETURN(auto view, negotiation::ShowHold(opened, id, ""));
      if (context.global.json) {
        context.out << wire::HoldJson(view, true).dump(2) << '\n';
      } else {
        context.out << "Added legal hold " << negotiation::HoldId(id) << " (" << new_hold.issuer
                    << ", " << new_hold.reference
                    << "): " << negotiation::DescribeHoldScope(view.hold) << "; covers "
                    << view.covered.size() << " person" << (view.covered.size() == 1 ? "" : "s")
                    << ", " << view.state << " today\n";
      }
      return Status::Ok();
    });
  });

  auto* lift = hold->add_subcommand("lift", "Lift a legal hold (the reason is logged)");
  auto lift_id = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  auto lifted_on = std::make_shared<std::string>();
  lift->add_option("ID", *lift_id, "The hold (H3)")->required();
  lift->add_option("--reason", *reason, "Why it is lifted");
  lift->add_option("--on", *lifted_on, "First day no longer in force (default: today)");
  lift->callback([&context, lift_id, reason, lifted_on] {
    FinishWithInstance(
        context, negotiation::ParseHoldId(*lift_id),
        [&](instance::Instance& opened, const auto& id) -> Status {
          CANJE_RETURN_IF_ERROR(negotiation::LiftHold(opened, id, *lifted_on, *reason));
          CANJE_ASSIGN_OR_RETURN(auto view, negotiation::ShowHold(opened, id, ""));
          if (context.global.json) {
            context.out << wire::HoldJson(view, false).dump(2) << '\n';
          } else {
            context.out << "Lifted legal hold " << negotiation::HoldId(id) << " from "
                        << view.hold.lifted_on << '\n';
          }
          return Status::Ok();
        });
  });

  auto* list = hold->add_subcommand("list", "Every legal hold and its state on a day");
  auto list_on = std::make_shared<std::string>();
  auto list_person = std::make_shared<std::string>();
  list->add_option("--on", *list_on, "The day (default: today)");
  list->add_option("--person", *list_person, "Only the holds covering this person (P17)");
  list->callback([&context, list_on, list_person] {
    FinishWithInstance(
        context, instance::ParseOptionalId(*list_person, 'P', "person"),
        [&](instance::Instance& opened, const auto& person_id) -> Status {
          CANJE_ASSIGN_OR_RETURN(auto holds,
                                 negotiation::ListHolds(opened, *list_on, true, person_id));
          PrintRows(
              context, holds, [](const auto& view) { return wire::HoldListItemJson(view); },
              {"ID", "ISSUER", "REFERENCE", "FROM", "UNTIL", "STATE", "COVERS", "SCOPE"},
              [](Table& table, const auto& view) {
                table.AddRow({negotiation::HoldId(view.hold.id), view.hold.issuer,
                              view.hold.reference, view.hold.effective_from, UntilText(view.hold),
                              view.state, std::to_string(view.covered.size()),
                              negotiation::DescribeHoldScope(view.hold)});
              },
              "No legal holds.");
          return Status::Ok();
        });
  });

  auto* show = hold->add_subcommand("show", "One legal hold and the persons it covers");
  auto show_id = std::make_shared<std::string>();
  auto show_on = std::make_shared<std::string>();
  show->add_option("ID", *show_id, "The hold (H3)")->required();
  show->add_option("--on", *show_on, "The day for its state (default: today)");
  show->callback([&context, show_id, show_on] {
    FinishWithInstance(
        context, negotiation::ParseHoldId(*show_id),
        [&](instance::Instance& opened, const auto& id) -> Status {
          CANJE_ASSIGN_OR_RETURN(auto view, negotiation::ShowHold(opened, id, *show_on));
          if (context.global.json) {
            context.out << wire::HoldJson(view, true).dump(2) << '\n';
            return Status::Ok();
          }
          const store::HoldRow& h = view.hold;
          context.out << "Legal hold " << negotiation::HoldId(h.id) << "\n"
                      << "  issuer:     " << h.issuer << "\n"
                      << "  reference:  " << h.reference << "\n"
                      << "  in force:   from " << h.effective_from
                      << (h.effective_until.empty() ? "" : " until " + h.effective_until) << "\n"
                      << "  scope:      " << negotiation::DescribeHoldScope(h) << "\n"
                      << "  state:      " << view.state << "\n";
          if (!h.lifted_on.empty()) {
            context.out << "  lifted:     from " << h.lifted_on << " (" << h.lift_reason << ")\n";
          }
          context.out << "  covers " << view.covered.size() << " person"
                      << (view.covered.size() == 1 ? "" : "s");
          if (view.covered_hidden > 0) {
            context.out << " you may see (and " << view.covered_hidden << " more)";
          }
          context.out << ":";
          for (int64_t person : view.covered) context.out << ' ' << instance::PersonId(person);
          context.out << '\n';
          return Status::Ok();
        });
  });
}

void AddLegalActCommands(CLI::App& app, CommandContext& context) {
  auto* act = app.add_subcommand("act", "Legal acts: pardons, commutations, charges dropped, ...");
  act->require_subcommand(1);

  auto* add = act->add_subcommand("add", "Record a legal act concerning a person");
  auto person = std::make_shared<std::string>();
  auto flags = std::make_shared<negotiation::NewLegalAct>();
  add->add_option("PERSON", *person, "The person (P17)")->required();
  add->add_option("--type", flags->type,
                  "pardon, commutation, charges_dropped, alternative_measures, expulsion_order")
      ->required();
  add->add_option("--date", flags->date, "The day of the act (YYYY-MM-DD)");
  add->add_option("--authority", flags->authority, "Who took it");
  add->add_option("--reference", flags->reference, "Its decree or case number");
  add->add_option("--status-after", flags->status_after,
                  "The legal status after release (free, conditional release, expelled, ...)");
  add->callback([&context, person, flags] {
    negotiation::NewLegalAct act_flags = *flags;
    FinishWithInstance(context, instance::ParseId(*person, 'P', "person"),
                       [&](instance::Instance& opened, const auto& id) -> Status {
                         act_flags.person_id = id;
                         CANJE_ASSIGN_OR_RETURN(int64_t act_id,
                                                negotiation::RecordLegalAct(opened, act_flags));
                         if (context.global.json) {
                           context.out << wire::LegalActRecordedJson(act_id, id).dump(2) << '\n';
                         } else {
                           context.out << "Recorded legal act " << negotiation::LegalActId(act_id)
                                       << " for " << instance::PersonId(id) << '\n';
                         }
                         return Status::Ok();
                       });
  });

  auto* list = act->add_subcommand("list", "Legal acts, of one person or of everyone");
  auto list_person = std::make_shared<std::string>();
  list->add_option("PERSON", *list_person, "Only this person's (P17)");
  list->callback([&context, list_person] {
    FinishWithInstance(
        context, instance::ParseOptionalId(*list_person, 'P', "person"),
        [&](instance::Instance& opened, const auto& person_id) -> Status {
          CANJE_ASSIGN_OR_RETURN(auto acts, negotiation::ListLegalActs(opened, person_id));
          PrintRows(
              context, acts, [](const auto& row) { return wire::LegalActJson(row); },
              {"ID", "PERSON", "TYPE", "DATE", "AUTHORITY", "REFERENCE", "STATUS AFTER"},
              [](Table& table, const auto& row) {
                table.AddRow({negotiation::LegalActId(row.id), instance::PersonId(row.person_id),
                              row.type, row.act_date, row.authority, row.reference,
                              row.status_after});
              },
              "No legal acts.");
          return Status::Ok();
        });
  });
}

}  // namespace canje::cli
