#include "negotiation/interviews.h"

#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "core/clock.h"
#include "instance/event_types.h"
#include "instance/ids.h"
#include "instance/sealed_texts.h"
#include "negotiation/batch_problems.h"
#include "negotiation/hold_scope.h"
#include "negotiation/unerased_person.h"
#include "protect/sealing_contexts.h"
#include "store/holds_tables.h"

namespace canje::negotiation {
namespace {

Status CheckOneOf(const std::string& value, std::initializer_list<std::string_view> accepted,
                  std::string_view flag) {
  std::string names;
  for (std::string_view name : accepted) {
    if (value == name) return Status::Ok();
    names += names.empty() ? "" : ", ";
    names += name;
  }
  return Status::Usage(std::string(flag) + " '" + value + "' is not accepted; use one of " + names);
}

bool IsLater(const store::InterviewRow& a, const store::InterviewRow& b) {
  return std::tie(a.interviewed_on, a.id) > std::tie(b.interviewed_on, b.id);
}

}  // namespace

std::string InterviewId(int64_t id) { return "I" + std::to_string(id); }

namespace {

// An interview that passed every check, ready to be written.
struct CheckedInterview {
  NewInterview interview;
  std::string day;
  std::string subject;
  Bytes wrapped_key;  // the person's data key, wrapped
  RecordedInterview result;
};

// Every check of RecordInterview; reads only (inside a write transaction it sees the rows that
// transaction wrote, so a batch checks each interview against the ones before it). On a
// refusal, `member` names the value at fault (InterviewFault).
Result<CheckedInterview> CheckInterview(instance::Instance& instance,
                                        const NewInterview& interview, std::string& member) {
  auto at = [&member](std::string_view name, Status status) {
    member = name;
    return status;
  };
  CANJE_RETURN_IF_ERROR(
      at("identity", CheckOneOf(interview.identity, {"confirmed", "unconfirmed"}, "--identity")));
  CANJE_RETURN_IF_ERROR(at(
      "consent", CheckOneOf(interview.consent, {"consents", "refuses", "undecided"}, "--consent")));
  CANJE_RETURN_IF_ERROR(at("fit", CheckOneOf(interview.fit, {"yes", "no"}, "--fit")));
  std::string day = interview.interviewed_on.empty() ? TodayIso() : interview.interviewed_on;
  CANJE_RETURN_IF_ERROR(at("on", CheckDay(day, "--on")));
  if (day > TodayIso()) {
    return at("on", Status::Usage("--on " + day +
                                  " is in the future; record an interview once it is held"));
  }
  member.clear();
  std::string subject = instance::PersonId(interview.person_id);
  Result<store::PersonView> person = FindUnerasedPerson(instance.store(), interview.person_id);
  if (!person.ok()) return at("person", person.status());
  CANJE_ASSIGN_OR_RETURN(auto party, instance.store().FindParty(interview.destination));
  if (!party) {
    return at("destination",
              Status::NotFound("no party " + interview.destination +
                               " for --destination; a destination is a party code (see `canje "
                               "parties`)"));
  }
  CANJE_ASSIGN_OR_RETURN(
      auto earlier,
      store::Interviews(instance.store(), {interview.person_id, interview.destination}));
  instance::PersonKeys keys(instance.store(), instance.vault());
  CANJE_RETURN_IF_ERROR(instance::OpenInterviews(keys, instance.vault(), earlier));
  const store::InterviewRow* latest = nullptr;
  for (const store::InterviewRow& row : earlier) {
    if (latest == nullptr || IsLater(row, *latest)) latest = &row;
  }
  CheckedInterview checked;
  if (latest != nullptr) {
    if (day < latest->interviewed_on) {
      return at("on", Status::Invalid(
                          "the latest interview of " + subject + " about " +
                          interview.destination + " (" + InterviewId(latest->id) + ") is of " +
                          latest->interviewed_on + "; an interview of " + day +
                          " would not change the answer. Record the new interview with its "
                          "real day (--on " +
                          latest->interviewed_on + " or later)"));
    }
    checked.result.changes_refusal = latest->consent == "refuses" && interview.consent != "refuses";
  }
  if (checked.result.changes_refusal && interview.note.empty()) {
    return at("note",
              Status::Usage(subject + " refused a transfer to " + interview.destination + " in " +
                            InterviewId(latest->id) +
                            "; a new interview can change that only with the person's own words: "
                            "write what they said in --note \"...\" (sealed; only verifiers, "
                            "mediators and admins read it)"));
  }
  if (person->person.data_key.empty()) {
    return at("person", Status::Invalid(subject + " has no data key to seal the interview under"));
  }
  checked.interview = interview;
  checked.day = std::move(day);
  checked.subject = std::move(subject);
  checked.wrapped_key = person->person.data_key;
  return checked;
}

// Writes a checked interview and its event; sets checked.result.id.
Status WriteInterview(instance::Recorder& recorder, CheckedInterview& checked) {
  const NewInterview& interview = checked.interview;
  store::WriteTransaction& transaction = recorder.transaction();
  CANJE_ASSIGN_OR_RETURN(int64_t id, store::NextInterviewId(transaction));
  store::InterviewRow row;
  row.id = id;
  row.person_id = interview.person_id;
  row.destination = interview.destination;
  row.interviewed_on = checked.day;
  row.identity = interview.identity;
  row.consent = interview.consent;
  row.fit_to_travel = interview.fit == "yes";
  CANJE_ASSIGN_OR_RETURN(
      Bytes key,
      recorder.vault().UnwrapKey(checked.wrapped_key, protect::PersonKeyContext(interview.person_id)));
  if (!interview.note.empty()) {
    row.note_sealed = recorder.vault().Seal(key, AsBytes(interview.note),
                                            protect::InterviewNoteContext(interview.person_id, id));
  }
  instance::PersonKeys keys(transaction.store(), recorder.vault());
  CANJE_RETURN_IF_ERROR(instance::SealInterviewOutcome(keys, recorder.vault(), row));
  CANJE_RETURN_IF_ERROR(store::AddInterview(transaction, row));
  checked.result.id = id;
  return recorder
      .Record(events::kInterviewRecorded, {checked.subject, InterviewId(id)},
              {{"interview", InterviewId(id)},
               {"person", checked.subject},
               {"destination", row.destination},
               {"interviewed_on", row.interviewed_on},
               {"identity", row.identity},
               {"consent", row.consent},
               {"fit_to_travel", row.fit_to_travel},
               {"note", interview.note},
               {"changes_refusal", checked.result.changes_refusal}})
      .status();
}

}  // namespace

Result<RecordedInterview> RecordInterview(instance::Instance& instance,
                                          const NewInterview& interview, InterviewFault* fault) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kRecordInterview));
  std::string member;
  Result<CheckedInterview> checked = CheckInterview(instance, interview, member);
  if (!checked.ok()) {
    if (fault != nullptr) *fault = {0, member};
    return checked.status();
  }
  CANJE_RETURN_IF_ERROR(instance.Change(
      [&](instance::Recorder& recorder) -> Status { return WriteInterview(recorder, *checked); }));
  return checked->result;
}

Result<std::vector<RecordedInterview>> RecordInterviews(
    instance::Instance& instance,
    const std::vector<std::pair<NewInterview, std::string>>& interviews, InterviewFault* fault) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kRecordInterview));
  if (interviews.empty()) return Status::Usage("no interview to record");
  std::vector<RecordedInterview> results;
  CANJE_RETURN_IF_ERROR(instance.Change([&](instance::Recorder& recorder) -> Status {
    std::vector<Status> problems;
    for (size_t i = 0; i < interviews.size(); ++i) {
      const auto& [interview, where] = interviews[i];
      std::string member;
      Result<CheckedInterview> checked = CheckInterview(instance, interview, member);
      if (!checked.ok()) {
        if (problems.empty() && fault != nullptr) *fault = {i, member};
        problems.push_back(Status(checked.status().code(), where + checked.status().message()));
        continue;
      }
      if (!problems.empty()) continue;  // nothing will be written: only check the rest
      CANJE_RETURN_IF_ERROR(WriteInterview(recorder, *checked));
      results.push_back(checked->result);
    }
    return JoinProblems(problems);
  }));
  return results;
}

Result<std::vector<InterviewView>> ListInterviews(instance::Instance& instance,
                                                  const InterviewQuery& query) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReadInterviews));
  if (query.person_id != 0) {
    CANJE_ASSIGN_OR_RETURN(auto person, instance.store().FindPerson(query.person_id));
    if (!person) return Status::NotFound("no person " + instance::PersonId(query.person_id));
  }
  CANJE_ASSIGN_OR_RETURN(auto rows,
                         store::Interviews(instance.store(), {query.person_id, query.destination}));
  instance::PersonKeys person_keys(instance.store(), instance.vault());
  CANJE_RETURN_IF_ERROR(instance::OpenInterviews(person_keys, instance.vault(), rows));
  // The current interview of each person and destination.
  std::map<std::pair<int64_t, std::string>, const store::InterviewRow*> latest;
  for (const store::InterviewRow& row : rows) {
    auto& slot = latest[{row.person_id, row.destination}];
    if (slot == nullptr || IsLater(row, *slot)) slot = &row;
  }
  std::map<int64_t, std::optional<Bytes>> keys;  // person -> data key (absent once erased)
  std::vector<InterviewView> views;
  for (const store::InterviewRow& row : rows) {
    InterviewView view;
    view.id = row.id;
    view.person_id = row.person_id;
    view.destination = row.destination;
    view.interviewed_on = row.interviewed_on;
    view.identity = row.identity;
    view.consent = row.consent;
    view.fit_to_travel = row.fit_to_travel;
    view.current = latest[{row.person_id, row.destination}] == &row;
    view.recorded_by = row.recorded_by;
    view.recorder_party = row.recorder_party;
    view.recorded_at = row.recorded_at;
    if (!row.note_sealed.empty()) {
      if (!keys.contains(row.person_id)) {
        CANJE_ASSIGN_OR_RETURN(auto person, instance.store().FindPerson(row.person_id));
        std::optional<Bytes> key;
        if (person && !person->person.data_key.empty()) {
          CANJE_ASSIGN_OR_RETURN(
              key, instance.vault().UnwrapKey(person->person.data_key,
                                              protect::PersonKeyContext(row.person_id)));
        }
        keys[row.person_id] = std::move(key);
      }
      const std::optional<Bytes>& key = keys[row.person_id];
      if (key) {
        CANJE_ASSIGN_OR_RETURN(Bytes plain, instance.vault().Open(*key, row.note_sealed,
                                                                  protect::InterviewNoteContext(
                                                                      row.person_id, row.id)));
        view.note = std::string(plain.begin(), plain.end());
      } else {
        view.note_erased = true;
      }
    }
    views.push_back(std::move(view));
  }
  return views;
}

}  // namespace canje::negotiation
