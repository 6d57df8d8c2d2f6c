// Appends and proofs on SQLite and PostgreSQL side by side, in one process and one run
// (docs/benchmarks.md, "SQLite and PostgreSQL side by side"). The same workload runs against
// each backend through the real API, so the figures exclude process start-up and connection
// set-up, which bench/backends.sh includes:
//   - single changes: Instance::Change with one event (the event row, its Merkle hashes and a
//     signed checkpoint, committed durably) — ms per change;
//   - bulk appends: changes of 10,000 events each, up to SIZE events — events per second;
//   - proofs at SIZE: Store::ProveInclusion at random indexes and Store::ProveConsistency from
//     random older sizes (fixed seed, the same indexes on both) — µs per proof; the first 100
//     inclusion proofs are checked equal on the two backends.
//
//   log_backends DIR POSTGRES_URL [SIZE] [CHANGES] [PROOFS]
//
// DIR must be empty or absent (it receives the SQLite store and the master keys); POSTGRES_URL
// names an existing, empty database. Defaults: SIZE 100,000, CHANGES 200, PROOFS 2,000.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bench_instance.h"
#include "ledger/merkle_tree.h"
#include "store/store.h"

namespace canje::bench_log {
namespace {

void Check(const Status& status, const char* what) {
  if (!status.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, status.ToString().c_str());
    std::exit(1);
  }
}

struct Figures {
  double ms_per_change = 0;
  double bulk_events_per_second = 0;
  double us_per_inclusion = 0;
  double us_per_consistency = 0;
  std::vector<std::vector<ledger::Hash>> sample_proofs;
};

Figures Measure(const std::string& database, const std::filesystem::path& key, int64_t size,
                int64_t changes, int64_t proofs) {
  instance::InitOptions init;
  init.database = database;
  init.master_key_file = key.string();
  init.origin = "bench.example/backends";
  Check(instance::Instance::Initialize(init).status(), "init");
  auto opened = instance::Instance::Open({database, key.string(), ""});
  Check(opened.status(), "open");
  instance::Instance& canje = **opened;
  Figures figures;

  int64_t next = 0;
  double t0 = WallSeconds();
  for (int64_t c = 0; c < changes; ++c) {
    Check(canje.Change([&](instance::Recorder& r) { return RecordEvent(r, next++); }), "change");
  }
  figures.ms_per_change = (WallSeconds() - t0) * 1e3 / static_cast<double>(changes);

  constexpr int64_t kEventsPerChange = 10000;
  int64_t bulk = 0;
  t0 = WallSeconds();
  while (next < size) {
    int64_t end = std::min(size, next + kEventsPerChange);
    Check(canje.Change([&](instance::Recorder& r) -> Status {
      for (; next < end; ++next, ++bulk) CANJE_RETURN_IF_ERROR(RecordEvent(r, next));
      return Status::Ok();
    }),
          "bulk change");
  }
  figures.bulk_events_per_second = static_cast<double>(bulk) / (WallSeconds() - t0);

  store::Store& store = canje.store();
  auto count = store.EventCount();
  Check(count.status(), "count");
  const int64_t n = *count;
  std::mt19937_64 random(1);
  std::uniform_int_distribution<int64_t> any_index(0, n - 1);
  t0 = WallSeconds();
  for (int64_t p = 0; p < proofs; ++p) {
    auto proof = store.ProveInclusion(any_index(random), n);
    Check(proof.status(), "inclusion proof");
    if (p < 100) figures.sample_proofs.push_back(*proof);
  }
  figures.us_per_inclusion = (WallSeconds() - t0) * 1e6 / static_cast<double>(proofs);
  std::uniform_int_distribution<int64_t> any_old(1, n);
  t0 = WallSeconds();
  for (int64_t p = 0; p < proofs; ++p) {
    Check(store.ProveConsistency(any_old(random), n).status(), "consistency proof");
  }
  figures.us_per_consistency = (WallSeconds() - t0) * 1e6 / static_cast<double>(proofs);
  return figures;
}

int Main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: log_backends DIR POSTGRES_URL [SIZE] [CHANGES] [PROOFS]\n");
    return 2;
  }
  std::filesystem::path dir = argv[1];
  std::string postgres = argv[2];
  const int64_t size = argc > 3 ? std::atoll(argv[3]) : 100000;
  const int64_t changes = argc > 4 ? std::atoll(argv[4]) : 200;
  const int64_t proofs = argc > 5 ? std::atoll(argv[5]) : 2000;
  std::filesystem::create_directories(dir);

  Figures sqlite = Measure((dir / "store.db").string(), dir / "sqlite.key", size, changes, proofs);
  Figures pg = Measure(postgres, dir / "postgres.key", size, changes, proofs);
  // Different keys sign different checkpoints, but the trees hold the same events up to their
  // times; proofs differ in content, so only their shapes are compared.
  for (size_t i = 0; i < sqlite.sample_proofs.size(); ++i) {
    if (sqlite.sample_proofs[i].size() != pg.sample_proofs[i].size()) {
      std::fprintf(stderr, "proof %zu has a different length on the two backends\n", i);
      return 1;
    }
  }
  std::printf(
      "log of %lld events (+ the instance's own), %lld single changes, %lld proofs of "
      "each kind (random, seed 1)\n",
      static_cast<long long>(size), static_cast<long long>(changes),
      static_cast<long long>(proofs));
  std::printf("%-46s %12s %12s %8s\n", "", "SQLite", "PostgreSQL", "PG/SQL");
  auto row = [](const char* what, double a, double b) {
    std::printf("%-46s %12.2f %12.2f %7.2fx\n", what, a, b, b / a);
  };
  row("single change, 1 event + checkpoint (ms)", sqlite.ms_per_change, pg.ms_per_change);
  row("bulk appends, 10,000 per change (events/s)", sqlite.bulk_events_per_second,
      pg.bulk_events_per_second);
  row("inclusion proof at n (us)", sqlite.us_per_inclusion, pg.us_per_inclusion);
  row("consistency proof to n (us)", sqlite.us_per_consistency, pg.us_per_consistency);
  return 0;
}

}  // namespace
}  // namespace canje::bench_log

int main(int argc, char** argv) { return canje::bench_log::Main(argc, argv); }
