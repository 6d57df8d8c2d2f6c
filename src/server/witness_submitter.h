// `canje serve`'s background submitter: keeps every registered witness up to the log's latest
// checkpoint (instance/witness_submission.h), without ever holding up a request.
//
// One thread per registered witness, each with its own store connection, plus one thread that
// watches the registry (witnesses added, removed or re-registered are picked up within a poll
// interval). A witness's thread reads the latest checkpoint's size every `poll`; when the
// witness is behind, it submits. A failure (unreachable, refused, a bad answer) is retried
// after a back-off that doubles from `first_retry` up to `max_retry` (with ±20% jitter, so
// that several logs do not hammer a witness that comes back in step); the first success resets
// it. Catching up needs nothing special: a submission always goes from the size the witness
// cosigned last to the latest checkpoint, with one consistency proof, however far behind it is.
//
// Writes by the command line while the server runs are picked up at the next poll, since the
// submitter reads the store, not the server's own requests. Without a running server, nothing
// is sent until `canje log push` (docs/auditing.md).
//
// Each change of a witness's state (first failure, recovery) is reported through `report`
// (stderr in `canje serve`), not every retry.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include "core/status.h"
#include "instance/witness_submission.h"
#include "store/witness_tables.h"

namespace canje::server {

struct WitnessSubmitterOptions {
  std::string database;  // the store, as canje opens it (a SQLite path or a postgresql:// URL)
  std::chrono::milliseconds poll{250};
  std::chrono::milliseconds first_retry{1000};
  std::chrono::milliseconds max_retry{300000};
  std::function<void(const std::string&)> report;  // one line, no newline; may be empty
};

// The wait before retry number `failures` (1 = after the first failure): first_retry doubled
// (failures - 1) times, at most max_retry, times `jitter` (0.8..1.2 in use; 1.0 in tests).
std::chrono::milliseconds RetryDelay(int failures, std::chrono::milliseconds first_retry,
                                     std::chrono::milliseconds max_retry, double jitter);

class WitnessSubmitter {
 public:
  WitnessSubmitter(WitnessSubmitterOptions options, instance::PostToWitness post);
  ~WitnessSubmitter();  // Stop()
  WitnessSubmitter(const WitnessSubmitter&) = delete;
  WitnessSubmitter& operator=(const WitnessSubmitter&) = delete;

  // Starts the threads. kUnavailable (or the store's error) when the store cannot be opened.
  Status Start();
  // Wakes every thread and waits for them to finish their current submission.
  void Stop();

 private:
  class Worker;
  void WatchRegistry();
  void Report(const std::string& line);

  WitnessSubmitterOptions options_;
  instance::PostToWitness post_;
  std::mutex mutex_;  // guards stopping_, workers_ and the wake-up
  std::condition_variable wake_;
  bool stopping_ = false;
  std::map<std::string, std::unique_ptr<Worker>> workers_;  // by witness name
  std::thread registry_thread_;
};

}  // namespace canje::server
