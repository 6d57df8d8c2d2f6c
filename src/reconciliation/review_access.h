// Who may see and decide a pair of records in review (`canje review list`, `canje review
// decide`, `canje link explain`): the need-to-know side of review.h, kept apart from what the
// queue holds.
//
// Rules:
//  - Admins, mediators and verifiers see every record and may decide on any pair.
//  - A negotiator sees a record only as need to know allows (instance/need_to_know.h: on a list
//    of its party, or linked to a person it may read). A record it may not see answers exactly
//    like a record that does not exist ("no record R300 that you may see", kNotFound), in
//    explain and decide alike.
//  - Of a queued pair with one record it sees and one it may not, a negotiator learns only that
//    a candidate exists (the hidden side carries nothing, not even its id; no probability, no
//    explanation) and may not decide it: a mediator or verifier does.
//  - A negotiator decides only the pairs the queue offers it: queued, both records seen, one of
//    them on a list of its party (kNotPermitted otherwise).
//  - Every read of a pair's records is an event ("review.read", no subjects; its payload names
//    the pairs and the command), in the same transaction as nothing else: reading personal data
//    side by side leaves a trace in the log.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "store/link_tables.h"

namespace canje::reconciliation {

// "no record R12 that you may see; ...": one message for an unknown record and a hidden one.
Status RecordNotFound(int64_t record_id);

// Whether the acting user may see `record` (on `list`).
Result<bool> SeesLinkRecord(instance::Instance& instance, const store::LinkRecordRow& record,
                            const store::ListRow& list);

// How much of a queued pair the acting user may see.
enum class PairSight {
  kBoth,       // both records (and the explanation)
  kLeftOnly,   // the left record; the right one only as "a candidate exists"
  kRightOnly,  // likewise, the other way
  kNeither,    // nothing: the pair is not offered at all
};
Result<PairSight> SightOfPair(instance::Instance& instance, const store::LinkRecordRow& left,
                              const store::ListRow& left_list, const store::LinkRecordRow& right,
                              const store::ListRow& right_list);

// kOk when the acting user may decide on the pair (rules above); `queued` says whether the pair
// is in the review queue. kNotFound for a record it may not see (check SightOfPair first).
Status AuthorizeDecision(instance::Instance& instance, const store::ListRow& left_list,
                         const store::ListRow& right_list, bool queued);

// Records that the acting user read the records of `pairs` (record ids) with `command`.
Status RecordPairReads(instance::Instance& instance,
                       const std::vector<std::pair<int64_t, int64_t>>& pairs,
                       const std::string& command);

}  // namespace canje::reconciliation
