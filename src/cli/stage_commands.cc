#include "cli/stage_commands.h"

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
#include "negotiation/stages.h"
#include "wire/execution_json.h"
#include "wire/stage_json.h"

namespace canje::cli {
namespace {

using negotiation::ExchangeId;

struct StageFlags {
  std::string exchange;
  int64_t number = 0;
  std::string name;
  std::string date;
  std::string place;
  std::string persons_file;
  std::string reason;
};

using StageFlagsRef = std::shared_ptr<StageFlags>;

Result<std::vector<negotiation::StagePerson>> ReadPersons(const std::string& file) {
  if (file.empty()) return std::vector<negotiation::StagePerson>{};
  CANJE_ASSIGN_OR_RETURN(std::string text, ReadInputFile(file));
  return negotiation::ParseStagePersonsCsv(text, file);
}

std::string StageCountsText(const std::map<std::string, int64_t>& counts) {
  std::vector<std::string> parts;
  for (const auto& [direction, n] : counts) parts.push_back(direction + "=" + std::to_string(n));
  return parts.empty() ? "none" : Join(parts, ", ");
}

// Prints one stage (text or JSON) with the names the caller may see.
Status PrintStage(CommandContext& context, instance::Instance& instance,
                  const negotiation::StageView& view) {
  CANJE_ASSIGN_OR_RETURN(wire::Names names,
                         negotiation::VisibleNames(instance, wire::PersonsOf({view})));
  if (context.global.json) {
    context.out << wire::StageJson(view, names).dump(2) << '\n';
    return Status::Ok();
  }
  const store::StageRow& s = view.stage;
  context.out << "Stage " << s.number << " of " << ExchangeId(s.exchange_id) << ": " << s.name
              << ", " << s.state << ", planned for " << s.planned_on << " at " << s.place << '\n';
  if (s.postponements > 0) {
    context.out << "Postponed " << s.postponements << " time(s); last reason: "
                << s.postponed_reason << '\n';
  }
  context.out << "Persons per direction: " << StageCountsText(view.counts) << "; "
              << view.handed_over << " handed over, " << view.not_travelling
              << " not travelling\n";
  Table table({"PERSON", "NAME", "FROM", "TO"});
  for (const auto& transfer : view.persons) {
    table.AddRow({instance::PersonId(transfer.person_id), wire::NameOf(names, transfer.person_id),
                  transfer.from, transfer.to});
  }
  table.Print(context.out);
  return Status::Ok();
}

Status RunAdd(CommandContext& context, const StageFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  negotiation::NewStage stage{flags.name, flags.date, flags.place, {}};
  CANJE_ASSIGN_OR_RETURN(stage.persons, ReadPersons(flags.persons_file));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(int64_t number, negotiation::PlanStage(*instance, id, stage));
  CANJE_ASSIGN_OR_RETURN(negotiation::StageView view,
                         negotiation::ShowStage(*instance, id, number));
  if (!context.global.json) {
    context.out << "Planned stage " << number << " of " << ExchangeId(id) << " ("
                << stage.persons.size() << " persons)\n";
  }
  return PrintStage(context, *instance, view);
}

Status RunAssign(CommandContext& context, const StageFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  if (flags.persons_file.empty()) return Status::Usage("give the persons: --persons FILE.csv");
  CANJE_ASSIGN_OR_RETURN(auto persons, ReadPersons(flags.persons_file));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_RETURN_IF_ERROR(negotiation::AssignToStage(*instance, id, flags.number, persons));
  CANJE_ASSIGN_OR_RETURN(negotiation::StageView view,
                         negotiation::ShowStage(*instance, id, flags.number));
  if (!context.global.json) {
    context.out << "Assigned " << persons.size() << " persons to stage " << flags.number << " of "
                << ExchangeId(id) << '\n';
  }
  return PrintStage(context, *instance, view);
}

Status RunList(CommandContext& context, const StageFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(auto views, negotiation::ListStages(*instance, id));
  if (context.global.json) {
    CANJE_ASSIGN_OR_RETURN(wire::Names names,
                           negotiation::VisibleNames(*instance, wire::PersonsOf(views)));
    const nlohmann::json out =
        JsonArrayOf(views, [&](const auto& view) { return wire::StageJson(view, names); });
    context.out << out.dump(2) << '\n';
    return Status::Ok();
  }
  if (views.empty()) {
    context.out << ExchangeId(id) << " has no stages: it is executed as one.\n";
    return Status::Ok();
  }
  Table table({"STAGE", "NAME", "DATE", "PLACE", "STATE", "PERSONS", "PER DIRECTION",
               "HANDED OVER", "NOT TRAVELLING"});
  for (const auto& view : views) {
    const store::StageRow& s = view.stage;
    table.AddRow({std::to_string(s.number), s.name, s.planned_on, s.place, s.state,
                  std::to_string(view.persons.size()), StageCountsText(view.counts),
                  std::to_string(view.handed_over), std::to_string(view.not_travelling)});
  }
  table.Print(context.out);
  return Status::Ok();
}

Status RunShow(CommandContext& context, const StageFlags& flags) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(negotiation::StageView view,
                         negotiation::ShowStage(*instance, id, flags.number));
  return PrintStage(context, *instance, view);
}

// start, complete, postpone: the move, then the stage as it is now.
template <typename Move>
Status RunMove(CommandContext& context, const StageFlags& flags, const char* done, Move move) {
  CANJE_ASSIGN_OR_RETURN(int64_t id, negotiation::ParseExchangeId(flags.exchange));
  CANJE_ASSIGN_OR_RETURN(auto instance, OpenInstance(context));
  CANJE_ASSIGN_OR_RETURN(negotiation::StageView view, move(*instance, id));
  if (!context.global.json) {
    context.out << "Stage " << flags.number << " of " << ExchangeId(id) << " " << done << '\n';
  }
  return PrintStage(context, *instance, view);
}

void SetCallback(CLI::App* command, CommandContext& context, const StageFlagsRef& flags,
                 Status (*run)(CommandContext&, const StageFlags&)) {
  command->callback([&context, flags, run] { context.Finish(run(context, *flags)); });
}

CLI::App* WithExchangeAndNumber(CLI::App* command, const StageFlagsRef& flags) {
  command->add_option("ID", flags->exchange, "The exchange (X1)")->required();
  command->add_option("N", flags->number, "The stage's number (1, 2, ...)")
      ->required()
      ->check(CLI::PositiveNumber);
  return command;
}

// `canje stage NAME ID N` (start, complete): the move `kMove` of stage N, said as `done`.
template <Result<negotiation::StageView> (*kMove)(instance::Instance&, int64_t, int64_t)>
void AddMoveCommand(CLI::App* stage, CommandContext& context, const char* name, const char* help,
                    const char* done) {
  auto flags = std::make_shared<StageFlags>();
  WithExchangeAndNumber(stage->add_subcommand(name, help), flags)
      ->callback([&context, flags, done] {
        context.Finish(RunMove(context, *flags, done, [&](instance::Instance& i, int64_t id) {
          return kMove(i, id, flags->number);
        }));
      });
}

}  // namespace

void AddStageCommands(CLI::App& app, CommandContext& context) {
  CLI::App* exchange = app.get_subcommand("exchange");
  CLI::App* stage = exchange->add_subcommand(
      "stage", "The stages of an agreed exchange: plan, list, start, complete, postpone");
  stage->require_subcommand(1);
  {
    auto flags = std::make_shared<StageFlags>();
    auto* add = stage->add_subcommand("add", "Mediator: plan a stage of the agreed version");
    add->add_option("ID", flags->exchange, "The exchange (X1)")->required();
    add->add_option("--name", flags->name, "The stage's name (\"Day 1\")")->required();
    add->add_option("--date", flags->date, "The planned day, YYYY-MM-DD")->required();
    add->add_option("--place", flags->place, "Where the handovers take place")->required();
    add->add_option("--persons", flags->persons_file, "CSV with a `person` column");
    SetCallback(add, context, flags, RunAdd);
  }
  {
    auto flags = std::make_shared<StageFlags>();
    auto* assign = WithExchangeAndNumber(
        stage->add_subcommand("assign", "Mediator: add persons to a planned stage"), flags);
    assign->add_option("--persons", flags->persons_file, "CSV with a `person` column")
        ->required();
    SetCallback(assign, context, flags, RunAssign);
  }
  {
    auto flags = std::make_shared<StageFlags>();
    auto* list = stage->add_subcommand("list", "The stages, their counts and states");
    list->add_option("ID", flags->exchange, "The exchange (X1)")->required();
    SetCallback(list, context, flags, RunList);
  }
  {
    auto flags = std::make_shared<StageFlags>();
    SetCallback(WithExchangeAndNumber(stage->add_subcommand("show", "One stage and its persons"),
                                      flags),
                context, flags, RunShow);
  }
  AddMoveCommand<negotiation::StartStage>(
      stage, context, "start", "Mediator: start a stage (its persons ready or not travelling)",
      "started");
  AddMoveCommand<negotiation::CompleteStage>(
      stage, context, "complete",
      "Mediator: complete a stage (each person handed over or not travelling)", "completed");
  {
    auto flags = std::make_shared<StageFlags>();
    auto* postpone = WithExchangeAndNumber(
        stage->add_subcommand("postpone", "Mediator: move a planned stage to a later day"),
        flags);
    postpone->add_option("--date", flags->date, "The new day, YYYY-MM-DD")->required();
    postpone->add_option("--reason", flags->reason, "Why (logged)")->required();
    SetCallback(postpone, context, flags, [](CommandContext& c, const StageFlags& f) {
      return RunMove(c, f, "postponed", [&](instance::Instance& i, int64_t id) {
        return negotiation::PostponeStage(i, id, f.number, f.date, f.reason);
      });
    });
  }
}

}  // namespace canje::cli
