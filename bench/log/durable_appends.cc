// Durable appends (docs/benchmarks.md, "Transparency log"): events per second through the store
// at full durability (WAL, synchronous=FULL, as the store opens SQLite), against a plain SQLite
// insert loop of rows of the same size at the same durability and batching, side by side in
// one run.
//
//   log_durable_appends DIR [SECONDS_PER_RUN] [GROUP] [ROUNDS]
//
// DIR must be empty or absent (it receives a canje instance and plain.db). Every variant runs
// for SECONDS_PER_RUN (default 3) in each of ROUNDS rounds (default 3); the median round is
// reported. GROUP (default 16) is the number of changes per transaction in group commit.
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "bench_instance.h"
#include "core/encoding.h"

namespace canje::bench_log {
namespace {

struct Run {
  int64_t events = 0;
  int64_t transactions = 0;
  double wall = 0;
  double cpu = 0;
  double rate() const { return static_cast<double>(events) / wall; }
};

// Runs `transaction` (which appends some events and returns how many) until `seconds` passed.
Run Timed(double seconds, const std::function<int64_t()>& transaction) {
  Run run;
  double wall0 = WallSeconds(), cpu0 = CpuSeconds();
  while (WallSeconds() - wall0 < seconds) {
    run.events += transaction();
    ++run.transactions;
  }
  run.wall = WallSeconds() - wall0;
  run.cpu = CpuSeconds() - cpu0;
  return run;
}

void Check(const Status& status, const char* what) {
  if (!status.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, status.ToString().c_str());
    std::exit(1);
  }
}

void CheckSqlite(int code, sqlite3* db, const char* what) {
  if (code != SQLITE_OK && code != SQLITE_DONE) {
    std::fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

// The plain insert loop: one table of (seq, data) rows in a database opened as the store opens
// its own (WAL, synchronous=FULL).
class PlainLoop {
 public:
  PlainLoop(const std::string& path, size_t row_size) : row_(row_size) {
    CheckSqlite(sqlite3_open(path.c_str(), &db_), db_, "open plain.db");
    Exec(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-65536;"
        "CREATE TABLE IF NOT EXISTS plain(seq INTEGER PRIMARY KEY, data BLOB NOT NULL)");
    for (size_t i = 0; i < row_.size(); ++i) row_[i] = static_cast<uint8_t>(i * 131 + 7);
    CheckSqlite(
        sqlite3_prepare_v2(db_, "INSERT INTO plain(seq, data) VALUES(?, ?)", -1, &insert_, nullptr),
        db_, "prepare insert");
  }
  ~PlainLoop() {
    sqlite3_finalize(insert_);
    sqlite3_close(db_);
  }
  // One transaction of `rows` rows; with `savepoints`, each row inside its own savepoint.
  int64_t Transaction(int rows, bool savepoints) {
    Exec("BEGIN IMMEDIATE");
    for (int i = 0; i < rows; ++i) {
      if (savepoints) Exec("SAVEPOINT change");
      row_[0] = static_cast<uint8_t>(next_);  // no two rows alike
      sqlite3_bind_int64(insert_, 1, next_++);
      sqlite3_bind_blob(insert_, 2, row_.data(), static_cast<int>(row_.size()), SQLITE_STATIC);
      CheckSqlite(sqlite3_step(insert_), db_, "insert");
      sqlite3_reset(insert_);
      if (savepoints) Exec("RELEASE change");
    }
    Exec("COMMIT");
    return rows;
  }

 private:
  void Exec(const char* sql) {
    CheckSqlite(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr), db_, sql);
  }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  std::vector<uint8_t> row_;
  int64_t next_ = 0;
};

int Main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: log_durable_appends DIR [SECONDS_PER_RUN] [GROUP] [ROUNDS]\n");
    return 2;
  }
  std::filesystem::path dir = argv[1];
  double seconds = argc > 2 ? std::atof(argv[2]) : 3.0;
  int group = argc > 3 ? std::atoi(argv[3]) : 16;
  int rounds = argc > 4 ? std::atoi(argv[4]) : 3;
  std::filesystem::create_directories(dir / "canje");
  auto opened = CreateInstance(dir / "canje");
  Check(opened.status(), "create instance");
  instance::Instance& canje = **opened;
  store::Store& store = canje.store();
  int64_t next = 0;

  // A warm-up that also tells the size of an event row.
  for (int i = 0; i < 20; ++i) {
    Check(canje.Change([&](instance::Recorder& r) { return RecordEvent(r, next++); }), "warm-up");
  }
  auto sizes = store.connection().Prepare(
      "SELECT avg(8 + length(time) + length(actor) + length(party) + length(type) + "
      "length(subjects) + length(payload_sha256) + length(salt) + length(payload_key) + "
      "length(payload)), (SELECT avg(length(note) + length(root) + length(signed_at) + 8) "
      "FROM checkpoints), (SELECT count(*) FROM merkle_hashes) * 1.0 / count(*) "
      "FROM events WHERE type = 'bench.appended'");
  Check(sizes.status(), "prepare sizes");
  Check((*sizes)->Step().status(), "sizes");
  auto column_double = [&](int c) { return std::atof((*sizes)->Text(c).c_str()); };
  const double row_size = column_double(0), checkpoint_size = column_double(1);
  const double hashes_per_event = column_double(2);
  PlainLoop plain((dir / "plain.db").string(), static_cast<size_t>(row_size + 0.5));
  for (int i = 0; i < 20; ++i) plain.Transaction(1, false);

  auto canje_change = [&](int changes_in_transaction, bool checkpoint, bool savepoints) {
    auto body = [&](instance::Recorder& r) -> Status {
      for (int i = 0; i < changes_in_transaction; ++i) {
        if (savepoints) CANJE_RETURN_IF_ERROR(store.connection().Execute("SAVEPOINT change"));
        CANJE_RETURN_IF_ERROR(RecordEvent(r, next++));
        if (savepoints) CANJE_RETURN_IF_ERROR(store.connection().Execute("RELEASE change"));
      }
      return Status::Ok();
    };
    if (checkpoint) {
      Check(canje.Change(body), "change");
    } else {
      Check(store.Write(canje.actor(),
                        [&](store::WriteTransaction& t) {
                          instance::Recorder recorder(t, canje.vault());
                          return body(recorder);
                        }),
            "write");
    }
    return static_cast<int64_t>(changes_in_transaction);
  };

  struct Variant {
    std::string name;
    std::function<int64_t()> transaction;
    std::vector<Run> runs;
  };
  const std::string g = std::to_string(group);
  std::vector<Variant> variants = {
      {"canje: 1 change/txn (Instance::Change, 1 Record, signed checkpoint)",
       [&] { return canje_change(1, true, false); },
       {}},
      {"canje: 1 change/txn, no checkpoint (Store::Write + Record)",
       [&] { return canje_change(1, false, false); },
       {}},
      {"plain sqlite: 1 row/txn", [&] { return plain.Transaction(1, false); }, {}},
      {"canje: group commit, " + g + " changes/txn, 1 checkpoint",
       [&] { return canje_change(group, true, false); },
       {}},
      {"canje: group commit, " + g + " changes/txn, savepoint per change",
       [&] { return canje_change(group, true, true); },
       {}},
      {"plain sqlite: " + g + " rows/txn", [&] { return plain.Transaction(group, false); }, {}},
      {"plain sqlite: " + g + " rows/txn, savepoint per row",
       [&] { return plain.Transaction(group, true); },
       {}},
  };
  for (int round = 0; round < rounds; ++round) {
    for (Variant& variant : variants) variant.runs.push_back(Timed(seconds, variant.transaction));
  }
  auto median = [](std::vector<Run> runs) {
    std::sort(runs.begin(), runs.end(),
              [](const Run& a, const Run& b) { return a.rate() < b.rate(); });
    return runs[runs.size() / 2];
  };
  std::printf(
      "event row %.0f bytes (plain rows the same); per event canje also writes %.2f "
      "merkle_hashes rows (32-byte hashes) and 1 event_subjects row; per transaction a "
      "checkpoint row of %.0f bytes\n",
      row_size, hashes_per_event, checkpoint_size);
  std::printf("%-72s %10s %10s %12s %s\n", "variant (median of rounds)", "events/s", "txn/s",
              "CPU us/event", "all rounds events/s");
  std::vector<double> rate, cpu_per_event;
  for (Variant& variant : variants) {
    Run m = median(variant.runs);
    rate.push_back(m.rate());
    cpu_per_event.push_back(m.cpu / static_cast<double>(m.events) * 1e6);
    std::string all;
    for (const Run& run : variant.runs)
      all += std::to_string(static_cast<int64_t>(run.rate())) + " ";
    std::printf("%-72s %10.0f %10.0f %12.1f %s\n", variant.name.c_str(), m.rate(),
                static_cast<double>(m.transactions) / m.wall,
                m.cpu / static_cast<double>(m.events) * 1e6, all.c_str());
  }
  std::printf("ratio canje/plain, 1 change/txn:                     %.2fx (goal >= 0.5x)\n",
              rate[0] / rate[2]);
  std::printf("ratio canje/plain, 1 change/txn, no checkpoint:      %.2fx\n", rate[1] / rate[2]);
  std::printf("ratio canje/plain, group of %d:                      %.2fx\n", group,
              rate[3] / rate[5]);
  std::printf("ratio canje/plain, group of %d, savepoints on both:  %.2fx\n", group,
              rate[4] / rate[6]);
  // Wall time is fsync-bound and noisy; CPU time shows the signing cost more steadily.
  std::printf(
      "checkpoint cost at 1 change/txn: %.0f us wall per change (rate ratio %.2fx; "
      "negative or < 1 means inside the noise), %.0f us CPU per change\n",
      (1 / rate[0] - 1 / rate[1]) * 1e6, rate[1] / rate[0], cpu_per_event[0] - cpu_per_event[1]);
  return 0;
}

}  // namespace
}  // namespace canje::bench_log

int main(int argc, char** argv) { return canje::bench_log::Main(argc, argv); }
