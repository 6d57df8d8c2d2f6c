// Batches (a file of interviews, outcomes or handovers) are checked whole before anything is
// written; their problems are reported together by one Status.
#pragma once

#include <vector>

#include "core/status.h"

namespace canje::negotiation {

// Ok when `problems` is empty; the problem itself when there is one; otherwise "N problems,
// nothing recorded:" and the first 20 messages, one per line (then "... and K more"), with the
// first problem's code.
Status JoinProblems(const std::vector<Status>& problems);

}  // namespace canje::negotiation
