#include "negotiation/stages.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/clock.h"
#include "instance/event_types.h"
#include "instance/ids.h"
#include "instance/sealed_texts.h"
#include "negotiation/agreement.h"
#include "negotiation/batch_problems.h"
#include "negotiation/exchange.h"
#include "negotiation/hold_scope.h"
#include "negotiation/proposal_actions.h"

namespace canje::negotiation {
namespace {

using instance::Action;
using instance::Instance;
using instance::PersonId;

constexpr std::string_view kPlanned = "planned";
constexpr std::string_view kStarted = "started";
constexpr std::string_view kCompleted = "completed";

std::string StageName(const store::StageRow& stage) {
  return "stage " + std::to_string(stage.number) + " (" + stage.name + ")";
}

// The stage `number` of `plan`, or kNotFound naming the stages there are.
Result<store::StageRow> StageOf(const StagePlan& plan, int64_t exchange_id, int64_t number) {
  if (const store::StageRow* stage = plan.Find(number)) return *stage;
  const std::string exchange = ExchangeId(exchange_id);
  if (plan.stages.empty()) {
    return Status::NotFound(exchange + " has no stages; plan one with canje exchange stage add " +
                            exchange);
  }
  return Status::NotFound(exchange + " has no stage " + std::to_string(number) + "; its stages are 1 to " +
                          std::to_string(plan.stages.size()));
}

StageView ViewOf(const store::StageRow& stage, const StagePlan& plan,
                 const ReadinessReport& readiness) {
  StageView view;
  view.stage = stage;
  for (const PersonReadiness& entry : readiness.persons) {
    auto found = plan.stage_of.find(entry.transfer.person_id);
    if (found == plan.stage_of.end() || found->second != stage.number) continue;
    view.persons.push_back(entry.transfer);
    ++view.counts[entry.transfer.from + ">" + entry.transfer.to];
    if (entry.status == "handed over") ++view.handed_over;
    if (entry.status == "not travelling") ++view.not_travelling;
  }
  return view;
}

// Keeps the persons of stage `number` in `report` and counts them again.
void KeepStage(ReadinessReport& report, const StagePlan& plan, int64_t number) {
  std::vector<PersonReadiness> kept;
  report.ready = report.blocked = report.not_travelling = report.handed_over = 0;
  for (PersonReadiness& entry : report.persons) {
    auto found = plan.stage_of.find(entry.transfer.person_id);
    if (found == plan.stage_of.end() || found->second != number) continue;
    if (entry.status == "ready") ++report.ready;
    if (entry.status == "blocked") ++report.blocked;
    if (entry.status == "not travelling") ++report.not_travelling;
    if (entry.status == "handed over") ++report.handed_over;
    kept.push_back(std::move(entry));
  }
  report.persons = std::move(kept);
}

// The first stage that may start: planned, earliest planned day, then lowest number.
const store::StageRow* FirstPlanned(const StagePlan& plan) {
  const store::StageRow* first = nullptr;
  for (const store::StageRow& stage : plan.stages) {
    if (stage.state != kPlanned) continue;
    if (first == nullptr || stage.planned_on < first->planned_on) first = &stage;
  }
  return first;
}

// Checks the persons for a stage: on the agreed version, not listed twice, in no stage, not
// handed over. Every problem is named with the person's `where`.
Status CheckNewStagePersons(const ReadinessReport& readiness, const StagePlan& plan,
                            const std::vector<StagePerson>& persons) {
  std::map<int64_t, const PersonReadiness*> entries;
  for (const PersonReadiness& entry : readiness.persons) entries[entry.transfer.person_id] = &entry;
  const std::string version = VersionId(readiness.agreed_version);
  std::vector<Status> problems;
  std::map<int64_t, std::string> seen;
  for (const StagePerson& person : persons) {
    const std::string who = PersonId(person.person_id);
    auto problem = [&](const std::string& text) {
      problems.push_back(Status::Invalid(person.where + text));
    };
    auto entry = entries.find(person.person_id);
    if (entry == entries.end()) {
      problem(who + " is not on the agreed version " + version +
              "; a stage holds persons of the agreed version only");
      continue;
    }
    if (auto [it, fresh] = seen.emplace(person.person_id, person.where); !fresh) {
      problem(who + " is listed twice" +
              (it->second.empty() ? "" : " (first at " + it->second.substr(0, it->second.size() - 2) + ")"));
      continue;
    }
    if (auto in = plan.stage_of.find(person.person_id); in != plan.stage_of.end()) {
      problem(who + " already is in stage " + std::to_string(in->second) +
              "; a person is in one stage only");
      continue;
    }
    if (entry->second->status == "handed over") {
      problem(who + " was already handed over");
      continue;
    }
  }
  return JoinProblems(problems);
}

Status CheckPlannable(const ReadinessReport& readiness, int64_t exchange_id) {
  if (readiness.state == "agreed" || readiness.state == "verifying" ||
      readiness.state == "executing") {
    return Status::Ok();
  }
  return Status::Invalid("exchange " + ExchangeId(exchange_id) + " is " + readiness.state +
                         "; stages are planned while it is agreed, verifying or executing");
}

nlohmann::json StagePayload(int64_t exchange_id, const store::StageRow& stage) {
  return {{"exchange", ExchangeId(exchange_id)},
          {"stage", stage.number},
          {"name", stage.name},
          {"date", stage.planned_on}};
}

std::vector<std::string> Subjects(int64_t exchange_id, const std::vector<StagePerson>& persons) {
  std::vector<std::string> subjects = {ExchangeId(exchange_id)};
  for (const StagePerson& person : persons) subjects.push_back(PersonId(person.person_id));
  return subjects;
}

nlohmann::json PersonsJson(const std::vector<StagePerson>& persons) {
  nlohmann::json list = nlohmann::json::array();
  for (const StagePerson& person : persons) list.push_back(PersonId(person.person_id));
  return list;
}

Status WriteStagePersons(instance::Recorder& recorder, int64_t exchange_id, int64_t number,
                         const std::vector<StagePerson>& persons) {
  std::vector<store::StagePersonRow> rows;
  for (const StagePerson& person : persons) rows.push_back({exchange_id, person.person_id, number});
  return store::AddStagePersons(recorder.transaction(), rows);
}

// Everything a stage's command reads: the readiness of every person today and the plan.
struct Read {
  ReadinessReport readiness;
  StagePlan plan;
};

Result<Read> ReadAll(Instance& instance, int64_t exchange_id, const std::string& date = "") {
  Read read;
  CANJE_ASSIGN_OR_RETURN(read.readiness, ExchangeReadiness(instance, exchange_id, date));
  CANJE_ASSIGN_OR_RETURN(read.plan, LoadStagePlan(instance.store(), instance.vault(), exchange_id));
  return read;
}

// What moving a stage reads first: everything (ReadAll), stage `number`, and the head of a
// refusal to move it ("stage 2 of X1 cannot start: ", `cannot` being "cannot start").
struct StageToMove {
  Read read;
  store::StageRow stage;
  std::string head;
};

Result<StageToMove> ReadStageToMove(Instance& instance, int64_t exchange_id, int64_t number,
                                    std::string_view cannot) {
  StageToMove move;
  CANJE_ASSIGN_OR_RETURN(move.read, ReadAll(instance, exchange_id));
  CANJE_ASSIGN_OR_RETURN(move.stage, StageOf(move.read.plan, exchange_id, number));
  move.head =
      StageName(move.stage) + " of " + ExchangeId(exchange_id) + " " + std::string(cannot) + ": ";
  return move;
}

// Writes the stage's new row with its event of `type`; returns the stage as it is now.
Result<StageView> Move(Instance& instance, int64_t exchange_id, store::StageRow stage,
                       std::string_view type, nlohmann::json payload) {
  CANJE_RETURN_IF_ERROR(instance.Change([&](instance::Recorder& recorder) -> Status {
    CANJE_ASSIGN_OR_RETURN(stage.event_seq,
                           recorder.Record(type, {ExchangeId(exchange_id)}, payload));
    instance::SealStageTexts(recorder.vault(), stage);
    return store::PutStage(recorder.transaction(), stage);
  }));
  return ShowStage(instance, exchange_id, stage.number);
}

}  // namespace

Result<int64_t> ParseStageNumber(std::string_view text) {
  int64_t number = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || number > 1000000) {
      number = 0;
      break;
    }
    number = number * 10 + (c - '0');
  }
  if (number < 1) {
    return Status::Usage("a stage is a number from 1, not '" + std::string(text) + "'");
  }
  return number;
}

const store::StageRow* StagePlan::Find(int64_t number) const {
  for (const store::StageRow& stage : stages) {
    if (stage.number == number) return &stage;
  }
  return nullptr;
}

Result<StagePlan> LoadStagePlan(store::Store& store, protect::Vault& vault, int64_t exchange_id) {
  StagePlan plan;
  CANJE_ASSIGN_OR_RETURN(plan.stages, store::StagesOf(store, exchange_id));
  CANJE_RETURN_IF_ERROR(instance::OpenStages(vault, plan.stages));
  CANJE_ASSIGN_OR_RETURN(auto persons, store::StagePersonsOf(store, exchange_id));
  for (const store::StagePersonRow& row : persons) plan.stage_of[row.person_id] = row.stage;
  return plan;
}

Result<int64_t> PlanStage(Instance& instance, int64_t exchange_id, const NewStage& stage) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kChangeExchangeState));
  if (stage.name.empty()) return Status::Usage("name the stage: --name \"Day 1\"");
  CANJE_RETURN_IF_ERROR(CheckDay(stage.date, "--date"));
  if (stage.place.empty()) return Status::Usage("say where the stage takes place: --place TEXT");
  CANJE_ASSIGN_OR_RETURN(Read read, ReadAll(instance, exchange_id));
  CANJE_RETURN_IF_ERROR(CheckPlannable(read.readiness, exchange_id));
  CANJE_RETURN_IF_ERROR(CheckNewStagePersons(read.readiness, read.plan, stage.persons));
  store::StageRow row;
  row.exchange_id = exchange_id;
  row.number = static_cast<int64_t>(read.plan.stages.size()) + 1;
  row.name = stage.name;
  row.planned_on = stage.date;
  row.place = stage.place;
  row.state = std::string(kPlanned);
  row.created_at = NowRfc3339();
  row.created_by = instance.actor().user;
  CANJE_RETURN_IF_ERROR(instance.Change([&](instance::Recorder& recorder) -> Status {
    CANJE_ASSIGN_OR_RETURN(auto now, store::StagesOf(recorder.transaction().store(), exchange_id));
    if (static_cast<int64_t>(now.size()) + 1 != row.number) {
      return Status::Conflict("another stage of " + ExchangeId(exchange_id) +
                              " was planned meanwhile; list the stages and plan again");
    }
    nlohmann::json payload = StagePayload(exchange_id, row);
    payload["place"] = row.place;
    payload["persons"] = PersonsJson(stage.persons);
    CANJE_ASSIGN_OR_RETURN(row.event_seq,
                           recorder.Record(events::kExecutionStagePlanned,
                                           Subjects(exchange_id, stage.persons), payload));
    instance::SealStageTexts(recorder.vault(), row);
    CANJE_RETURN_IF_ERROR(store::PutStage(recorder.transaction(), row));
    return WriteStagePersons(recorder, exchange_id, row.number, stage.persons);
  }));
  return row.number;
}

Status AssignToStage(Instance& instance, int64_t exchange_id, int64_t number,
                     const std::vector<StagePerson>& persons) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kChangeExchangeState));
  if (persons.empty()) return Status::Usage("name the persons to assign: --persons FILE.csv");
  CANJE_ASSIGN_OR_RETURN(Read read, ReadAll(instance, exchange_id));
  CANJE_RETURN_IF_ERROR(CheckPlannable(read.readiness, exchange_id));
  CANJE_ASSIGN_OR_RETURN(store::StageRow stage, StageOf(read.plan, exchange_id, number));
  if (stage.state != kPlanned) {
    return Status::Invalid(StageName(stage) + " of " + ExchangeId(exchange_id) + " is " +
                           stage.state + "; persons are assigned to a planned stage only (plan "
                           "another: canje exchange stage add " + ExchangeId(exchange_id) + ")");
  }
  CANJE_RETURN_IF_ERROR(CheckNewStagePersons(read.readiness, read.plan, persons));
  return instance.Change([&](instance::Recorder& recorder) -> Status {
    nlohmann::json payload = StagePayload(exchange_id, stage);
    payload["persons"] = PersonsJson(persons);
    CANJE_RETURN_IF_ERROR(recorder
                              .Record(events::kExecutionStageAssigned,
                                      Subjects(exchange_id, persons), payload)
                              .status());
    return WriteStagePersons(recorder, exchange_id, number, persons);
  });
}

Result<std::vector<StageView>> ListStages(Instance& instance, int64_t exchange_id) {
  CANJE_ASSIGN_OR_RETURN(Read read, ReadAll(instance, exchange_id));
  std::vector<StageView> views;
  for (const store::StageRow& stage : read.plan.stages) {
    views.push_back(ViewOf(stage, read.plan, read.readiness));
  }
  return views;
}

Result<StageView> ShowStage(Instance& instance, int64_t exchange_id, int64_t number) {
  CANJE_ASSIGN_OR_RETURN(Read read, ReadAll(instance, exchange_id));
  CANJE_ASSIGN_OR_RETURN(store::StageRow stage, StageOf(read.plan, exchange_id, number));
  return ViewOf(stage, read.plan, read.readiness);
}

Result<StageView> StartStage(Instance& instance, int64_t exchange_id, int64_t number) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kChangeExchangeState));
  CANJE_ASSIGN_OR_RETURN(StageToMove move,
                         ReadStageToMove(instance, exchange_id, number, "cannot start"));
  auto& [read, stage, head] = move;
  const std::string exchange = ExchangeId(exchange_id);
  if (read.readiness.state != "executing") {
    return Status::Invalid(head + "the exchange is " + read.readiness.state +
                           "; a stage starts once it is executing (canje exchange advance " +
                           exchange + " --to executing)");
  }
  if (stage.state != kPlanned) return Status::Invalid(head + "it is " + stage.state);
  const std::string version = VersionId(read.readiness.agreed_version);
  CANJE_ASSIGN_OR_RETURN(AgreementCheck check, VerifyAgreement(instance, read.readiness.agreed_version));
  if (!check.complete) {
    std::string missing;
    for (const auto& line : check.parties) {
      if (line.status != "valid") missing += (missing.empty() ? "" : ", ") + line.party;
    }
    return Status::Invalid(head + "the agreed version " + version + " lacks valid signatures of " +
                           missing + " (canje agreement verify " + version + ")");
  }
  ReadinessReport persons = read.readiness;
  KeepStage(persons, read.plan, number);
  std::vector<std::string> lacking = NotReadyPersons(persons);
  if (!lacking.empty()) {
    return Status::Invalid(head + std::to_string(lacking.size()) + " of " +
                           std::to_string(persons.persons.size()) +
                           " persons are neither ready nor recorded as not travelling: " +
                           NameSome(lacking) + "; see canje exchange readiness " + exchange +
                           " --stage " + std::to_string(number));
  }
  stage.state = std::string(kStarted);
  stage.started_at = NowRfc3339();
  nlohmann::json payload = StagePayload(exchange_id, stage);
  payload["version"] = version;
  return Move(instance, exchange_id, stage, events::kExecutionStageStarted, payload);
}

Result<StageView> CompleteStage(Instance& instance, int64_t exchange_id, int64_t number) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kChangeExchangeState));
  CANJE_ASSIGN_OR_RETURN(StageToMove move,
                         ReadStageToMove(instance, exchange_id, number, "cannot be completed"));
  auto& [read, stage, head] = move;
  if (stage.state != kStarted) {
    return Status::Invalid(head + "it is " + stage.state + "; only a started stage completes");
  }
  ReadinessReport persons = read.readiness;
  KeepStage(persons, read.plan, number);
  std::vector<std::string> open;
  for (const PersonReadiness& entry : persons.persons) {
    if (entry.status == "handed over" || entry.status == "not travelling") continue;
    open.push_back(PersonId(entry.transfer.person_id) + " (to " + entry.transfer.to + ")");
  }
  if (!open.empty()) {
    return Status::Invalid(head + std::to_string(open.size()) + " of " +
                           std::to_string(persons.persons.size()) +
                           " persons were neither handed over nor recorded as not travelling: " +
                           NameSome(open) +
                           ". Record their handover (canje handover record) or why they did not "
                           "travel (canje exchange not-travelling)");
  }
  stage.state = std::string(kCompleted);
  stage.completed_at = NowRfc3339();
  nlohmann::json payload = StagePayload(exchange_id, stage);
  payload["handed_over"] = persons.handed_over;
  payload["not_travelling"] = persons.not_travelling;
  return Move(instance, exchange_id, stage, events::kExecutionStageCompleted, payload);
}

Result<StageView> PostponeStage(Instance& instance, int64_t exchange_id, int64_t number,
                                const std::string& date, const std::string& reason) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kChangeExchangeState));
  CANJE_RETURN_IF_ERROR(CheckDay(date, "--date"));
  if (reason.empty()) return Status::Usage("say why the stage is postponed: --reason \"...\"");
  CANJE_ASSIGN_OR_RETURN(StageToMove move,
                         ReadStageToMove(instance, exchange_id, number, "cannot be postponed"));
  auto& [read, stage, head] = move;
  if (stage.state != kPlanned) {
    return Status::Invalid(head + "it is " + stage.state + "; only a planned stage is postponed");
  }
  if (date <= stage.planned_on) {
    return Status::Usage(head + "--date " + date + " is not later than its planned day " +
                         stage.planned_on + "; give a later day");
  }
  nlohmann::json payload = StagePayload(exchange_id, stage);
  payload["from"] = stage.planned_on;
  payload["to"] = date;
  payload["reason"] = reason;
  payload.erase("date");
  stage.planned_on = date;
  stage.postponed_reason = reason;
  ++stage.postponements;
  return Move(instance, exchange_id, stage, events::kExecutionStagePostponed, payload);
}

Result<ReadinessReport> StageReadiness(Instance& instance, int64_t exchange_id, int64_t number,
                                       const std::string& date) {
  CANJE_ASSIGN_OR_RETURN(Read read, ReadAll(instance, exchange_id, date));
  CANJE_RETURN_IF_ERROR(StageOf(read.plan, exchange_id, number).status());
  KeepStage(read.readiness, read.plan, number);
  return read.readiness;
}

Result<ExchangeReconciliation> ReconcileStage(Instance& instance, int64_t exchange_id,
                                              int64_t number, const std::string& date) {
  CANJE_ASSIGN_OR_RETURN(ExchangeReconciliation whole,
                         ReconcileExchange(instance, exchange_id, date));
  CANJE_ASSIGN_OR_RETURN(StagePlan plan,
                         LoadStagePlan(instance.store(), instance.vault(), exchange_id));
  CANJE_RETURN_IF_ERROR(StageOf(plan, exchange_id, number).status());
  CANJE_ASSIGN_OR_RETURN(ExecutionFacts facts, ExecutionFactsOf(instance, exchange_id, date));
  auto in_stage = [&](int64_t person) {
    auto found = plan.stage_of.find(person);
    return found != plan.stage_of.end() && found->second == number;
  };
  std::erase_if(facts.agreed, [&](const Transfer& t) { return !in_stage(t.person_id); });
  std::erase_if(facts.handovers, [&](const auto& item) { return !in_stage(item.first); });
  std::erase_if(facts.not_travelling, [&](const auto& item) { return !in_stage(item.first); });
  std::erase_if(facts.verified, [&](int64_t person) { return !in_stage(person); });
  std::erase_if(facts.reports,
                [&](const store::ReportedCountRow& report) { return report.stage != number; });
  whole.counts = ReconcileCounts(facts, instance.role());
  return whole;
}

Status CheckHasStage(Instance& instance, int64_t exchange_id, int64_t number) {
  CANJE_ASSIGN_OR_RETURN(StagePlan plan,
                         LoadStagePlan(instance.store(), instance.vault(), exchange_id));
  return StageOf(plan, exchange_id, number).status();
}

Status CheckFirstStageMayStart(Instance& instance, int64_t exchange_id,
                               const ReadinessReport& readiness) {
  CANJE_ASSIGN_OR_RETURN(StagePlan plan,
                         LoadStagePlan(instance.store(), instance.vault(), exchange_id));
  if (plan.stages.empty()) return Status::Ok();
  const std::string exchange = ExchangeId(exchange_id);
  const store::StageRow* first = FirstPlanned(plan);
  if (first == nullptr) {
    return Status::Invalid("exchange " + exchange +
                           " cannot start executing: it has no planned stage");
  }
  ReadinessReport persons = readiness;
  KeepStage(persons, plan, first->number);
  std::vector<std::string> lacking = NotReadyPersons(persons);
  if (lacking.empty()) return Status::Ok();
  return Status::Invalid("exchange " + exchange + " cannot start executing: its first " +
                         StageName(*first) + ", planned for " + first->planned_on + ", has " +
                         std::to_string(lacking.size()) + " of " +
                         std::to_string(persons.persons.size()) +
                         " persons neither ready nor recorded as not travelling: " +
                         NameSome(lacking) + "; see canje exchange readiness " + exchange +
                         " --stage " + std::to_string(first->number));
}

Status CheckStageStarted(const StagePlan& plan, int64_t exchange_id, int64_t person_id) {
  if (plan.stages.empty()) return Status::Ok();
  const std::string who = PersonId(person_id);
  const std::string exchange = ExchangeId(exchange_id);
  auto found = plan.stage_of.find(person_id);
  if (found == plan.stage_of.end()) {
    return Status::Invalid(who + " is in no stage of " + exchange +
                           "; the mediator assigns them one (canje exchange stage assign " +
                           exchange + " N --persons FILE)");
  }
  const store::StageRow* stage = plan.Find(found->second);
  if (stage->state == kPlanned) {
    return Status::Invalid(who + " is in " + StageName(*stage) + ", planned for " +
                           stage->planned_on + ", which has not started; start it first (canje "
                           "exchange stage start " + exchange + " " +
                           std::to_string(stage->number) + ")");
  }
  if (stage->state == kCompleted) {
    return Status::Invalid(who + " is in " + StageName(*stage) + ", which is completed");
  }
  return Status::Ok();
}

Status CheckEveryStageCompleted(const StagePlan& plan, int64_t exchange_id) {
  std::vector<std::string> open;
  for (const store::StageRow& stage : plan.stages) {
    if (stage.state != kCompleted) open.push_back(StageName(stage) + " is " + stage.state);
  }
  if (open.empty()) return Status::Ok();
  return Status::Invalid("exchange " + ExchangeId(exchange_id) + " cannot be completed: " +
                         std::to_string(open.size()) + " of " + std::to_string(plan.stages.size()) +
                         " stages are not completed: " + NameSome(open) +
                         " (canje exchange stage complete " + ExchangeId(exchange_id) + " N)");
}

Result<std::vector<int64_t>> DropStagePersonsNotIn(instance::Recorder& recorder,
                                                   int64_t exchange_id,
                                                   const std::vector<Transfer>& transfers) {
  std::set<int64_t> kept;
  for (const Transfer& transfer : transfers) kept.insert(transfer.person_id);
  CANJE_ASSIGN_OR_RETURN(auto rows,
                         store::StagePersonsOf(recorder.transaction().store(), exchange_id));
  std::vector<int64_t> dropped;
  for (const store::StagePersonRow& row : rows) {
    if (!kept.contains(row.person_id)) dropped.push_back(row.person_id);
  }
  CANJE_RETURN_IF_ERROR(store::RemoveStagePersons(recorder.transaction(), exchange_id, dropped));
  return dropped;
}

}  // namespace canje::negotiation
