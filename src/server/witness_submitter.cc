#include "server/witness_submitter.h"

#include <algorithm>

namespace canje::server {

std::chrono::milliseconds RetryDelay(int failures, std::chrono::milliseconds first_retry,
                                     std::chrono::milliseconds max_retry, double jitter) {
  double delay = static_cast<double>(first_retry.count());
  for (int i = 1; i < failures && delay < static_cast<double>(max_retry.count()); ++i) delay *= 2;
  delay = std::min(delay, static_cast<double>(max_retry.count())) * jitter;
  return std::chrono::milliseconds(static_cast<int64_t>(delay));
}

// One witness: its own thread and store connection.
class WitnessSubmitter::Worker {
 public:
  Worker(WitnessSubmitter& owner, store::WitnessRow witness)
      : owner_(owner), witness_(std::move(witness)), thread_([this] { Run(); }) {}
  ~Worker() {
    {
      std::lock_guard lock(owner_.mutex_);
      done_ = true;
    }
    owner_.wake_.notify_all();
    thread_.join();
  }
  const store::WitnessRow& witness() const { return witness_; }

 private:
  void Run() {
    std::unique_ptr<store::Store> store;
    std::mt19937 random(std::random_device{}());
    std::uniform_real_distribution<double> jitter(0.8, 1.2);
    int failures = 0;
    std::string last_problem;
    auto next = std::chrono::steady_clock::now();
    while (!Sleep(next)) {
      next = std::chrono::steady_clock::now() + owner_.options_.poll;
      Result<instance::SubmissionReport> report = Status::Unavailable("the store is not open");
      if (!store) {
        Result<std::unique_ptr<store::Store>> opened =
            store::Store::Open({owner_.options_.database, false});
        if (opened.ok())
          store = std::move(*opened);
        else
          report = opened.status();
      }
      if (store) report = instance::SubmitToWitness(*store, witness_, owner_.post_);
      std::string problem;
      if (!report.ok()) {
        problem = "the store: " + report.status().message();
        store.reset();  // reopen next time (the connection may be broken)
      } else if (!report->ok()) {
        problem = report->problem;
      }
      if (problem.empty()) {
        if (failures > 0) {
          owner_.Report("witness " + witness_.name + " is back after " + std::to_string(failures) +
                        " failed attempts: cosigned size " + std::to_string(report->cosigned_size));
        }
        failures = 0;
        last_problem.clear();
        continue;
      }
      ++failures;
      const auto delay = RetryDelay(failures, owner_.options_.first_retry,
                                    owner_.options_.max_retry, jitter(random));
      next = std::chrono::steady_clock::now() + std::max(delay, owner_.options_.poll);
      if (problem != last_problem) {
        owner_.Report("witness " + witness_.name + ": " + problem + "; retrying with back-off");
        last_problem = problem;
      }
    }
  }

  // Waits until `until` or until stopped; true when stopped.
  bool Sleep(std::chrono::steady_clock::time_point until) {
    std::unique_lock lock(owner_.mutex_);
    owner_.wake_.wait_until(lock, until, [this] { return done_ || owner_.stopping_; });
    return done_ || owner_.stopping_;
  }

  WitnessSubmitter& owner_;
  const store::WitnessRow witness_;
  bool done_ = false;  // guarded by owner_.mutex_
  std::thread thread_;
};

WitnessSubmitter::WitnessSubmitter(WitnessSubmitterOptions options, instance::PostToWitness post)
    : options_(std::move(options)), post_(std::move(post)) {}

WitnessSubmitter::~WitnessSubmitter() { Stop(); }

Status WitnessSubmitter::Start() {
  CANJE_RETURN_IF_ERROR(store::Store::Open({options_.database, false}).status());
  registry_thread_ = std::thread([this] { WatchRegistry(); });
  return Status::Ok();
}

void WitnessSubmitter::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !registry_thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (registry_thread_.joinable()) registry_thread_.join();
  workers_.clear();  // each joins its thread
}

void WitnessSubmitter::Report(const std::string& line) {
  if (options_.report) options_.report(line);
}

void WitnessSubmitter::WatchRegistry() {
  std::unique_ptr<store::Store> store;
  while (true) {
    {
      std::unique_lock lock(mutex_);
      if (stopping_) return;
    }
    if (!store) {
      Result<std::unique_ptr<store::Store>> opened = store::Store::Open({options_.database, false});
      if (opened.ok()) store = std::move(*opened);
    }
    if (store) {
      Result<std::vector<store::WitnessRow>> registered = instance::WitnessesToSubmitTo(*store);
      if (!registered.ok()) {
        store.reset();
      } else {
        std::map<std::string, store::WitnessRow> wanted;
        for (auto& row : *registered) wanted.emplace(row.name, std::move(row));
        // Workers only change here, on this thread; Stop() joins this thread before it touches
        // them. A worker is replaced when its row changed (re-registered with another URL).
        for (auto it = workers_.begin(); it != workers_.end();) {
          auto found = wanted.find(it->first);
          const bool same = found != wanted.end() &&
                            found->second.url == it->second->witness().url &&
                            found->second.verifier_key == it->second->witness().verifier_key;
          it = same ? std::next(it) : workers_.erase(it);
        }
        for (auto& [name, row] : wanted) {
          if (!workers_.contains(name)) {
            workers_.emplace(name, std::make_unique<Worker>(*this, row));
          }
        }
      }
    }
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, std::max(options_.poll, std::chrono::milliseconds(1000)),
                   [this] { return stopping_; });
  }
}

}  // namespace canje::server
