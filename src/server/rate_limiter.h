// A token bucket: at most `rate` requests per second on average, with bursts of up to `burst`.
// Used by `canje witness serve` to bound the work (signature checks, fsyncs) anyone on the
// network can make it do. Thread-safe.
#pragma once

#include <chrono>
#include <mutex>

namespace canje::server {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  // rate > 0 requests per second; burst >= 1. The bucket starts full.
  RateLimiter(double rate, double burst);

  // Takes one token at `now` when there is one. Otherwise false, and `*retry_after` (when
  // given) is how long until the next token (rounded up to whole seconds, at least 1).
  bool Allow(Clock::time_point now, int* retry_after_seconds = nullptr);
  bool Allow(int* retry_after_seconds = nullptr) {
    return Allow(Clock::now(), retry_after_seconds);
  }
  // As Allow, but leaves the token in the bucket: whether Allow would say yes now. Used to refuse
  // a request before reading its body; Allow then takes the token when the request is handled.
  bool HasToken(Clock::time_point now, int* retry_after_seconds = nullptr);
  bool HasToken(int* retry_after_seconds = nullptr) {
    return HasToken(Clock::now(), retry_after_seconds);
  }

 private:
  // Refills the bucket up to `now` and says whether it holds a token (else sets the wait).
  // Called with mutex_ held.
  bool Refill(Clock::time_point now, int* retry_after_seconds);

  const double rate_;
  const double burst_;
  std::mutex mutex_;
  double tokens_;
  Clock::time_point last_;
  bool started_ = false;
};

}  // namespace canje::server
