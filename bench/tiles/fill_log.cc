// tiles_fill_log DIR ENTRIES: a new instance in DIR (store.db, master.key; admin "admin") whose
// log holds ENTRIES benchmark events, appended through the core in changes of 10,000 events
// (each change signs a checkpoint, as every command does). For bench/tiles/run.
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "bench_instance.h"

int main(int argc, char** argv) {
  using namespace canje;
  if (argc != 3) {
    std::cerr << "usage: tiles_fill_log DIR ENTRIES\n";
    return 2;
  }
  const int64_t entries = std::atoll(argv[2]);
  auto opened = bench_log::CreateInstance(argv[1]);
  if (!opened.ok()) {
    std::cerr << opened.status().ToString() << "\n";
    return 1;
  }
  instance::Instance& instance = **opened;
  for (int64_t done = 0; done < entries;) {
    const int64_t batch = std::min<int64_t>(10000, entries - done);
    Status status = instance.Change([&](instance::Recorder& recorder) -> Status {
      for (int64_t i = done; i < done + batch; ++i) {
        CANJE_RETURN_IF_ERROR(bench_log::RecordEvent(recorder, i));
      }
      return Status::Ok();
    });
    if (!status.ok()) {
      std::cerr << status.ToString() << "\n";
      return 1;
    }
    done += batch;
  }
  std::cout << "filled " << argv[1] << " with " << entries << " events\n";
  return 0;
}
