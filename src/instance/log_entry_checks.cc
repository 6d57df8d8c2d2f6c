#include "instance/log_entry_checks.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/digest.h"
#include "ledger/event_envelope.h"
#include "protect/sealed_opener.h"
#include "protect/sealing_contexts.h"

namespace canje::instance {
namespace {

struct EntryOutcome {
  Status status;
  ledger::Hash leaf_hash{};
};

// Consecutive events from position `first` on, and once `done`, what checking them gave.
struct EntryBatch {
  int64_t first = 0;
  size_t count = 0;
  std::vector<store::EventRow> events;  // slots reused from batch to batch (their capacity too)
  std::vector<EntryOutcome> outcomes;
  bool done = false;
};

// One thread's checker: its own cipher contexts and buffers, reused from entry to entry.
class EntryChecker {
 public:
  explicit EntryChecker(const protect::MasterKeyFile& keys)
      : opener_(keys, protect::kEventPayloadContext) {}

  void CheckBatch(EntryBatch& batch) {
    batch.outcomes.resize(batch.count);
    for (size_t i = 0; i < batch.count; ++i) {
      EntryOutcome& outcome = batch.outcomes[i];
      outcome.status =
          Check(batch.first + static_cast<int64_t>(i), batch.events[i], outcome.leaf_hash);
    }
  }

 private:
  Status Check(int64_t position, const store::EventRow& event, ledger::Hash& leaf_hash) {
    const auto where = [&] { return "entry " + std::to_string(position); };
    if (!event.payload.empty()) {
      Status opened = opener_.UnwrapKey(event.payload_key, key_);
      if (opened.ok()) {
        opened = opener_.Open(key_, event.payload, protect::kEventPayloadContext, payload_);
      }
      if (!opened.ok()) {
        return Status::Invalid(where() + " (" + event.type +
                               "): its payload does not open: " + opened.message());
      }
      const Sha256Hash hash = Sha256Salted(event.salt, payload_);
      if (!std::equal(hash.begin(), hash.end(), event.payload_sha256.begin(),
                      event.payload_sha256.end())) {
        return Status::Invalid(where() + " (" + event.type +
                               "): its payload does not match the hash the log committed to");
      }
    }
    Status written = ledger::WriteEnvelopeLeaf({event.seq, event.time, event.actor, event.party,
                                                event.type, event.subjects, event.payload_sha256},
                                               leaf_);
    if (!written.ok()) return written.WithContext(where());
    leaf_hash = ledger::HashLeaf(AsBytes(leaf_));
    return Status::Ok();
  }

  protect::SealedOpener opener_;
  Bytes key_;
  Bytes payload_;
  std::string leaf_;
};

// Worker threads taking batches from a queue; stopped and joined when destroyed.
class CheckerThreads {
 public:
  CheckerThreads(const protect::MasterKeyFile& keys, int count) {
    for (int i = 0; i < count; ++i) {
      threads_.emplace_back([this, &keys] {
        EntryChecker checker(keys);
        std::unique_lock lock(mutex_);
        for (;;) {
          work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
          if (stopping_) return;
          EntryBatch* batch = queue_.front();
          queue_.pop_front();
          lock.unlock();
          checker.CheckBatch(*batch);
          lock.lock();
          batch->done = true;
          batch_done_.notify_all();
        }
      });
    }
  }
  ~CheckerThreads() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }
  CheckerThreads(const CheckerThreads&) = delete;
  CheckerThreads& operator=(const CheckerThreads&) = delete;

  void Submit(EntryBatch& batch) {
    {
      std::lock_guard lock(mutex_);
      batch.done = false;
      queue_.push_back(&batch);
    }
    work_ready_.notify_one();
  }
  bool IsDone(const EntryBatch& batch) {
    std::lock_guard lock(mutex_);
    return batch.done;
  }
  void WaitFor(const EntryBatch& batch) {
    std::unique_lock lock(mutex_);
    batch_done_.wait(lock, [&] { return batch.done; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable batch_done_;
  std::deque<EntryBatch*> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;  // last: started after the rest exists, joined first
};

// EntryCheckOptions::threads 0 means one worker per core, but at most this many: past a few
// workers the reading thread is the bound (docs/benchmarks.md, "Transparency log"), and a
// machine's core count can be far above what this process may use.
constexpr int kMaxDefaultWorkers = 8;

int WorkerCount(int wanted) {
  if (wanted < 0) return 0;
  if (wanted > 0) return wanted;
  const int cores = static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(cores, 1, kMaxDefaultWorkers);
}

}  // namespace

Result<EntryCheckTotals> CheckLogEntries(store::Store& store, const protect::MasterKeyFile& keys,
                                         const std::function<Status(const ledger::Hash&)>& leaf_hash,
                                         const EntryCheckOptions& options) {
  const size_t batch_size = std::max<size_t>(options.batch, 1);
  const int workers = WorkerCount(options.threads);
  EntryCheckTotals totals;
  // Batches in flight are checked in any order but taken back in submission (= log) order.
  std::vector<std::unique_ptr<EntryBatch>> pool(static_cast<size_t>(2 * workers + 2));
  std::vector<EntryBatch*> free;
  for (auto& batch : pool) {
    batch = std::make_unique<EntryBatch>();
    free.push_back(batch.get());
  }
  std::deque<EntryBatch*> in_flight;
  EntryChecker inline_checker(keys);  // when there are no workers
  // Declared after the batches: on an early return the threads are joined before the batches
  // they may still be checking are freed.
  CheckerThreads threads(keys, workers);
  int64_t next_position = 0;

  const auto submit = [&](EntryBatch& batch) {
    in_flight.push_back(&batch);
    if (workers == 0) {
      inline_checker.CheckBatch(batch);
      batch.done = true;
    } else {
      threads.Submit(batch);
    }
  };
  // Takes back the oldest batch in flight, waiting for it, and reports its entries in order.
  const auto take_oldest = [&]() -> Status {
    EntryBatch& batch = *in_flight.front();
    if (workers > 0) threads.WaitFor(batch);
    in_flight.pop_front();
    free.push_back(&batch);
    for (size_t i = 0; i < batch.count; ++i) {
      const int64_t position = batch.first + static_cast<int64_t>(i);
      const store::EventRow& event = batch.events[i];
      if (event.seq != position) {
        return Status::Invalid("entry " + std::to_string(position) +
                               ": missing (the next stored event is " +
                               std::to_string(event.seq) + "); events were deleted or reordered");
      }
      CANJE_RETURN_IF_ERROR(batch.outcomes[i].status);
      totals.erased_payloads += event.payload.empty() ? 1 : 0;
      CANJE_RETURN_IF_ERROR(leaf_hash(batch.outcomes[i].leaf_hash));
      ++totals.entries;
    }
    return Status::Ok();
  };

  EntryBatch* filling = nullptr;
  CANJE_RETURN_IF_ERROR(store.ForEachEvent([&](const store::EventRow& event) -> Status {
    if (filling == nullptr) {
      // Take back what is finished without waiting; wait only when every batch is in flight.
      while (!in_flight.empty() && (workers == 0 || threads.IsDone(*in_flight.front()))) {
        CANJE_RETURN_IF_ERROR(take_oldest());
      }
      if (free.empty()) CANJE_RETURN_IF_ERROR(take_oldest());
      filling = free.back();
      free.pop_back();
      filling->first = next_position;
      filling->count = 0;
    }
    if (filling->count == filling->events.size()) filling->events.emplace_back();
    filling->events[filling->count++] = event;  // assigns into the slot, reusing its capacity
    ++next_position;
    if (filling->count == batch_size) {
      submit(*filling);
      filling = nullptr;
    }
    return Status::Ok();
  }));
  if (filling != nullptr) submit(*filling);
  while (!in_flight.empty()) CANJE_RETURN_IF_ERROR(take_oldest());
  return totals;
}

}  // namespace canje::instance
