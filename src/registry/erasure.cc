#include "registry/erasure.h"

#include <nlohmann/json.hpp>

#include "instance/event_types.h"
#include "instance/ids.h"
#include "store/execution_tables.h"
#include "store/holds_tables.h"
#include "store/link_tables.h"

namespace canje::registry {

Result<ErasureReport> ErasePerson(instance::Instance& instance, int64_t person_id,
                                  const std::string& reason) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kErasePerson));
  if (reason.empty()) return Status::Usage("say why with --reason \"...\"; the reason is logged");
  std::string subject = instance::PersonId(person_id);
  CANJE_ASSIGN_OR_RETURN(auto person, instance.store().FindPerson(person_id));
  if (!person) return Status::NotFound("no person " + subject);
  if (!person->person.erased_at.empty()) {
    return Status::Conflict(subject + " was already erased on " + person->person.erased_at);
  }
  if (person->person.merged_into != 0) {
    return Status::Usage(subject + " was found to be the same person as " +
                         instance::PersonId(person->person.merged_into) + " (canje link); erase " +
                         instance::PersonId(person->person.merged_into) +
                         ", which erases every record of the person");
  }
  // The persons reconciliation merged into this one are the same human being: erased with it.
  CANJE_ASSIGN_OR_RETURN(std::vector<int64_t> merged,
                         store::PersonsMergedInto(instance.store(), person_id));
  ErasureReport report;
  report.person_id = person_id;
  CANJE_RETURN_IF_ERROR(instance.Change([&](instance::Recorder& recorder) -> Status {
    CANJE_ASSIGN_OR_RETURN(auto counts,
                           recorder.transaction().ErasePerson(person_id, subject, reason));
    report.records = counts.records;
    report.events = counts.events;
    for (int64_t other : merged) {
      CANJE_ASSIGN_OR_RETURN(auto more, recorder.transaction().ErasePerson(
                                            other, instance::PersonId(other), reason));
      report.records += more.records;
      report.events += more.events;
    }
    // Interview outcomes and notes, and not-travelling reasons and notes, are sealed under the
    // person's key, now destroyed; clear them too (also those recorded under the id of a person
    // merged into this one).
    std::vector<int64_t> everyone = merged;
    everyone.insert(everyone.begin(), person_id);
    for (int64_t id : everyone) {
      CANJE_RETURN_IF_ERROR(store::EraseInterviewNotes(recorder.transaction(), id).status());
      CANJE_RETURN_IF_ERROR(store::EraseNotTravelling(recorder.transaction(), id));
    }
    CANJE_ASSIGN_OR_RETURN(report.event_seq, recorder.Record(events::kPersonErased, {subject},
                                                             {{"person", subject},
                                                              {"reason", reason},
                                                              {"records", report.records},
                                                              {"events", report.events},
                                                              {"merged_persons", merged.size()}}));
    return Status::Ok();
  }));
  CANJE_RETURN_IF_ERROR(instance.store().connection().Checkpoint());
  return report;
}

}  // namespace canje::registry
