#include "negotiation/batch_problems.h"

#include <string>

namespace canje::negotiation {

Status JoinProblems(const std::vector<Status>& problems) {
  if (problems.empty()) return Status::Ok();
  if (problems.size() == 1) return problems.front();
  constexpr size_t kShown = 20;
  std::string message = std::to_string(problems.size()) + " problems, nothing recorded:";
  for (size_t i = 0; i < problems.size() && i < kShown; ++i) {
    message += "\n" + problems[i].message();
  }
  if (problems.size() > kShown) {
    message += "\n... and " + std::to_string(problems.size() - kShown) + " more";
  }
  return Status(problems.front().code(), message);
}

}  // namespace canje::negotiation
