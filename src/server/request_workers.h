// The threads that answer requests, and the bounded line of requests waiting for one: the
// back-pressure of `canje serve` (docs/operations.md, "Back-pressure").
//
// A handler may block on the store for as long as the database takes; the network threads
// (server/http_server.h) only read and write. Each complete request is handed here. At most
// `workers` run at once (so at most that many database connections are busy) and at most
// `max_waiting` wait; one more is refused at once (TrySubmit says false and the session
// answers 503 with Retry-After, having run nothing). A request that found every worker busy
// and waited longer than `max_wait` for one is not run either: its job is called with `expired` true and answers
// 503 — the client that gave up waiting is not served late, and nothing is written for it.
//
// Stop() lets every job already accepted run (a graceful stop answers what is in flight), then
// joins the threads. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace canje::server {

class RequestWorkers {
 public:
  using Clock = std::chrono::steady_clock;
  // `expired`: the job waited longer than max_wait and must not do the request's work.
  using Job = std::function<void(bool expired)>;

  // workers >= 1, max_waiting >= 0.
  RequestWorkers(int workers, int max_waiting, std::chrono::milliseconds max_wait);
  ~RequestWorkers();  // Stop()
  RequestWorkers(const RequestWorkers&) = delete;
  RequestWorkers& operator=(const RequestWorkers&) = delete;

  // Queues `job` unless `workers` jobs run and `max_waiting` wait already (false: refused,
  // `job` is not kept), or the workers were stopped.
  bool TrySubmit(Job job);
  // Whether TrySubmit would refuse now (to refuse a request before its body is read).
  bool Full() const;
  // Jobs running and waiting now.
  int Running() const;
  int Waiting() const;
  // Runs what was accepted, then ends the threads; later TrySubmit calls say false.
  void Stop();

 private:
  struct Queued {
    Job job;
    std::optional<Clock::time_point> since;  // when it had to wait (every worker was busy)
  };
  void Work();
  bool FullLocked() const;

  const int workers_;
  const int max_waiting_;
  const std::chrono::milliseconds max_wait_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Queued> queue_;
  int running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace canje::server
