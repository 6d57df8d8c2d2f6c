#include "server/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace canje::server {

RateLimiter::RateLimiter(double rate, double burst)
    : rate_(rate), burst_(std::max(burst, 1.0)), tokens_(std::max(burst, 1.0)) {}

bool RateLimiter::Refill(Clock::time_point now, int* retry_after_seconds) {
  if (started_ && now > last_) {
    const double elapsed = std::chrono::duration<double>(now - last_).count();
    tokens_ = std::min(burst_, tokens_ + elapsed * rate_);
  }
  if (!started_ || now > last_) last_ = now;
  started_ = true;
  if (tokens_ >= 1.0) return true;
  if (retry_after_seconds != nullptr) {
    *retry_after_seconds = std::max(1, static_cast<int>(std::ceil((1.0 - tokens_) / rate_ - 1e-9)));
  }
  return false;
}

bool RateLimiter::Allow(Clock::time_point now, int* retry_after_seconds) {
  std::lock_guard lock(mutex_);
  if (!Refill(now, retry_after_seconds)) return false;
  tokens_ -= 1.0;
  return true;
}

bool RateLimiter::HasToken(Clock::time_point now, int* retry_after_seconds) {
  std::lock_guard lock(mutex_);
  return Refill(now, retry_after_seconds);
}

}  // namespace canje::server
