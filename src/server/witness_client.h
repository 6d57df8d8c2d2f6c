// The HTTP side of sending checkpoints to witnesses: one POST <url>/add-checkpoint over plain
// HTTP/1.1 (Boost.Beast, synchronous, one connection per request), for the log's submissions
// (instance/witness_submission.h). Used by `canje serve`'s background submitter and by
// `canje log push`.
#pragma once

#include <chrono>

#include "instance/witness_submission.h"

namespace canje::server {

// A PostToWitness that gives up after `timeout` (connecting, sending and reading together),
// with kUnavailable saying which step failed. Safe to call from several threads.
instance::PostToWitness HttpWitnessPoster(std::chrono::milliseconds timeout);

}  // namespace canje::server
