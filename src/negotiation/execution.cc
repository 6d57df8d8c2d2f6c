#include "negotiation/execution.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/clock.h"
#include "core/encoding.h"
#include "instance/event_types.h"
#include "instance/ids.h"
#include "instance/need_to_know.h"
#include "instance/sealed_texts.h"
#include "negotiation/agreement.h"
#include "negotiation/batch_problems.h"
#include "negotiation/exchange.h"
#include "negotiation/hold_scope.h"
#include "negotiation/proposal_actions.h"
#include "negotiation/stages.h"
#include "negotiation/workflow.h"
#include "protect/sealing_contexts.h"

namespace canje::negotiation {
namespace {

using instance::Action;
using instance::Instance;
using instance::PersonId;
using instance::Role;

// What the store says about an exchange's execution.
struct Loaded {
  store::ExchangeRow exchange;
  std::string state;
  int64_t agreed_version = 0;
  std::vector<Transfer> transfers;        // the agreed version's, by person
  std::map<int64_t, size_t> transfer_of;  // person -> index in transfers
  std::map<int64_t, store::NotTravellingRow> outcomes;
  std::map<int64_t, store::HandoverRow> handovers;

  const Transfer* TransferOf(int64_t person) const {
    auto found = transfer_of.find(person);
    return found == transfer_of.end() ? nullptr : &transfers[found->second];
  }
};

Result<Loaded> Load(Instance& instance, int64_t exchange_id) {
  store::Store& store = instance.store();
  Loaded loaded;
  CANJE_ASSIGN_OR_RETURN(loaded.exchange, FindVisibleExchange(instance, exchange_id));
  CANJE_ASSIGN_OR_RETURN(auto state, store::FindExchangeState(store, exchange_id));
  loaded.state = state ? state->state : std::string(ExchangeStateName(ExchangeState::kNegotiating));
  loaded.agreed_version = state ? state->agreed_version : 0;
  if (loaded.agreed_version == 0) {
    return Status::Invalid("exchange " + ExchangeId(exchange_id) + " is " + loaded.state +
                           " and has no agreed version yet; its execution starts once every "
                           "party accepts a named version");
  }
  CANJE_ASSIGN_OR_RETURN(auto transfers, store::TransfersOf(store, loaded.agreed_version));
  for (const store::TransferRow& row : transfers) {
    loaded.transfer_of[row.person_id] = loaded.transfers.size();
    loaded.transfers.push_back(
        {row.person_id, row.from_party, row.to_party, row.beneficiary, row.unconditional});
  }
  CANJE_ASSIGN_OR_RETURN(auto outcomes, store::NotTravellingOf(store, exchange_id));
  instance::PersonKeys keys(store, instance.vault());
  CANJE_RETURN_IF_ERROR(instance::OpenNotTravelling(keys, instance.vault(), outcomes));
  for (auto& row : outcomes) loaded.outcomes[row.person_id] = std::move(row);
  CANJE_ASSIGN_OR_RETURN(auto handovers, store::HandoversOf(store, exchange_id));
  CANJE_RETURN_IF_ERROR(instance::OpenHandovers(instance.vault(), handovers));
  for (auto& row : handovers) loaded.handovers[row.person_id] = std::move(row);
  return loaded;
}

// Obstacles of every listed person to their agreed destination on `date`.
Result<std::map<int64_t, std::vector<Obstacle>>> ObstaclesOn(store::Store& store,
                                                             protect::Vault& vault,
                                                             const Loaded& loaded,
                                                             const std::vector<int64_t>& persons,
                                                             const std::string& date) {
  std::map<std::string, std::vector<int64_t>> by_destination;
  for (int64_t person : persons) {
    const Transfer* transfer = loaded.TransferOf(person);
    if (transfer != nullptr) by_destination[transfer->to].push_back(person);
  }
  std::map<int64_t, std::vector<Obstacle>> all;
  for (const auto& [destination, ids] : by_destination) {
    CANJE_ASSIGN_OR_RETURN(auto some, TransferObstaclesForAll(store, vault, ids, destination, date));
    all.merge(some);
  }
  return all;
}

std::vector<int64_t> AllPersons(const Loaded& loaded) {
  std::vector<int64_t> persons;
  for (const Transfer& transfer : loaded.transfers) persons.push_back(transfer.person_id);
  return persons;
}

bool Has(const std::vector<Obstacle>& obstacles, ObstacleKind kind) {
  return std::any_of(obstacles.begin(), obstacles.end(),
                     [&](const Obstacle& o) { return o.kind == kind; });
}

std::string Describe(const store::NotTravellingRow& outcome, Role viewer) {
  return DescribeReason(outcome.reason, viewer) + " (recorded by " + outcome.recorded_by + " at " +
         outcome.recorded_at + ")";
}


Status CheckRfc3339Utc(const std::string& at, std::string_view where) {
  auto digits = [&](size_t from, size_t count, int max) {
    int value = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (i >= at.size() || at[i] < '0' || at[i] > '9') return false;
      value = value * 10 + (at[i] - '0');
    }
    return value <= max;
  };
  const bool shaped = at.size() == 20 && at[10] == 'T' && at[13] == ':' && at[16] == ':' &&
                      at[19] == 'Z' && digits(11, 2, 23) && digits(14, 2, 59) && digits(17, 2, 60);
  if (!shaped || !CheckDay(at.substr(0, 10), "--at").ok()) {
    return Status::Usage(std::string(where) + "--at '" + at +
                         "' is not a time in UTC; write it as 2025-07-18T14:05:00Z");
  }
  if (at > NowRfc3339()) {
    return Status::Usage(std::string(where) + "--at " + at +
                         " is in the future; record a handover once it happened");
  }
  return Status::Ok();
}

}  // namespace

const std::vector<std::string>& NotTravellingReasons() {
  static const std::vector<std::string> kReasons = {
      std::string(kRefusedConsent), "unfit", "deceased", "missing", "released-otherwise", "other"};
  return kReasons;
}

// ---- Readiness -----------------------------------------------------------------------------

Result<ReadinessReport> ExchangeReadiness(Instance& instance, int64_t exchange_id,
                                          const std::string& date) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadExecution));
  const std::string day = date.empty() ? TodayIso() : date;
  CANJE_RETURN_IF_ERROR(CheckDay(day, "--date"));
  CANJE_ASSIGN_OR_RETURN(Loaded loaded, Load(instance, exchange_id));
  CANJE_ASSIGN_OR_RETURN(auto obstacles,
                         ObstaclesOn(instance.store(), instance.vault(), loaded, AllPersons(loaded), day));
  const Role viewer = instance.role();
  ReadinessReport report;
  report.exchange = loaded.exchange;
  report.state = loaded.state;
  report.agreed_version = loaded.agreed_version;
  report.date = day;
  instance::PersonKeys keys(instance.store(), instance.vault());
  for (const Transfer& transfer : loaded.transfers) {
    PersonReadiness entry;
    entry.transfer = transfer;
    const int64_t person = transfer.person_id;
    auto handover = loaded.handovers.find(person);
    auto outcome = loaded.outcomes.find(person);
    if (handover != loaded.handovers.end()) {
      entry.status = "handed over";
      entry.handover = handover->second;
      ++report.handed_over;
    } else if (outcome != loaded.outcomes.end()) {
      entry.status = "not travelling";
      entry.reason = std::string(ReasonFor(outcome->second.reason, viewer));
      entry.reason_text = DescribeReason(outcome->second.reason, viewer);
      if (instance::ReadsPersonalAssessments(viewer) && !outcome->second.note_sealed.empty()) {
        CANJE_ASSIGN_OR_RETURN(auto key, keys.Of(person));
        if (key) {
          CANJE_ASSIGN_OR_RETURN(
              Bytes plain,
              instance.vault().Open(*key, outcome->second.note_sealed,
                                    protect::NotTravellingNoteContext(person, exchange_id)));
          entry.note = std::string(plain.begin(), plain.end());
        }
      }
      ++report.not_travelling;
    } else if (!obstacles[person].empty()) {
      entry.status = "blocked";
      entry.obstacles = ObstaclesAsRead(obstacles[person], viewer);
      ++report.blocked;
    } else {
      entry.status = "ready";
      ++report.ready;
    }
    report.persons.push_back(std::move(entry));
  }
  return report;
}

// ---- Not travelling ------------------------------------------------------------------------

Result<int64_t> RecordNotTravelling(Instance& instance, int64_t exchange_id,
                                    const std::vector<NewNotTravelling>& outcomes) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kRecordExecution));
  CANJE_ASSIGN_OR_RETURN(Loaded loaded, Load(instance, exchange_id));
  const std::string exchange = ExchangeId(exchange_id);
  const std::string version = VersionId(loaded.agreed_version);
  if (loaded.state != "verifying" && loaded.state != "executing") {
    return Status::Invalid("exchange " + exchange + " is " + loaded.state +
                           "; who does not travel is recorded while it is verifying or executing");
  }
  if (outcomes.empty()) return Status::Usage("no outcome to record");
  std::vector<int64_t> persons;
  for (const auto& outcome : outcomes) persons.push_back(outcome.person_id);
  CANJE_ASSIGN_OR_RETURN(auto obstacles,
                         ObstaclesOn(instance.store(), instance.vault(), loaded, persons, TodayIso()));
  const auto& reasons = NotTravellingReasons();
  std::vector<Status> problems;
  std::map<int64_t, std::string> seen;  // person -> where first listed
  for (const NewNotTravelling& outcome : outcomes) {
    const std::string who = PersonId(outcome.person_id);
    auto problem = [&](Status status) {
      problems.push_back(Status(status.code(), outcome.where + status.message()));
    };
    if (std::find(reasons.begin(), reasons.end(), outcome.reason) == reasons.end()) {
      std::string names;
      for (const auto& name : reasons) names += (names.empty() ? "" : ", ") + name;
      problem(
          Status::Usage("reason '" + outcome.reason + "' is not accepted; use one of " + names));
      continue;
    }
    const Transfer* transfer = loaded.TransferOf(outcome.person_id);
    if (transfer == nullptr) {
      problem(
          Status::Invalid(who + " is not on the agreed version " + version + " of " + exchange));
      continue;
    }
    if (auto [it, fresh] = seen.emplace(outcome.person_id, outcome.where); !fresh) {
      problem(Status::Invalid(who + " is listed twice" +
                              (it->second.empty() ? "" : " (first at " + it->second + ")")));
      continue;
    }
    if (auto handover = loaded.handovers.find(outcome.person_id);
        handover != loaded.handovers.end()) {
      problem(Status::Invalid(who + " was handed over to " + handover->second.to_party + " at " +
                              handover->second.handed_over_at + "; they travelled"));
      continue;
    }
    if (auto earlier = loaded.outcomes.find(outcome.person_id); earlier != loaded.outcomes.end()) {
      problem(Status::Invalid(who + " is already recorded as not travelling: " +
                              Describe(earlier->second, instance.role())));
      continue;
    }
    const std::vector<Obstacle>& stands = obstacles[outcome.person_id];
    if (outcome.reason == kRefusedConsent && !Has(stands, ObstacleKind::kConsentRefused)) {
      problem(Status::Invalid(who + "'s latest interview about " + transfer->to +
                              " does not refuse; refused-consent is recorded only after the "
                              "person's own refusal in an interview (canje interview record)"));
      continue;
    }
    if (outcome.reason == "unfit" && !Has(stands, ObstacleKind::kUnfitToTravel) &&
        !(instance.role() == Role::kVerifier && !outcome.note.empty())) {
      problem(Status::Invalid(
          who + "'s latest interview about " + transfer->to +
          " says fit to travel; unfit is recorded after an interview that says not fit, or by a "
          "verifier with --note saying who assessed it and when"));
      continue;
    }
    if (outcome.reason == "other" && outcome.note.empty()) {
      problem(Status::Usage(who + ": reason other needs --note saying what happened"));
    }
  }
  CANJE_RETURN_IF_ERROR(JoinProblems(problems));
  CANJE_RETURN_IF_ERROR(instance.Change([&](instance::Recorder& recorder) -> Status {
    for (const NewNotTravelling& outcome : outcomes) {
      const std::string who = PersonId(outcome.person_id);
      store::NotTravellingRow row;
      row.exchange_id = exchange_id;
      row.person_id = outcome.person_id;
      row.reason = outcome.reason;
      instance::PersonKeys keys(recorder.transaction().store(), recorder.vault());
      CANJE_ASSIGN_OR_RETURN(auto person_key, keys.Of(outcome.person_id));
      if (!person_key) {
        return Status::Conflict(outcome.where + who +
                                " was erased; nothing more is recorded about them");
      }
      CANJE_RETURN_IF_ERROR(instance::SealNotTravellingReason(keys, recorder.vault(), row));
      if (!outcome.note.empty()) {
        row.note_sealed = recorder.vault().Seal(
            *person_key, AsBytes(outcome.note),
            protect::NotTravellingNoteContext(outcome.person_id, exchange_id));
      }
      CANJE_ASSIGN_OR_RETURN(row.event_seq,
                             recorder.Record(events::kExecutionNotTravelling, {exchange, who},
                                             {{"exchange", exchange},
                                              {"version", version},
                                              {"person", who},
                                              {"reason", outcome.reason},
                                              {"note", outcome.note}}));
      CANJE_RETURN_IF_ERROR(store::AddNotTravelling(recorder.transaction(), row));
    }
    return Status::Ok();
  }));
  return static_cast<int64_t>(outcomes.size());
}

// ---- Handovers -----------------------------------------------------------------------------

Result<int64_t> RecordHandovers(Instance& instance, int64_t exchange_id,
                                const std::vector<NewHandover>& handovers) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kRecordExecution));
  CANJE_ASSIGN_OR_RETURN(Loaded loaded, Load(instance, exchange_id));
  const std::string exchange = ExchangeId(exchange_id);
  const std::string version = VersionId(loaded.agreed_version);
  if (loaded.state != "executing") {
    return Status::Invalid("exchange " + exchange + " is " + loaded.state +
                           "; handovers are recorded only while it is executing (a mediator "
                           "moves it: canje exchange advance " +
                           exchange + " --to executing)");
  }
  if (handovers.empty()) return Status::Usage("no handover to record");
  CANJE_ASSIGN_OR_RETURN(StagePlan plan,
                         LoadStagePlan(instance.store(), instance.vault(), exchange_id));
  std::vector<Status> problems;
  std::map<int64_t, std::string> seen;
  // Well-formed items on the list, grouped by the day of the handover for the eligibility check.
  std::map<std::string, std::vector<const NewHandover*>> by_day;
  for (const NewHandover& handover : handovers) {
    const std::string who = PersonId(handover.person_id);
    auto problem = [&](Status status) {
      problems.push_back(Status(status.code(), handover.where + status.message()));
    };
    if (Status at = CheckRfc3339Utc(handover.at, ""); !at.ok()) {
      problem(at);
      continue;
    }
    if (handover.place.empty()) {
      problem(Status::Usage(who + ": say where the handover took place (--place)"));
      continue;
    }
    const bool witnessed = !handover.witnesses.empty() &&
                           std::none_of(handover.witnesses.begin(), handover.witnesses.end(),
                                        [](const std::string& witness) { return witness.empty(); });
    if (!witnessed) {
      problem(Status::Usage(who + ": name every witness of the handover (--witness NAME ...)"));
      continue;
    }
    const Transfer* transfer = loaded.TransferOf(handover.person_id);
    if (transfer == nullptr) {
      problem(Status::Invalid(who + " is not on the agreed version " + version + " of " + exchange +
                              "; only the persons agreed are handed over"));
      continue;
    }
    if (handover.to != transfer->to) {
      problem(Status::Invalid(who + " goes to " + transfer->to + " under " + version + ", not to " +
                              handover.to));
      continue;
    }
    if (Status staged = CheckStageStarted(plan, exchange_id, handover.person_id); !staged.ok()) {
      problem(staged);
      continue;
    }
    if (auto [it, fresh] = seen.emplace(handover.person_id, handover.where); !fresh) {
      problem(Status::Invalid(who + " is listed twice" +
                              (it->second.empty() ? "" : " (first at " + it->second + ")")));
      continue;
    }
    if (auto done = loaded.handovers.find(handover.person_id); done != loaded.handovers.end()) {
      problem(Status::Invalid(who + " was already handed over to " + done->second.to_party +
                              " at " + done->second.handed_over_at + " (recorded by " +
                              done->second.recorded_by + ")"));
      continue;
    }
    if (auto outcome = loaded.outcomes.find(handover.person_id); outcome != loaded.outcomes.end()) {
      problem(Status::Invalid(
          who + " is recorded as not travelling: " + Describe(outcome->second, instance.role())));
      continue;
    }
    by_day[handover.at.substr(0, 10)].push_back(&handover);
  }
  for (const auto& [day, items] : by_day) {
    std::vector<int64_t> persons;
    for (const NewHandover* item : items) persons.push_back(item->person_id);
    CANJE_ASSIGN_OR_RETURN(auto obstacles, ObstaclesOn(instance.store(), instance.vault(), loaded, persons, day));
    for (const NewHandover* item : items) {
      const std::vector<Obstacle>& stands = obstacles[item->person_id];
      if (stands.empty()) continue;
      const bool forbidden = NoOverrideExists(stands);
      std::string reasons;
      for (const std::string& reason : DescribeObstacles(stands, instance.role())) {
        reasons += (reasons.empty() ? "" : "; ") + reason;
      }
      const std::string message = item->where + PersonId(item->person_id) +
                                  " cannot be handed over to " + item->to + " on " + day + ": " +
                                  reasons;
      problems.push_back(
          forbidden ? Status::NotPermitted(message +
                                           " (no override exists for a legal hold or a personal "
                                           "assessment)")
                    : Status::Invalid(message));
    }
  }
  CANJE_RETURN_IF_ERROR(JoinProblems(problems));
  CANJE_RETURN_IF_ERROR(instance.Change([&](instance::Recorder& recorder) -> Status {
    for (const NewHandover& handover : handovers) {
      const std::string who = PersonId(handover.person_id);
      store::HandoverRow row;
      row.exchange_id = exchange_id;
      row.person_id = handover.person_id;
      row.handed_over_at = handover.at;
      row.place = handover.place;
      row.to_party = handover.to;
      row.witnesses = handover.witnesses;
      instance::SealHandoverTexts(recorder.vault(), row);
      CANJE_ASSIGN_OR_RETURN(
          row.event_seq, recorder.Record(events::kExecutionHandedOver, {exchange, who, handover.to},
                                         {{"exchange", exchange},
                                          {"version", version},
                                          {"person", who},
                                          {"at", handover.at},
                                          {"place", handover.place},
                                          {"to", handover.to},
                                          {"witnesses", handover.witnesses}}));
      CANJE_RETURN_IF_ERROR(store::AddHandover(recorder.transaction(), row));
    }
    return Status::Ok();
  }));
  return static_cast<int64_t>(handovers.size());
}

Result<std::vector<store::HandoverRow>> ListHandovers(Instance& instance, int64_t exchange_id) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadExecution));
  CANJE_ASSIGN_OR_RETURN(Loaded loaded, Load(instance, exchange_id));
  std::vector<store::HandoverRow> rows;
  for (auto& [person, row] : loaded.handovers) rows.push_back(row);
  return rows;
}

// ---- Reported counts -----------------------------------------------------------------------

Result<std::pair<std::string, std::string>> ParseDirection(std::string_view text) {
  const size_t arrow = text.find('>');
  if (arrow == std::string_view::npos || arrow == 0 || arrow + 1 == text.size() ||
      text.find('>', arrow + 1) != std::string_view::npos) {
    return Status::Usage("--direction '" + std::string(text) +
                         "' is not a direction; write it as FROM>TO, such as SLV>VEN");
  }
  return std::make_pair(std::string(text.substr(0, arrow)), std::string(text.substr(arrow + 1)));
}

Result<int64_t> ReportCount(Instance& instance, int64_t exchange_id, const NewCountReport& report) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReportCount));
  CANJE_RETURN_IF_ERROR(
      instance::AuthorizeForParty(instance.role(), instance.actor().party, report.party));
  CANJE_ASSIGN_OR_RETURN(Loaded loaded, Load(instance, exchange_id));
  const std::string exchange = ExchangeId(exchange_id);
  if (loaded.state != "executing" && loaded.state != "completed") {
    return Status::Invalid("exchange " + exchange + " is " + loaded.state +
                           "; counts are reported once it is executing");
  }
  CANJE_ASSIGN_OR_RETURN(auto parties, store::ExchangeParties(instance.store(), exchange_id));
  auto in_exchange = [&](const std::string& code) {
    return std::any_of(parties.begin(), parties.end(),
                       [&](const store::ExchangePartyRow& row) { return row.party == code; });
  };
  for (const std::string* code : {&report.party, &report.from, &report.to}) {
    if (!in_exchange(*code)) {
      return Status::Invalid(*code + " is not a party to " + exchange);
    }
  }
  if (report.from == report.to) {
    return Status::Usage("--direction " + report.from + ">" + report.to +
                         " goes from a party to itself");
  }
  if (report.party != report.from && report.party != report.to) {
    return Status::Invalid(report.party + " is neither end of " + report.from + ">" + report.to +
                           "; a party reports what it sent or received");
  }
  if (report.count < 0) return Status::Usage("--count must be a number >= 0");
  if (report.stage < 0) return Status::Usage("--stage must be a stage's number (1, 2, ...)");
  if (report.stage > 0) CANJE_RETURN_IF_ERROR(CheckHasStage(instance, exchange_id, report.stage));
  std::vector<int64_t> persons = report.persons;
  if (report.has_persons) {
    std::sort(persons.begin(), persons.end());
    if (auto twice = std::adjacent_find(persons.begin(), persons.end()); twice != persons.end()) {
      return Status::Invalid(PersonId(*twice) + " is listed twice in " + report.party + "'s list");
    }
    if (static_cast<int64_t>(persons.size()) != report.count) {
      return Status::Invalid(report.party + "'s list names " + std::to_string(persons.size()) +
                             " persons but the count is " + std::to_string(report.count) +
                             "; give the count the list has, or no list");
    }
    for (int64_t person : persons) {
      CANJE_ASSIGN_OR_RETURN(auto found, instance.store().FindPerson(person));
      if (!found) return Status::NotFound("no person " + PersonId(person) + " in the list");
    }
  }
  int64_t id = 0;
  CANJE_RETURN_IF_ERROR(instance.Change([&](instance::Recorder& recorder) -> Status {
    store::ReportedCountRow row;
    row.exchange_id = exchange_id;
    row.party = report.party;
    row.from_party = report.from;
    row.to_party = report.to;
    row.count = report.count;
    row.stage = report.stage;
    row.has_persons = report.has_persons;
    row.persons = persons;
    row.note = report.note;
    CANJE_ASSIGN_OR_RETURN(row.id, store::NextReportedCountId(recorder.transaction()));
    instance::SealReportedCountNote(recorder.vault(), row);
    nlohmann::json listed = nlohmann::json::array();
    for (int64_t person : persons) listed.push_back(PersonId(person));
    nlohmann::json payload = {{"exchange", exchange},
                              {"party", report.party},
                              {"direction", report.from + ">" + report.to},
                              {"count", report.count},
                              {"note", report.note}};
    if (report.has_persons) payload["persons"] = listed;
    if (report.stage > 0) payload["stage"] = report.stage;
    CANJE_ASSIGN_OR_RETURN(row.event_seq, recorder.Record(events::kExecutionCountReported,
                                                          {exchange, report.party}, payload));
    CANJE_ASSIGN_OR_RETURN(id, store::AddReportedCount(recorder.transaction(), row));
    return Status::Ok();
  }));
  return id;
}

// ---- Reconciliation ------------------------------------------------------------------------

Result<ExecutionFacts> ExecutionFactsOf(Instance& instance, int64_t exchange_id,
                                        const std::string& date) {
  CANJE_ASSIGN_OR_RETURN(ReadinessReport readiness, ExchangeReadiness(instance, exchange_id, date));
  CANJE_ASSIGN_OR_RETURN(Loaded loaded, Load(instance, exchange_id));
  ExecutionFacts facts;
  facts.agreed = loaded.transfers;
  for (const auto& [person, row] : loaded.outcomes) facts.not_travelling[person] = row.reason;
  facts.handovers = loaded.handovers;
  for (const PersonReadiness& entry : readiness.persons) {
    if (entry.status == "ready" || entry.status == "handed over") {
      facts.verified.insert(entry.transfer.person_id);
    }
  }
  CANJE_ASSIGN_OR_RETURN(facts.reports, store::ReportedCountsOf(instance.store(), exchange_id));
  CANJE_RETURN_IF_ERROR(instance::OpenReportedCounts(instance.vault(), facts.reports));
  return facts;
}

Result<ExchangeReconciliation> ReconcileExchange(Instance& instance, int64_t exchange_id,
                                                 const std::string& date) {
  CANJE_ASSIGN_OR_RETURN(ExecutionFacts facts, ExecutionFactsOf(instance, exchange_id, date));
  store::Store& store = instance.store();
  CANJE_ASSIGN_OR_RETURN(Loaded loaded, Load(instance, exchange_id));
  ExchangeReconciliation result;
  result.exchange = loaded.exchange;
  result.state = loaded.state;
  result.agreed_version = loaded.agreed_version;
  result.date = date.empty() ? TodayIso() : date;
  result.generated_at = NowRfc3339();
  result.counts = ReconcileCounts(facts, instance.role());
  Result<AgreementCheck> check = VerifyAgreement(instance, loaded.agreed_version);
  if (check.ok()) {
    result.manifest_sha256 = check->manifest_sha256;
    for (const PartySignatureCheck& line : check->parties) {
      if (line.status == "valid") result.signatures.emplace_back(line.party, line.key_id);
    }
  } else if (check.status().code() != StatusCode::kNotPermitted) {
    return check.status();
  }
  CANJE_ASSIGN_OR_RETURN(result.log_size, store.EventCount());
  CANJE_ASSIGN_OR_RETURN(ledger::Hash root, store.TreeRoot(result.log_size));
  result.log_root = HexEncode(root);
  return result;
}

// ---- Guards of the exchange's moves ----------------------------------------------------------

std::string NameSome(const std::vector<std::string>& items) {
  std::string text;
  constexpr size_t kShown = 10;
  for (size_t i = 0; i < items.size() && i < kShown; ++i) text += (i == 0 ? "" : ", ") + items[i];
  if (items.size() > kShown) text += " and " + std::to_string(items.size() - kShown) + " more";
  return text;
}

std::vector<std::string> NotReadyPersons(const ReadinessReport& report) {
  std::vector<std::string> lacking;
  for (const PersonReadiness& entry : report.persons) {
    if (entry.status != "blocked") continue;
    std::string reasons;
    for (const ObstacleAsRead& obstacle : entry.obstacles) {
      reasons += (reasons.empty() ? "" : "; ") + obstacle.text;
    }
    lacking.push_back(PersonId(entry.transfer.person_id) + " (" + reasons + ")");
  }
  return lacking;
}

Status CheckReadyToExecute(Instance& instance, int64_t exchange_id) {
  CANJE_ASSIGN_OR_RETURN(ReadinessReport readiness, ExchangeReadiness(instance, exchange_id, ""));
  CANJE_ASSIGN_OR_RETURN(StagePlan plan,
                         LoadStagePlan(instance.store(), instance.vault(), exchange_id));
  // In stages, the exchange starts executing with its first stage (stages.h).
  if (!plan.stages.empty()) return CheckFirstStageMayStart(instance, exchange_id, readiness);
  const std::vector<std::string> lacking = NotReadyPersons(readiness);
  if (lacking.empty()) return Status::Ok();
  const std::string exchange = ExchangeId(exchange_id);
  return Status::Invalid(
      "exchange " + exchange + " cannot start executing: " + std::to_string(lacking.size()) +
      " of " + std::to_string(readiness.persons.size()) + " persons of " +
      VersionId(readiness.agreed_version) +
      " are neither ready nor recorded as not travelling: " + NameSome(lacking) +
      ". Interview them (canje interview record) or record why they do not travel (canje "
      "exchange not-travelling); see canje exchange readiness " +
      exchange);
}

Status CheckExecutionComplete(Instance& instance, int64_t exchange_id) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadExecution));
  CANJE_ASSIGN_OR_RETURN(Loaded loaded, Load(instance, exchange_id));
  std::vector<std::string> open;
  for (const Transfer& transfer : loaded.transfers) {
    if (loaded.handovers.contains(transfer.person_id)) continue;
    if (loaded.outcomes.contains(transfer.person_id)) continue;
    open.push_back(PersonId(transfer.person_id) + " (to " + transfer.to + ")");
  }
  if (open.empty()) {
    CANJE_ASSIGN_OR_RETURN(StagePlan plan,
                           LoadStagePlan(instance.store(), instance.vault(), exchange_id));
    return CheckEveryStageCompleted(plan, exchange_id);
  }
  const std::string exchange = ExchangeId(exchange_id);
  return Status::Invalid(
      "exchange " + exchange + " cannot be completed: " + std::to_string(open.size()) + " of " +
      std::to_string(loaded.transfers.size()) + " persons of " + VersionId(loaded.agreed_version) +
      " were neither handed over nor recorded as not travelling: " + NameSome(open) +
      ". Record their handover (canje handover record) or why they did not "
      "travel (canje exchange not-travelling)");
}

}  // namespace canje::negotiation
