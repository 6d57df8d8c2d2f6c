#include "server/request_workers.h"

namespace canje::server {

RequestWorkers::RequestWorkers(int workers, int max_waiting, std::chrono::milliseconds max_wait)
    : workers_(workers), max_waiting_(max_waiting), max_wait_(max_wait) {
  for (int i = 0; i < workers_; ++i) threads_.emplace_back([this] { Work(); });
}

RequestWorkers::~RequestWorkers() { Stop(); }

bool RequestWorkers::FullLocked() const {
  // Jobs waiting in the queue while a worker is about to take them count as running.
  const int idle = workers_ - running_;
  const int waiting = static_cast<int>(queue_.size());
  return stopping_ || waiting - idle >= max_waiting_;
}

bool RequestWorkers::TrySubmit(Job job) {
  {
    std::lock_guard lock(mutex_);
    if (FullLocked()) return false;
    const bool must_wait = running_ + static_cast<int>(queue_.size()) >= workers_;
    queue_.push_back({std::move(job), must_wait ? std::optional(Clock::now()) : std::nullopt});
  }
  wake_.notify_one();
  return true;
}

bool RequestWorkers::Full() const {
  std::lock_guard lock(mutex_);
  return FullLocked();
}

int RequestWorkers::Running() const {
  std::lock_guard lock(mutex_);
  return running_;
}

int RequestWorkers::Waiting() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(queue_.size());
}

void RequestWorkers::Work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and nothing accepted is left
    Queued next = std::move(queue_.front());
    queue_.pop_front();
    ++running_;
    lock.unlock();
    next.job(next.since && Clock::now() - *next.since > max_wait_);
    next.job = nullptr;  // whatever the job holds goes before the count drops
    lock.lock();
    --running_;
  }
}

void RequestWorkers::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  std::lock_guard lock(mutex_);
  threads_.clear();
}

}  // namespace canje::server
