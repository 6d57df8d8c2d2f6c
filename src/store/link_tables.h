// The tables of reconciliation (schema version 2): which person each list record is linked to,
// persons merged into a representative, review decisions and the review queue.
//
// Reads take the Store; writes take the WriteTransaction of Store::Write, so they land with the
// event that records them. Nothing here decrypts.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/encoding.h"
#include "core/status.h"
#include "store/store.h"

namespace canje::store {

// A list record as reconciliation sees it: the columns in the clear and its fingerprint.
struct LinkRecordRow {
  int64_t record_id = 0;
  int64_t list_id = 0;
  int64_t line = 0;
  int64_t person_id = 0;      // the person it is linked to now
  int64_t own_person_id = 0;  // the person created for it at import (0: before schema 2)
  std::string reported_status;
  std::string holder;
  Bytes fingerprint;    // empty once erased
  bool erased = false;  // the record's data key was destroyed (its person was erased)
};

// Every list record, in id order.
Status ForEachLinkRecord(Store& store, const std::function<Status(const LinkRecordRow&)>& visit);
// One record, if it exists.
Result<std::optional<LinkRecordRow>> FindLinkRecord(Store& store, int64_t record_id);

// Every person merged into another, by the one it was merged into (its representative).
Result<std::map<int64_t, std::vector<int64_t>>> MergedPersonsByRepresentative(Store& store);

// The persons merged into `person_id`, in id order.
Result<std::vector<int64_t>> PersonsMergedInto(Store& store, int64_t person_id);

// Changes links inside one transaction, with its statements prepared once (a first run over a
// million records changes a million links).
class LinkWriter {
 public:
  static Result<LinkWriter> Create(WriteTransaction& transaction);
  // Points `record_id` and the custody rows that came from it at `person_id`.
  Status RelinkRecord(int64_t record_id, int64_t person_id);
  // Sets (or with 0 clears) the person `person_id` is merged into.
  Status SetMergedInto(int64_t person_id, int64_t merged_into);

 private:
  std::unique_ptr<SqlStatement> relink_record_;
  std::unique_ptr<SqlStatement> relink_custody_;
  std::unique_ptr<SqlStatement> merge_;
};

// A decision of `canje review decide`. The latest decision on a pair of fingerprints binds.
struct ReviewDecisionRow {
  int64_t id = 0;
  Bytes left_fingerprint;
  Bytes right_fingerprint;
  int64_t left_record = 0;  // the records decided on (left_record < right_record)
  int64_t right_record = 0;
  bool same = false;
  std::string decided_by;
  std::string party;
  std::string decided_at;
  int64_t event_seq = 0;
  int64_t replaces = 0;  // the decision this one revises (0: none)
};

Result<std::vector<ReviewDecisionRow>> ReviewDecisions(Store& store);
Result<int64_t> AddReviewDecision(WriteTransaction& transaction, const ReviewDecisionRow& row);

// A pair waiting for review, as the latest `canje link` left it.
struct ReviewQueueRow {
  int64_t left_record = 0;  // left_record < right_record
  int64_t right_record = 0;
  std::string probability;  // decimal text, e.g. "0.734512"
  // Why the pair is queued (schema version 15; earlier rows read "review_band"): one of the
  // names of reconciliation::QueueReason (reconciliation/queue_reason.h).
  std::string reason = "review_band";
};

Result<std::vector<ReviewQueueRow>> ReviewQueue(Store& store);
// Replaces the whole queue.
Status ReplaceReviewQueue(WriteTransaction& transaction, const std::vector<ReviewQueueRow>& rows);
// Removes every queued pair of records with these two fingerprints (once decided).
Status RemoveFromReviewQueue(WriteTransaction& transaction, const Bytes& left_fingerprint,
                             const Bytes& right_fingerprint);

}  // namespace canje::store
