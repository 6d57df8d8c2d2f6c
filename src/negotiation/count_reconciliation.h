// The count afterwards: per direction of an agreed exchange, what was agreed, what
// was verified, who did not travel and why, who was handed over, and what each party says, side
// by side, with every difference named. Pure: the facts come in, the reconciliation goes out;
// negotiation/execution.h reads the facts from the store.
//
// Invariants of the result, per direction:
//   agreed = handed_over + sum(not_travelling) + no_outcome
// and every agreed person who was not handed over is one difference (their outcome's reason,
// or "no outcome recorded"). A party's report on a direction is its latest report of the
// whole exchange; without one, its latest report of each stage, added up (the count summed,
// the person lists joined when every stage's report has one). For each party's report:
//   - with a person list: every reported person not handed over in that direction is a
//     difference ("extra" when not on the agreed list at all for it, "not handed over" when
//     agreed but the record has no handover), and every person handed over whom the party does
//     not list is one ("not in report"), so reported - handed_over = extra + not handed over -
//     not in report, person by person;
//   - without a list: when the count differs from the record, one difference carries the gap
//     ("VEN reports 230; the record has 248 handed over; 18 not explained by VEN").
// Nothing is left over: a gap between any two numbers in a direction is the sum of named
// differences. `unexplained` counts the persons behind the differences whose cause no one has
// recorded (no outcome, or a party's gap without a list).
//
// Confidentiality: a personal reason (refused consent, unfit: personal assessments) reads "not
// available (confidential)" (reason code "confidential") for viewers who may not read personal
// assessments (instance/need_to_know.h); neither word is ever in their output, and the two
// cannot be told apart.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "instance/access.h"
#include "negotiation/proposal.h"
#include "store/execution_tables.h"

namespace canje::negotiation {

// What the store knows about an exchange's execution.
struct ExecutionFacts {
  std::vector<Transfer> agreed;                   // the agreed version's transfers
  std::map<int64_t, std::string> not_travelling;  // person -> reason code
  std::map<int64_t, store::HandoverRow> handovers;
  std::set<int64_t> verified;  // persons who passed every check (handed over ones included)
  std::vector<store::ReportedCountRow> reports;  // every report, superseded ones too, by id
};

// One difference between two numbers of a direction, named.
struct CountDifference {
  // "not_travelling", "no_outcome", "extra", "not_handed_over", "not_in_report",
  // "count_unexplained"
  std::string kind;
  std::string reason;     // not_travelling: the reason code as the viewer may read it
  int64_t person_id = 0;  // 0 for count_unexplained
  std::string party;      // the reporting party (report differences)
  int64_t count = 1;      // persons behind the difference
  bool explained = true;  // false for no_outcome and count_unexplained
  std::string text;       // the sentence, as the viewer may read it
};

struct PartyCount {
  std::string party;
  int64_t count = 0;
  bool has_persons = false;
  int64_t report_id = 0;   // the (latest) report read
  int64_t superseded = 0;  // earlier reports of the party on the direction
  // The stages whose reports were added up, ascending; empty for a report of the whole exchange.
  std::vector<int64_t> stages;
  std::string note;
  std::string reported_at;
  std::string reported_by;
  int64_t unexplained = 0;  // the gap to the record that the party's report leaves unnamed
};

struct DirectionCounts {
  std::string from;
  std::string to;
  int64_t agreed = 0;
  int64_t verified = 0;
  int64_t handed_over = 0;
  std::map<std::string, int64_t> not_travelling;  // reason as the viewer may read it -> persons
  int64_t no_outcome = 0;
  std::vector<PartyCount> reported;  // each party's latest report, by party
  std::vector<CountDifference> differences;
  int64_t unexplained = 0;
};

struct CountReconciliation {
  std::vector<DirectionCounts> directions;  // by from, to
  int64_t unexplained = 0;
};

// The personal reason codes, and what a viewer who may not read them sees instead.
inline constexpr std::string_view kRefusedConsent = "refused-consent";
inline constexpr std::string_view kUnfit = "unfit";
inline constexpr std::string_view kConfidentialReason = "confidential";

// True for the reasons that are personal assessments (refused-consent, unfit).
bool IsPersonalReason(std::string_view reason);

// The reason code as `viewer` may read it.
std::string_view ReasonFor(std::string_view reason, instance::Role viewer);
// A sentence for the reason: "unfit to travel", "not available (confidential)", ...
std::string DescribeReason(std::string_view reason, instance::Role viewer);

CountReconciliation ReconcileCounts(const ExecutionFacts& facts, instance::Role viewer);

}  // namespace canje::negotiation
