// The review queue and review decisions (`canje review list`, `canje review decide`,
// `canje link explain`).
//
// Who may see and decide (review_access.h): a mediator, a verifier or an admin every record and
// any pair; a negotiator only the records need to know allows it, and only the queued pairs of
// two such records with one on its own party's list. Of a queued pair with a record it may not
// see, it learns only that a candidate exists. Every read of a pair is a "review.read" event.
//
// A decision binds every later `canje link` run (decisions.h) and is revised only by another
// decision on the same pair. Deciding records a "review.decided" event (the reason is kept in its
// sealed payload only) and takes the pair out of the queue; the links change at the next run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "linkage/linkage_engine.h"
#include "reconciliation/queue_reason.h"
#include "reconciliation/trained_linkage.h"
#include "registry/person.h"
#include "store/link_tables.h"

namespace canje::reconciliation {

struct ReviewSide {
  bool hidden = false;  // a record the caller may not see: nothing else is set
  int64_t record_id = 0;
  store::ListRow list;
  int64_t line = 0;
  int64_t person_id = 0;          // linked to now
  registry::PersonRecord person;  // the record's own identity, decrypted
};

struct ReviewItem {
  ReviewSide left;
  ReviewSide right;
  double probability = 0;
  linkage::PairExplanation explanation;
  ModelSource model;  // the saved run whose model explains the pair (run 0: trained now)
  std::optional<store::ReviewDecisionRow> decision;  // the binding decision, if any
  // Queued pairs only (ListReviewQueue): why the pair is queued, and whether its two records are
  // one person now.
  std::optional<QueueReason> queued_because;
  bool linked = false;
  // A record of the caller's and a candidate it may not see: one side is hidden, there is no
  // probability or explanation, and the caller may not decide on it.
  bool candidate_only = false;
};

// The pairs waiting for review that the caller may decide on, explained with the model of the
// latest link run (link_model.h), and for a negotiator the records
// of its own with a candidate it may not see (candidate_only), at most `limit` (0: all). Records
// a "review.read" event naming the pairs shown side by side.
Result<std::vector<ReviewItem>> ListReviewQueue(instance::Instance& instance, int64_t limit);

// Two records side by side with the engine's explanation; records a "review.read" event.
// The explanation uses the model saved by link run `run`, or without it by the latest run
// (link_model.h). kNotFound for an unknown record, for one the caller may not see and for an
// unknown run; kConflict for a record that takes no part in linking (erased, superseded list).
Result<ReviewItem> ExplainRecords(instance::Instance& instance, int64_t left_record,
                                  int64_t right_record, std::optional<int64_t> run = std::nullopt);

struct DecisionOutcome {
  int64_t decision_id = 0;
  int64_t replaces = 0;
  int64_t event_seq = 0;
};

// Which decision a refusal is about (its index in a batch, 0 for one) and, when one value is at
// fault, which: "reason". Empty member: the pair itself (its records, who may decide on it).
struct DecisionFault {
  size_t item = 0;
  std::string member;
};

// Records a decision. kUsage without a reason or for a record paired with itself; kNotFound
// for an unknown record or one the caller may not see; kConflict for an erased record or a
// decision equal to the one that binds already; kNotPermitted per the rule above.
Result<DecisionOutcome> DecidePair(instance::Instance& instance, int64_t left_record,
                                   int64_t right_record, bool same, const std::string& reason,
                                   DecisionFault* fault = nullptr);

// One row of a decisions file (`canje review decide --file`).
struct PairDecision {
  int64_t left_record = 0;
  int64_t right_record = 0;
  bool same = false;
  std::string reason;
  std::string where;  // "decisions.csv:12", for messages
};

struct BatchDecisionReport {
  int64_t recorded = 0;
  int64_t unchanged = 0;  // already what the binding decision (or an earlier row) says
  int64_t first_event = -1;
};

// Many decisions at once, all or nothing: every row is checked as DecidePair checks one (the
// message names the row's `where`), two rows contradicting each other about the same two rows
// are refused (kInvalid), and rows that change nothing are counted, not refused. One transaction,
// one event per decision recorded.
// `fault` (when given) says which decision (and value) a refusal is about.
Result<BatchDecisionReport> DecidePairs(instance::Instance& instance,
                                        const std::vector<PairDecision>& decisions,
                                        DecisionFault* fault = nullptr);

}  // namespace canje::reconciliation
