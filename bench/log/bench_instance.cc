#include "bench_instance.h"

#include <ctime>

namespace canje::bench_log {

Result<std::unique_ptr<instance::Instance>> CreateInstance(const std::filesystem::path& dir) {
  instance::InitOptions init;
  init.database = (dir / "store.db").string();
  init.master_key_file = (dir / "master.key").string();
  init.origin = "bench.example/log";
  CANJE_RETURN_IF_ERROR(instance::Instance::Initialize(init).status());
  return instance::Instance::Open({init.database, init.master_key_file, ""});
}

nlohmann::json EventPayload(int64_t i) {
  return {{"proposal", "X" + std::to_string(i % 1000)},
          {"person", "P" + std::to_string(i)},
          {"decision", "approved"},
          {"note", "synthetic benchmark event; no real person"}};
}

Status RecordEvent(instance::Recorder& recorder, int64_t i) {
  return recorder.Record("bench.appended", {"P" + std::to_string(i)}, EventPayload(i)).status();
}

namespace {
double Seconds(clockid_t clock) {
  timespec now{};
  clock_gettime(clock, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}
}  // namespace

double WallSeconds() { return Seconds(CLOCK_MONOTONIC); }
double CpuSeconds() { return Seconds(CLOCK_PROCESS_CPUTIME_ID); }

}  // namespace canje::bench_log
