#include "cli/progress_bar.h"

namespace canje::cli {

void ProgressBar::Update(uint64_t done, uint64_t total) {
  if (!enabled_ || total == 0) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100) && done < total) return;
  last_ = now;
  constexpr int kWidth = 30;
  int filled = static_cast<int>(kWidth * std::min(done, total) / total);
  err_ << '\r' << label_ << " [" << std::string(filled, '#') << std::string(kWidth - filled, ' ')
       << "] " << (100 * std::min(done, total) / total) << "%" << std::flush;
  drawn_ = true;
}

void ProgressBar::Done() {
  if (!drawn_) return;
  err_ << '\r' << std::string(label_.size() + 40, ' ') << '\r' << std::flush;
  drawn_ = false;
}

}  // namespace canje::cli
