// tiles_cosign_latency DIR ROUNDS: the time from a change to every witness's cosignature being
// stored, per checkpoint, with the witnesses on loopback (bench/tiles/run starts them and
// registers them in the instance in DIR, made by tiles_fill_log).
//
// Each round appends one event through the core (signing a checkpoint), then submits it to
// every registered witness at once, one thread and one store connection per witness, as
// `canje serve`'s background submitter does, and waits for all to be stored. Prints the
// latency's percentiles, and the CPU time of this process (the log's side) per checkpoint.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <thread>
#include <vector>

#include "bench_instance.h"
#include "instance/witness_submission.h"
#include "server/witness_client.h"
#include "store/witness_tables.h"

int main(int argc, char** argv) {
  using namespace canje;
  if (argc != 3) {
    std::cerr << "usage: tiles_cosign_latency DIR ROUNDS\n";
    return 2;
  }
  const std::string dir = argv[1];
  const int rounds = std::atoi(argv[2]);
  auto opened = instance::Instance::Open({dir + "/store.db", dir + "/master.key", ""});
  if (!opened.ok()) {
    std::cerr << opened.status().ToString() << "\n";
    return 1;
  }
  instance::Instance& instance = **opened;
  auto witnesses = store::Witnesses(instance.store(), false);
  if (!witnesses.ok() || witnesses->empty()) {
    std::cerr << "no witness registered in " << dir << "\n";
    return 1;
  }
  std::vector<std::unique_ptr<store::Store>> stores;
  for (size_t i = 0; i < witnesses->size(); ++i) {
    Result<std::unique_ptr<store::Store>> store = store::Store::Open({dir + "/store.db", false});
    if (!store.ok()) {
      std::cerr << store.status().ToString() << "\n";
      return 1;
    }
    stores.push_back(std::move(*store));
  }
  const instance::PostToWitness post = server::HttpWitnessPoster(std::chrono::seconds(10));
  std::vector<double> latencies;
  const double cpu_start = bench_log::CpuSeconds();
  for (int round = 0; round < rounds; ++round) {
    Status changed = instance.Change([&](instance::Recorder& recorder) {
      return bench_log::RecordEvent(recorder, 1000000 + round);
    });
    if (!changed.ok()) {
      std::cerr << changed.ToString() << "\n";
      return 1;
    }
    const double start = bench_log::WallSeconds();
    std::vector<std::thread> threads;
    std::vector<int> ok(witnesses->size(), 0);
    for (size_t i = 0; i < witnesses->size(); ++i) {
      threads.emplace_back([&, i] {
        auto report = instance::SubmitToWitness(*stores[i], (*witnesses)[i], post);
        ok[i] = report.ok() && report->cosigned;
      });
    }
    for (auto& thread : threads) thread.join();
    latencies.push_back((bench_log::WallSeconds() - start) * 1000);
    if (std::count(ok.begin(), ok.end(), 1) != static_cast<long>(ok.size())) {
      std::cerr << "round " << round << ": a witness did not cosign\n";
      return 1;
    }
  }
  const double cpu = bench_log::CpuSeconds() - cpu_start;
  std::sort(latencies.begin(), latencies.end());
  auto at = [&](double q) { return latencies[static_cast<size_t>(q * (latencies.size() - 1))]; };
  std::printf(
      "%zu witnesses, %d checkpoints: latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
      "max %.2f ms; log-side CPU %.2f ms per checkpoint (appending included)\n",
      witnesses->size(), rounds, at(0.5), at(0.9), at(0.99), latencies.back(), cpu * 1000 / rounds);
  return 0;
}
