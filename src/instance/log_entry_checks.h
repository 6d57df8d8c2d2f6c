// The per-entry half of `canje log verify` (VerifyLog in transparency_log.h), on several threads.
//
// Every event the store yields (Store::ForEachEvent, in log order) is checked: it must sit at its
// position (seq = 0, 1, 2, ...); its payload, unless erased, must open (its data key unwrapped by
// the master key, then AES-256-GCM) and match the salted hash the log committed to; and its leaf
// is rebuilt from its fields (ledger/event_envelope.h) and hashed. The calling thread reads the
// events and hands them out in batches; worker threads, each with its own cipher contexts,
// check them; the calling thread takes the results back in log order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

#include "core/status.h"
#include "ledger/merkle_tree.h"
#include "protect/master_key.h"
#include "store/store.h"

namespace canje::instance {

struct EntryCheckOptions {
  int threads = 0;      // worker threads; 0: one per core; -1: none (all on the calling thread)
  size_t batch = 1024;  // events handed to a worker at a time (at least 1)
};

struct EntryCheckTotals {
  int64_t entries = 0;
  int64_t erased_payloads = 0;  // payloads verified only by their stored hash
};

// Checks every event of `store` as above and calls `leaf_hash` with each entry's leaf hash, in
// log order, on the calling thread. Returns at the first failure in log order: kInvalid naming
// the entry ("entry 7: missing ...", "entry 9 (party.added): its payload does not open: ..."),
// or what `leaf_hash` or the store returned. Entries after it may have been checked by then,
// but neither their results nor later failures are reported, so the message is the same
// whatever the threads and batches.
Result<EntryCheckTotals> CheckLogEntries(store::Store& store, const protect::MasterKeyFile& keys,
                                         const std::function<Status(const ledger::Hash&)>& leaf_hash,
                                         const EntryCheckOptions& options = {});

}  // namespace canje::instance
