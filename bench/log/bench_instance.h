// Shared pieces of the transparency-log benchmarks (docs/benchmarks.md, "Transparency log"):
// a fresh instance in a directory, the event every benchmark appends, and a clock.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "core/status.h"
#include "instance/instance.h"

namespace canje::bench_log {

// Creates a new instance in `dir` (store.db and master.key; `dir` must not hold them yet) and
// opens it as its first admin.
Result<std::unique_ptr<instance::Instance>> CreateInstance(const std::filesystem::path& dir);

// The payload of benchmark event `i`: a small JSON object of the size of a typical change
// (a proposal approval: ids, a decision and a short note; about 120 bytes).
nlohmann::json EventPayload(int64_t i);

// Records benchmark event `i` (type "bench.appended", subjects {"P<i>"}).
Status RecordEvent(instance::Recorder& recorder, int64_t i);

// Seconds on the wall clock and of this process's CPU time, since an arbitrary start.
double WallSeconds();
double CpuSeconds();

}  // namespace canje::bench_log
