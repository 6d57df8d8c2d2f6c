// Why a pair of records waits for review: the ways `canje link` queues a pair
// (docs/reconciliation.md, "One run", steps 3 to 5), named in the store (review_queue.reason),
// in `canje review list` and in GET /v1/review.
#pragma once

#include <string>
#include <string_view>

namespace canje::reconciliation {

enum class QueueReason {
  // Scored in the review band, and (the run's clustering decided) ...
  kAboveThreshold,       // ... at or above the threshold, and linked: to confirm
  kLinkedThroughOthers,  // ... below the threshold, yet one person through other records' links
  kKeptApart,            // ... at or above the threshold, yet not linked: a link rule held the
                         //     pair back (dates of birth that conflict; a record without a date
                         //     whose name matches namesakes the dates tell apart; two entries of
                         //     one list, one without a date: linkage/link_rules.h) or the
                         //     clustering's guards (records that
                         //     conflict, too few strong pairs between their groups, size, one
                         //     list) kept their groups apart. Queued whatever its score.
  kBelowThreshold,       // ... below the threshold, and not linked until someone decides
  // Two records of one custody roster that a chain of links joined without a shared document or
  // a decision: the roster guard cut the weakest link, whatever its score, and queued it.
  kRosterGuard,
  // A claimed or documented person left on no roster of its holder: the holder's roster record
  // most like it, however low its score.
  kClosestRoster,
  // In the review band, queued by a canje from before the queue said more (schema version 14).
  kReviewBand,
};

// The reason of a pair of the review band, from its run's clustering.
QueueReason BandReason(bool above_threshold, bool linked);

// "above_threshold", "linked_through_others", "kept_apart", "below_threshold", "roster_guard",
// "closest_roster", "review_band".
std::string_view QueueReasonName(QueueReason reason);

// The reason of a stored name; a name this version does not know reads as kReviewBand.
QueueReason ParseQueueReason(std::string_view name);

// The reason in words for a reviewer; `linked`: whether the two records are one person now.
std::string QueueReasonText(QueueReason reason, bool linked);

}  // namespace canje::reconciliation
