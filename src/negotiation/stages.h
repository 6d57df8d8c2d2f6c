// An agreed exchange executed in stages (docs/workflow.md, "Stages"): the mediator divides the
// persons of the agreed version into stages, each with a number, a name, a planned day and a
// place; each stage starts, is handed over and completes on its own.
//
// Rules:
//  - A stage is planned (Action::kChangeExchangeState: a mediator) while the exchange is agreed,
//    verifying or executing. Its persons are persons of the agreed version, each in at most one
//    stage, none already handed over; they may be given later (AssignToStage) while the stage
//    is planned. Numbers are given in the order stages are planned (1, 2, ...).
//  - An exchange without stages is executed as today, as one implicit stage: nothing below
//    applies to it.
//  - A stage starts (planned -> started) only while the exchange is executing, when every
//    party's signature of the exchange's agreed version verifies (a re-planned version is signed
//    again before its new persons travel) and every person of the stage is ready or recorded as
//    not travelling, today. Stages may run at the same time.
//  - The exchange may move to executing when its first stage may start: the planned stage with
//    the earliest planned day (then the lowest number), its persons ready or not travelling.
//  - A handover of a person of a staged exchange is refused unless the person's stage started
//    and is not completed (a person in no stage: refused too).
//  - A stage completes (started -> completed) when each of its persons was handed over or is
//    recorded as not travelling. The exchange completes when every stage completed (and, as
//    before, every person of the agreed version was handed over or did not travel).
//  - A planned stage may be postponed to a later day, with a reason (sealed; each postponement
//    is an event with the old and new day and the reason).
//  - Re-planning (proposal_actions.h): when a version countering the agreed one is agreed while
//    the exchange executes, the persons it leaves out are taken out of their stages; the
//    handed-over persons it must keep stay in theirs; the new persons are in no stage until the
//    mediator assigns them.
// Reading (Action::kReadExecution) is as for readiness (execution.h). Every change is one
// transaction with its event (instance::Instance::Change).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "negotiation/execution.h"
#include "negotiation/execution_files.h"
#include "negotiation/proposal.h"
#include "store/stage_tables.h"

namespace canje::negotiation {

struct NewStage {
  std::string name;
  std::string date;   // YYYY-MM-DD
  std::string place;
  std::vector<StagePerson> persons;  // may be empty: assigned later
};

// A stage's number as text ("1", "2", ...); kUsage for anything else.
Result<int64_t> ParseStageNumber(std::string_view text);

// One stage as read: its plan, its persons (the agreed version's transfers, by person id) and
// what became of them.
struct StageView {
  store::StageRow stage;
  std::vector<Transfer> persons;
  std::map<std::string, int64_t> counts;  // "SLV>VEN" -> persons, per direction
  int64_t handed_over = 0;
  int64_t not_travelling = 0;
};

// The stages of an exchange and who is in which, from the store (no access check: the callers
// have checked it). Empty `stages` for an exchange executed as one.
struct StagePlan {
  std::vector<store::StageRow> stages;   // by number
  std::map<int64_t, int64_t> stage_of;   // person -> stage number
  const store::StageRow* Find(int64_t number) const;
};
Result<StagePlan> LoadStagePlan(store::Store& store, protect::Vault& vault, int64_t exchange_id);

// Plans a stage; returns its number. kUsage for an empty name or place, a day that is not
// YYYY-MM-DD; kInvalid for a state in which stages are not planned and for every person who
// is not on the agreed version, listed twice, already in a stage or handed over (all named).
Result<int64_t> PlanStage(instance::Instance& instance, int64_t exchange_id, const NewStage& stage);
// Adds persons to a planned stage, with the same checks.
Status AssignToStage(instance::Instance& instance, int64_t exchange_id, int64_t number,
                     const std::vector<StagePerson>& persons);

Result<std::vector<StageView>> ListStages(instance::Instance& instance, int64_t exchange_id);
// kNotFound for a stage the exchange does not have.
Result<StageView> ShowStage(instance::Instance& instance, int64_t exchange_id, int64_t number);

// The moves of a stage; each returns the stage as it is now. kInvalid naming why not.
Result<StageView> StartStage(instance::Instance& instance, int64_t exchange_id, int64_t number);
Result<StageView> CompleteStage(instance::Instance& instance, int64_t exchange_id,
                                int64_t number);
Result<StageView> PostponeStage(instance::Instance& instance, int64_t exchange_id, int64_t number,
                                const std::string& date, const std::string& reason);

// Readiness (execution.h) of the persons of one stage only; the totals count them alone.
Result<ReadinessReport> StageReadiness(instance::Instance& instance, int64_t exchange_id,
                                       int64_t number, const std::string& date);
// The reconciliation (execution.h) of the persons of one stage: agreed counts and
// differences for them alone, and the parties' reports of that stage (`exchange report
// --stage N`); reports of the whole exchange are left out.
Result<ExchangeReconciliation> ReconcileStage(instance::Instance& instance, int64_t exchange_id,
                                              int64_t number, const std::string& date);

// Guards used by execution.cc, on the store as read there (no access check).
// A count of stage `number` (execution.h, ReportCount): Ok when the exchange has that stage;
// kNotFound naming the stages it has otherwise.
Status CheckHasStage(instance::Instance& instance, int64_t exchange_id, int64_t number);
// Executing: Ok when there are no stages or the first planned stage may start (kInvalid naming
// who lacks what otherwise, as CheckReadyToExecute).
Status CheckFirstStageMayStart(instance::Instance& instance, int64_t exchange_id,
                               const ReadinessReport& readiness);
// Handover: Ok when there are no stages or the person's stage is started.
Status CheckStageStarted(const StagePlan& plan, int64_t exchange_id, int64_t person_id);
// Completion: Ok when every stage completed.
Status CheckEveryStageCompleted(const StagePlan& plan, int64_t exchange_id);

// Re-planning (proposal_actions.cc, in the agreement's transaction): takes out of their stages
// the persons the new agreed version leaves out; returns them.
Result<std::vector<int64_t>> DropStagePersonsNotIn(instance::Recorder& recorder,
                                                   int64_t exchange_id,
                                                   const std::vector<Transfer>& transfers);

}  // namespace canje::negotiation
