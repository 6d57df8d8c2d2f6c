// A progress bar on stderr for long work, drawn only on a terminal (CommandContext::ShowProgress).
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace canje::cli {

class ProgressBar {
 public:
  ProgressBar(std::ostream& err, std::string label, bool enabled)
      : err_(err), label_(std::move(label)), enabled_(enabled) {}
  ~ProgressBar() { Done(); }
  // Redraws at most ten times a second.
  void Update(uint64_t done, uint64_t total);
  // Clears the bar's line.
  void Done();

 private:
  std::ostream& err_;
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace canje::cli
