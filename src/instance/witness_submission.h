// Sending the log's checkpoints to its witnesses (C2SP tlog-witness, the log's side): what
// `canje serve` does in the background after every change (server/witness_submitter.h) and
// `canje log push` does on demand.
//
// For one witness: take the latest signed checkpoint; the old size is the largest size the
// witness cosigned (from the stored cosignatures; 0 before the first); send "old N", the RFC
// 9162 consistency proof from N, and the checkpoint. On 200, keep each returned line that is a
// valid cosignature by the witness's registered key over this checkpoint (lines by other keys
// are ignored, as the specification says) and store it (store/witness_tables.h,
// StoreReceivedCosignature: no event). On 409 the witness said which size it cosigned last
// (say its answer to us was lost): send again from that size, once. Nothing here retries
// later or waits: the caller schedules (and backs off).
//
// The transport is the caller's (PostToWitness), so this stays free of sockets.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "store/witness_tables.h"

namespace canje::instance {

struct WitnessAnswer {
  int status = 0;
  std::string content_type;
  std::string body;
};

// POSTs `body` to `url` + "/add-checkpoint" and returns the answer; an error Status (usually
// kUnavailable, saying why) when no HTTP answer came back.
using PostToWitness =
    std::function<Result<WitnessAnswer>(const std::string& url, const std::string& body)>;

struct SubmissionReport {
  std::string witness;
  int64_t size = 0;           // the latest checkpoint's size (what was, or would be, sent)
  int64_t cosigned_size = 0;  // the largest size the witness cosigned, as far as we know now
  bool cosigned = false;      // its cosignature of `size` was received and stored just now
  bool up_to_date = false;    // it had cosigned `size` already: nothing was sent
  std::string problem;        // when neither: why (unreachable, refused, a fork, ...)
  bool ok() const { return cosigned || up_to_date; }
};

// Brings `witness` up to the latest checkpoint (see above). A failure of the witness or of the
// network is a report with `problem`; an error Status only when the store fails.
Result<SubmissionReport> SubmitToWitness(store::Store& store, const store::WitnessRow& witness,
                                         const PostToWitness& post);

// The witnesses to keep up to date: every registered one, not removed, in name order. For the
// background submitter, which acts for no user (the registry is not secret; changing it is
// what needs a permission).
Result<std::vector<store::WitnessRow>> WitnessesToSubmitTo(store::Store& store);

// SubmitToWitness for every registered witness, in name order (kSubmitToWitnesses).
Result<std::vector<SubmissionReport>> SubmitToWitnesses(Instance& instance,
                                                        const PostToWitness& post);

}  // namespace canje::instance
