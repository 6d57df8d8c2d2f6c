// Executing an agreed exchange (docs/workflow.md "Execution"): the checks before
// departure, who does not travel and why, the handovers, each party's own count, and the count
// reconciled. Every change is one transaction with its events (instance::Instance::Change).
//
// Rules:
//  - The persons are those of the exchange's agreed version (exchange_workflow.agreed_version);
//    each goes from its transfer's holder to its transfer's destination (to_party).
//  - Readiness, per person: "handed over"; "not travelling" (an outcome was recorded);
//    "blocked" (an obstacle to the transfer on the day asked: a hold, a refusal, consent not
//    given, identity unconfirmed, unfit, erased — negotiation/eligibility.h); or "ready".
//  - A not-travelling outcome (mediator or verifier, Action::kRecordExecution) is recorded once
//    per person, while the exchange is verifying or executing, for a person of the agreed
//    version not handed over. Reasons: refused-consent (only when the person's latest
//    interview about the destination refuses), unfit (only when the latest interview says not
//    fit, or a verifier records it with a --note saying who assessed it), deceased, missing,
//    released-otherwise, other (with a note). The note is sealed under the person's key.
//  - A handover (mediator or verifier) is recorded only while the exchange is executing, once
//    per person, for a person of the agreed version, to the agreed destination, with a time
//    (RFC 3339 UTC, not in the future), a place and at least one witness, and only when nothing
//    stands in the way on the handover's day. An active hold or a refusal: kNotPermitted (no
//    override exists); consent not given, identity unconfirmed, unfit, erased, recorded as not
//    travelling, already handed over, not on the list, another destination: kInvalid.
//  - A party's count (its own negotiator, or the mediator on its behalf; Action::kReportCount)
//    is for one direction between parties of the exchange of which it is one end; a person list
//    must have exactly `count` distinct, known persons. A later report supersedes. A count is of
//    the whole exchange, or of one stage of it (`stage`, which the exchange must have).
//  - Reading (Action::kReadExecution) is for admins, mediators, verifiers, and negotiators and
//    observers whose party is in the exchange or mediates it; others get kNotFound, as for an
//    unknown exchange. Reasons read as eligibility.h says (every personal obstacle and personal
//    not-travelling reason is "not available (confidential)" to negotiators and observers);
//    names are the caller's to look up with VisibleNames (need to know, which includes the
//    persons transferred to the caller's party under the agreement: instance/need_to_know.h).
//  - Batch forms check every item first and write all or nothing; each problem is named with
//    the item's `where` ("handovers.csv:4: ").
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "negotiation/count_reconciliation.h"
#include "negotiation/eligibility.h"
#include "negotiation/proposal.h"
#include "store/agreement_tables.h"
#include "store/exchange_tables.h"
#include "store/execution_tables.h"

namespace canje::negotiation {

// The accepted reasons, in this order: refused-consent, unfit, deceased, missing,
// released-otherwise, other.
const std::vector<std::string>& NotTravellingReasons();

struct PersonReadiness {
  Transfer transfer;
  std::string status;                  // "ready", "blocked", "not travelling", "handed over"
  std::string reason;                  // not travelling: the reason code as the viewer may read it
  std::string reason_text;             // not travelling: its sentence (DescribeReason)
  std::optional<std::string> note;     // not travelling: the opened note (confidential roles only)
  std::vector<ObstacleAsRead> obstacles;  // blocked: as the viewer may read them
  std::optional<store::HandoverRow> handover;
};

struct ReadinessReport {
  store::ExchangeRow exchange;
  std::string state;
  int64_t agreed_version = 0;
  std::string date;                      // the day the checks were made for
  std::vector<PersonReadiness> persons;  // by person id
  int64_t ready = 0, blocked = 0, not_travelling = 0, handed_over = 0;
};

// Every person of the agreed version with their readiness on `date` (empty: today).
// kInvalid when the exchange has no agreed version yet.
Result<ReadinessReport> ExchangeReadiness(instance::Instance& instance, int64_t exchange_id,
                                          const std::string& date);

struct NewNotTravelling {
  int64_t person_id = 0;
  std::string reason;
  std::string note;
  std::string where;  // prefix for messages ("outcomes.csv:3: "), empty for one person
};

// Records every outcome or none; returns how many.
Result<int64_t> RecordNotTravelling(instance::Instance& instance, int64_t exchange_id,
                                    const std::vector<NewNotTravelling>& outcomes);

struct NewHandover {
  int64_t person_id = 0;
  std::string at;  // RFC 3339 UTC: 2025-07-18T14:05:00Z
  std::string place;
  std::string to;
  std::vector<std::string> witnesses;
  std::string where;
};

// Records every handover or none; returns how many.
Result<int64_t> RecordHandovers(instance::Instance& instance, int64_t exchange_id,
                                const std::vector<NewHandover>& handovers);

// The exchange's handovers, by person id.
Result<std::vector<store::HandoverRow>> ListHandovers(instance::Instance& instance,
                                                      int64_t exchange_id);

struct NewCountReport {
  std::string party;
  std::string from;
  std::string to;
  int64_t count = 0;
  int64_t stage = 0;  // the stage counted (stages.h); 0: the whole exchange
  bool has_persons = false;
  std::vector<int64_t> persons;
  std::string note;
};

// "SLV>VEN" into from and to (kUsage naming the form).
Result<std::pair<std::string, std::string>> ParseDirection(std::string_view text);

// Records the report; returns its id.
Result<int64_t> ReportCount(instance::Instance& instance, int64_t exchange_id,
                            const NewCountReport& report);

// The reconciliation with what a printed manifest needs to be checked later.
struct ExchangeReconciliation {
  store::ExchangeRow exchange;
  std::string state;
  int64_t agreed_version = 0;
  std::string manifest_sha256;  // hex, of the agreed version's manifest as the store has it
  std::vector<std::pair<std::string, std::string>> signatures;  // party -> key id (valid ones)
  int64_t log_size = 0;
  std::string log_root;  // hex SHA-256 root of the log at log_size
  std::string generated_at;
  std::string date;
  CountReconciliation counts;
};

// The facts the count is reconciled from (count_reconciliation.h), as of `date` (empty: today).
Result<ExecutionFacts> ExecutionFactsOf(instance::Instance& instance, int64_t exchange_id,
                                        const std::string& date);

Result<ExchangeReconciliation> ReconcileExchange(instance::Instance& instance, int64_t exchange_id,
                                                 const std::string& date);

// The persons of `report` neither ready, handed over nor recorded as not travelling, each with
// what they lack as the reader may read it: "P17 (consent not given ...)".
std::vector<std::string> NotReadyPersons(const ReadinessReport& report);
// "A, B, C" for at most ten items, then "and N more".
std::string NameSome(const std::vector<std::string>& items);

// Guards of the exchange's moves (workflow_actions.cc), as a mediator reads them: kInvalid
// naming how many persons and who lacks what.
Status CheckReadyToExecute(instance::Instance& instance, int64_t exchange_id);
Status CheckExecutionComplete(instance::Instance& instance, int64_t exchange_id);

}  // namespace canje::negotiation
