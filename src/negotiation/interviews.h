// Consent interviews: the neutral intermediary's private interview of a detainee about one
// destination (docs/principles.md, principle 2; docs/holds-and-consent.md).
//
// Rules:
//  - Only a verifier records an interview (instance::Action::kRecordInterview). No other role
//    can, and there is no command, flag or function that changes an interview's outcome:
//    interviews are never edited.
//  - The latest interview about a destination (greatest interviewed_on, then id) is the
//    person's current answer for it (eligibility.h). A refusal blocks that transfer.
//  - A refusal can change only through a new interview in which the person says otherwise:
//    it must be dated on or after the refusal's interview and must carry a note (what the
//    person said and why), which is sealed. This is the person's decision, not an override.
//  - An interview dated before the latest one about the same destination is refused
//    (kInvalid): it could not change the current answer and would only confuse the record.
//  - Another destination is another question: a refusal of VEN says nothing about COL.
//  - The note is personal data: sealed under the person's own data key (so erasing the person
//    makes it unreadable, and erasure clears it); the event "interview.recorded" (subjects
//    "P17", "I5") keeps outcome and note in its sealed payload, erased with the person, and is
//    logged sealed (instance/sealed_events.h: its leaf names neither its type nor the person).
//  - Reading interviews needs kReadInterviews (verifier, mediator, admin): negotiators never see
//    them; eligibility gives them "not available (confidential)" for a refusal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"

namespace canje::negotiation {

struct NewInterview {
  int64_t person_id = 0;
  std::string destination;     // an existing party code
  std::string interviewed_on;  // YYYY-MM-DD; empty: today. Not in the future.
  std::string identity;        // confirmed, unconfirmed
  std::string consent;         // consents, refuses, undecided
  std::string fit;             // yes, no
  std::string note;            // optional, except when it changes a refusal
};

struct RecordedInterview {
  int64_t id = 0;
  bool changes_refusal = false;  // the person had refused this destination before
};

// Which value a refusal of RecordInterview(s) is about: the interview's index in the batch
// (0 for one interview) and its member, named as the columns of `canje interview record --file`
// and the HTTP API's body members: "person", "destination", "identity", "consent", "fit", "on",
// "note"; empty when the refusal is about no one value (the role, the store).
struct InterviewFault {
  size_t item = 0;
  std::string member;
};

// Checks and records the interview. kNotPermitted for any role but verifier; kUsage for a bad
// value (naming the accepted ones), a day in the future, or a changed refusal without a note;
// kNotFound for an unknown person or destination; kConflict for an erased person; kInvalid for
// a day before the latest interview about the same destination. On a refusal of one of its
// values, `fault` (when given) says which.
Result<RecordedInterview> RecordInterview(instance::Instance& instance,
                                          const NewInterview& interview,
                                          InterviewFault* fault = nullptr);

// Many interviews at once (`canje interview record --file`): each is checked as RecordInterview
// checks one, against the store and the interviews before it in the batch; every problem is
// named with the item's prefix ("interviews.csv:4: "), and either all are recorded (one
// transaction, one event each) or none. The code is the first problem's; `fault` (when given)
// says which item and value the first problem is about.
Result<std::vector<RecordedInterview>> RecordInterviews(
    instance::Instance& instance,
    const std::vector<std::pair<NewInterview, std::string>>& interviews,
    InterviewFault* fault = nullptr);

// An interview as its reader sees it (the note opened).
struct InterviewView {
  int64_t id = 0;
  int64_t person_id = 0;
  std::string destination;
  std::string interviewed_on;
  std::string identity;
  std::string consent;
  bool fit_to_travel = false;
  std::optional<std::string> note;  // absent when none was written, or erased
  bool note_erased = false;         // a note was written but the person was erased
  bool current = false;             // the latest about its person and destination
  std::string recorded_by;
  std::string recorder_party;
  std::string recorded_at;
};

struct InterviewQuery {
  int64_t person_id = 0;    // 0: everyone
  std::string destination;  // empty: all
};

// Matching interviews, oldest first, notes opened. Needs kReadInterviews.
Result<std::vector<InterviewView>> ListInterviews(instance::Instance& instance,
                                                  const InterviewQuery& query);

// "I5" for interview 5.
std::string InterviewId(int64_t id);

}  // namespace canje::negotiation
