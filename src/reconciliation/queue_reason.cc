#include "reconciliation/queue_reason.h"

#include <array>
#include <utility>

namespace canje::reconciliation {
namespace {

constexpr std::array<std::pair<QueueReason, std::string_view>, 7> kNames = {{
    {QueueReason::kAboveThreshold, "above_threshold"},
    {QueueReason::kLinkedThroughOthers, "linked_through_others"},
    {QueueReason::kKeptApart, "kept_apart"},
    {QueueReason::kBelowThreshold, "below_threshold"},
    {QueueReason::kRosterGuard, "roster_guard"},
    {QueueReason::kClosestRoster, "closest_roster"},
    {QueueReason::kReviewBand, "review_band"},
}};

}  // namespace

QueueReason BandReason(bool above_threshold, bool linked) {
  if (above_threshold) return linked ? QueueReason::kAboveThreshold : QueueReason::kKeptApart;
  return linked ? QueueReason::kLinkedThroughOthers : QueueReason::kBelowThreshold;
}

std::string_view QueueReasonName(QueueReason reason) {
  for (const auto& [candidate, name] : kNames) {
    if (candidate == reason) return name;
  }
  return "review_band";
}

QueueReason ParseQueueReason(std::string_view name) {
  for (const auto& [reason, candidate] : kNames) {
    if (candidate == name) return reason;
  }
  return QueueReason::kReviewBand;
}

std::string QueueReasonText(QueueReason reason, bool linked) {
  switch (reason) {
    case QueueReason::kAboveThreshold:
      return "linked: scored at or above the threshold, in the review band; confirm or separate "
             "them";
    case QueueReason::kLinkedThroughOthers:
      return "linked through other records: this pair scored below the threshold, but each is "
             "linked to records the other is linked to; confirm or separate them";
    case QueueReason::kKeptApart:
      return "not linked although scored at or above the threshold: their dates of birth "
             "conflict (or those of records linked to them do), or one has no date and its name "
             "matches as well people the dates tell apart, or both are on one list and one has no "
             "date (the list may name two namesakes), or the records linked to each of them "
             "mostly score below it against the other's (or joining them would make a group too "
             "large, or join two records of one list); decide whether they are one person";
    case QueueReason::kBelowThreshold:
      return "not linked: scored in the review band, below the threshold; decide whether they "
             "are one person";
    case QueueReason::kRosterGuard:
      return "not linked: both are on one custody roster and only a chain of other records, not a "
             "shared document, joined them (the roster guard cut this link); decide whether they "
             "are one person";
    case QueueReason::kClosestRoster:
      return std::string(linked ? "linked" : "not linked") +
             ": one of them is on no roster of its holder, and this is the holder's roster record "
             "most like it; decide whether it is the same person";
    case QueueReason::kReviewBand:
      break;
  }
  return std::string(linked ? "linked" : "not linked") +
         ": scored in the review band (queued by an earlier canje; run canje link again for the "
         "reason); decide whether they are one person";
}

}  // namespace canje::reconciliation
