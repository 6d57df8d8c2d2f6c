// Proof generation (docs/benchmarks.md, "Transparency log"): stored hashes read per proof and
// microseconds per proof at a large tree size, through the store's SqlHashReader.
//
//   log_proofs DIR SIZE store [PROOFS]   builds a real instance of SIZE events in DIR through
//                                        Instance::Change (10,000 events per change), measures
//                                        proofs and one more change, then writes DIR/leaves.bin
//                                        (every leaf's bytes, concatenated, for the `canje log
//                                        verify` comparison)
//   log_proofs DIR SIZE hashes [PROOFS]  creates an empty store in DIR and inserts only the
//                                        stored Merkle hashes of SIZE synthetic leaves, computed
//                                        with ledger::MemoryHashStore, into merkle_hashes with
//                                        sqlite3 in one transaction, then measures proofs
//
// PROOFS (default 10,000) inclusion proofs at random indexes and as many consistency proofs
// from random older sizes to SIZE, fixed seed. The first 200 inclusion proofs are verified.
#include <sqlite3.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "bench_instance.h"
#include "core/digest.h"
#include "ledger/event_envelope.h"
#include "ledger/memory_hash_store.h"
#include "ledger/merkle_tree.h"
#include "store/sql_hash_reader.h"
#include "store/store.h"

namespace canje::bench_log {
namespace {

void Check(const Status& status, const char* what) {
  if (!status.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, status.ToString().c_str());
    std::exit(1);
  }
}

constexpr int64_t kEventsPerChange = 10000;

// Builds the instance through the real API; returns nothing, prints the time it took.
void BuildThroughStore(const std::filesystem::path& dir, int64_t size) {
  auto opened = CreateInstance(dir);
  Check(opened.status(), "create instance");
  instance::Instance& canje = **opened;
  double wall0 = WallSeconds(), cpu0 = CpuSeconds();
  for (int64_t next = 0; next < size;) {
    int64_t end = std::min(size, next + kEventsPerChange);
    Check(canje.Change([&](instance::Recorder& r) -> Status {
      for (; next < end; ++next) CANJE_RETURN_IF_ERROR(RecordEvent(r, next));
      return Status::Ok();
    }),
          "append");
  }
  double wall = WallSeconds() - wall0, cpu = CpuSeconds() - cpu0;
  std::printf(
      "built %lld events through Instance::Change (%lld per change): %.1f s wall, "
      "%.1f s CPU, %.0f events/s\n",
      static_cast<long long>(size), static_cast<long long>(kEventsPerChange), wall, cpu,
      static_cast<double>(size) / wall);
}

// Every leaf's bytes, concatenated, for `openssl dgst -sha256` in bench/log/run.
void WriteLeaves(store::Store& store, const std::filesystem::path& path) {
  std::ofstream leaves(path, std::ios::binary);
  Check(store.ForEachEvent([&](const store::EventRow& e) -> Status {
    CANJE_ASSIGN_OR_RETURN(
        std::string leaf, ledger::EnvelopeLeaf({e.seq, e.time, e.actor, e.party, e.type, e.subjects,
                                                e.payload_sha256}));
    leaves << leaf;
    return Status::Ok();
  }),
        "write leaves.bin");
}

void BuildHashesOnly(const std::filesystem::path& dir, int64_t size) {
  std::string path = (dir / "store.db").string();
  Check(store::Store::Open({path, true}).status(), "create store");  // the real schema
  double wall0 = WallSeconds();
  ledger::MemoryHashStore tree;
  for (int64_t i = 0; i < size; ++i) {
    std::string leaf = "synthetic leaf " + std::to_string(i);
    Check(tree.AppendLeafHash(ledger::HashLeaf(AsBytes(leaf))), "append leaf hash");
  }
  double computed = WallSeconds() - wall0;
  sqlite3* db = nullptr;
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK ||
      sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; BEGIN", nullptr, nullptr,
                   nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(db, "INSERT INTO merkle_hashes(idx, hash) VALUES(?, ?)", -1, &insert,
                         nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite3: %s\n", sqlite3_errmsg(db));
    std::exit(1);
  }
  const auto& hashes = tree.stored_hashes();
  for (size_t i = 0; i < hashes.size(); ++i) {
    sqlite3_bind_int64(insert, 1, static_cast<int64_t>(i));
    sqlite3_bind_blob(insert, 2, hashes[i].data(), 32, SQLITE_STATIC);
    if (sqlite3_step(insert) != SQLITE_DONE) {
      std::fprintf(stderr, "insert: %s\n", sqlite3_errmsg(db));
      std::exit(1);
    }
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  sqlite3_exec(db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  std::printf(
      "stored hashes only: %zu hashes of %lld synthetic leaves computed in %.1f s, "
      "inserted with sqlite3 in one transaction, %.1f s in all\n",
      hashes.size(), static_cast<long long>(size), computed, WallSeconds() - wall0);
}

struct ProofStats {
  int64_t max_read = 0;
  int64_t total_read = 0;
  double seconds = 0;
};

void Print(const char* what, const ProofStats& s, int64_t proofs, double bound) {
  std::printf("%-44s %8.1f %8lld %10.1f %12.1f\n", what,
              static_cast<double>(s.total_read) / static_cast<double>(proofs),
              static_cast<long long>(s.max_read), bound,
              s.seconds / static_cast<double>(proofs) * 1e6);
}

int Main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: log_proofs DIR SIZE store|hashes [PROOFS]\n");
    return 2;
  }
  std::filesystem::path dir = argv[1];
  const int64_t size = std::atoll(argv[2]);
  const std::string mode = argv[3];
  const int64_t proofs = argc > 4 ? std::atoll(argv[4]) : 10000;
  std::filesystem::create_directories(dir);
  if (mode == "store") {
    BuildThroughStore(dir, size);
  } else {
    BuildHashesOnly(dir, size);
  }

  auto opened = store::Store::Open({(dir / "store.db").string(), false});
  Check(opened.status(), "open store");
  store::Store& store = **opened;
  store::SqlHashReader reader(store.connection());
  auto root = ledger::TreeHash(size, reader);
  Check(root.status(), "tree root");
  std::mt19937_64 random(1);
  std::uniform_int_distribution<int64_t> any_index(0, size - 1);
  const double bound = 2 * std::log2(static_cast<double>(size));

  ProofStats inclusion, consistency, through_store;
  int64_t verified = 0;
  for (int64_t p = 0; p < proofs; ++p) {
    int64_t index = any_index(random);
    int64_t before = reader.hashes_read();
    double t0 = WallSeconds();
    auto proof = ledger::ProveInclusion(index, size, reader);
    inclusion.seconds += WallSeconds() - t0;
    Check(proof.status(), "inclusion proof");
    int64_t read = reader.hashes_read() - before;
    inclusion.total_read += read;
    inclusion.max_read = std::max(inclusion.max_read, read);
    if (p < 200) {  // the proof is a real one: it verifies against the root
      int64_t leaf_index[] = {ledger::StoredHashIndex(0, index)};
      auto leaf = reader.ReadHashes(leaf_index);
      Check(leaf.status(), "leaf hash");
      Check(ledger::VerifyInclusion(index, size, (*leaf)[0], *proof, *root), "verify proof");
      ++verified;
    }
  }
  std::uniform_int_distribution<int64_t> any_old(1, size);
  for (int64_t p = 0; p < proofs; ++p) {
    int64_t old_size = any_old(random);
    int64_t before = reader.hashes_read();
    double t0 = WallSeconds();
    auto proof = ledger::ProveConsistency(old_size, size, reader);
    consistency.seconds += WallSeconds() - t0;
    Check(proof.status(), "consistency proof");
    int64_t read = reader.hashes_read() - before;
    consistency.total_read += read;
    consistency.max_read = std::max(consistency.max_read, read);
  }
  for (int64_t p = 0; p < proofs; ++p) {  // the store's own entry point: a new reader per call
    int64_t index = any_index(random);
    double t0 = WallSeconds();
    auto proof = store.ProveInclusion(index, size);
    through_store.seconds += WallSeconds() - t0;
    Check(proof.status(), "Store::ProveInclusion");
  }
  std::printf(
      "n = %lld, %lld proofs of each kind (random, seed 1), %lld inclusion proofs "
      "verified against the root\n",
      static_cast<long long>(size), static_cast<long long>(proofs),
      static_cast<long long>(verified));
  std::printf("%-44s %8s %8s %10s %12s\n", "proof", "reads", "max", "2*log2(n)", "us/proof");
  Print("inclusion (SqlHashReader, reused)", inclusion, proofs, bound);
  Print("consistency (SqlHashReader, reused)", consistency, proofs, bound);
  std::printf("%-44s %8s %8s %10s %12.1f\n", "inclusion (Store::ProveInclusion)", "-", "-", "-",
              through_store.seconds / static_cast<double>(proofs) * 1e6);

  if (mode == "store") {  // what one more durable change costs at this size
    auto reopened =
        instance::Instance::Open({(dir / "store.db").string(), (dir / "master.key").string(), ""});
    Check(reopened.status(), "open instance");
    double t0 = WallSeconds();
    for (int i = 0; i < 3; ++i) Check((*reopened)->store().EventCount().status(), "count");
    double count_ms = (WallSeconds() - t0) / 3 * 1e3;
    const int changes = 20;
    t0 = WallSeconds();
    for (int i = 0; i < changes; ++i) {
      Check((*reopened)->Change([&](instance::Recorder& r) { return RecordEvent(r, size + i); }),
            "change");
    }
    std::printf(
        "at n = %lld: Instance::Change with 1 event %.1f ms each (%d changes); "
        "Store::EventCount (SELECT count(*), run by every write transaction) %.1f ms\n",
        static_cast<long long>(size), (WallSeconds() - t0) / changes * 1e3, changes, count_ms);
    WriteLeaves((*reopened)->store(), dir / "leaves.bin");
  }
  return 0;
}

}  // namespace
}  // namespace canje::bench_log

int main(int argc, char** argv) { return canje::bench_log::Main(argc, argv); }
