// Running the real `canje` binary from tests: each test gets a fresh folder, and Run() spawns
// the command there with CANJE_DB / CANJE_MASTER_KEY_FILE pointing into it, capturing stdout,
// stderr and the exit status.
//
// Backends: by default the store is the SQLite file dir()/canje.db. With
// CANJE_TEST_BACKEND=postgres and CANJE_TEST_POSTGRES_URL set (a superuser's URL on a throwaway
// cluster, scripts/postgres-test-cluster), each CanjeRunner creates its own PostgreSQL database,
// CANJE_DB names it and CANJE_MASTER_KEY_FILE is dir()/canje.db.key, so the same test runs on
// both backends; the database is dropped with the runner.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "store/postgres/postgres_test_database.h"

namespace canje::cli::testing {

struct RunResult {
  int exit_status = -1;  // the process's exit status; 128+N when killed by signal N
  std::string out;
  std::string err;
};

class CanjeRunner {
 public:
  CanjeRunner();   // makes a fresh temporary folder
  ~CanjeRunner();  // removes it

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path Path(const std::string& name) const { return dir_ / name; }
  // Runs `canje args...` in dir() with the store at dir()/canje.db.
  RunResult Run(const std::vector<std::string>& args,
                const std::vector<std::string>& extra_env = {}) const;
  // Runs `canje args...` as Run does; the command must succeed: any other exit status fails the
  // test, naming the command and its stderr. Returns its stdout.
  std::string RunOk(const std::vector<std::string>& args) const;
  // Runs `canje init` and fails the test if it does not succeed.
  void Init() const;
  // Puts a store as `canje demo` leaves it (the cecot-2025 lists imported and linked) in place
  // of this runner's store, and fails the test if that does not succeed. `canje demo` runs once
  // per test program and backend; each runner gets a copy of its store and master key (on
  // PostgreSQL a database made from it as a template), so a test starts in a second, not in
  // the demo's time, and no test sees another's changes.
  void LoadDemo() const;
  void WriteFile(const std::string& name, const std::string& content) const;
  std::string ReadFile(const std::string& name) const;

  // The store location given to canje: dir()/canje.db or this test's PostgreSQL URL.
  const std::string& database() const { return database_; }
  bool on_postgres() const { return !postgres_database_.empty(); }

 private:
  std::filesystem::path dir_;
  std::string database_;
  std::string postgres_database_;  // the database's name when on PostgreSQL
};

// A test in which several users act on one store (the cecot-2025 demo, usually): a command runs
// as a user and must succeed (Ok) or fail with an exit status and a message while writing
// nothing (Refused: the log's size is compared before and after).
class MultiUserTest : public ::testing::Test {
 protected:
  // The demo store (CanjeRunner::LoadDemo), then each (user, party, role) added.
  using UserSpec = std::tuple<std::string, std::string, std::string>;  // name, party, role
  void LoadDemoWithUsers(const std::vector<UserSpec>& users) const;
  // The cecot-2025 cast: med (PUENTE mediator), ver (PUENTE verifier), and one negotiator each
  // for SLV, USA and VEN (slv, usa, ven); `extra` users after them.
  void LoadDemoWithDelegations(const std::vector<UserSpec>& extra = {}) const;
  // The party of a user added by LoadDemoWithUsers.
  const std::string& PartyOf(const std::string& user) const { return parties_.at(user); }
  // The ids of `canje persons FILTERS --json`, in its order.
  std::vector<std::string> PersonIds(const std::vector<std::string>& filters) const;
  // `med` creates exchange X1 named `name` (with `flags` such as --at) and gives it the
  // cecot-2025 sides: SLV and USA in bloc SLV+USA, VEN alone in bloc VEN.
  void CreateCecotExchange(const std::string& name,
                           const std::vector<std::string>& flags = {}) const;
  // LoadDemoWithDelegations(extra), then roster_ and us_ read from the demo store; the test
  // fails (fatally) when roster_ has fewer than `min_roster` persons or us_ fewer than `min_us`.
  void LoadDemoWithRosters(size_t min_roster, size_t min_us,
                           const std::vector<UserSpec>& extra = {});
  // CreateCecotExchange(name), then `med` creates and tables V1: the first `from_roster`
  // persons of roster_ from SLV to VEN, and us_[0] and us_[1] from VEN to USA.
  void TableCecotVersion(const std::string& name, int from_roster) const;
  RunResult As(const std::string& user, std::vector<std::string> args) const;
  // stdout of a step that must succeed.
  std::string Ok(const std::string& user, std::vector<std::string> args) const;
  // The number of events in the log.
  int64_t LogSize() const;
  void Refused(const std::string& user, const std::vector<std::string>& args, int exit_status,
               const std::string& message) const;
  // `user` makes an Ed25519 key pair (USER.pem, USER.pub.pem: MakeEd25519KeyPair), adds its
  // public key to `party` and signs manifest.json into USER.sig; a step that fails fails the
  // test.
  void SignManifest(const std::string& user, const std::string& party) const;

  CanjeRunner canje_;
  std::vector<std::string> roster_;  // SLV's CECOT roster (list L1), after LoadDemoWithRosters
  std::vector<std::string> us_;      // the US nationals VEN holds (list L2), likewise

 private:
  mutable std::map<std::string, std::string> parties_;  // user -> party, as added
};

// True when the tests are asked to run on PostgreSQL (see above).
using store::testing::TestsUsePostgres;

// True when `part` is not empty and occurs in `text` (an empty part is never "found", so a
// check that a value does not leak cannot pass by accident on an empty value).
bool Contains(const std::string& text, const std::string& part);
// The test cluster's superuser URL (CANJE_TEST_POSTGRES_URL), empty when unset; and `url` with
// its database name replaced (store/postgres/postgres_test_database.h).
using store::testing::PostgresUrlForDatabase;
using store::testing::TestPostgresUrl;
// Runs SQL through psql on `url` (-v ON_ERROR_STOP=1, unaligned tuples only).
RunResult RunPsql(const std::string& url, const std::string& sql);

// Runs any program (argv[0] looked up in PATH) and captures its outputs.
RunResult RunProgram(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
                     const std::vector<std::string>& env);

// Makes an Ed25519 key pair with the openssl command in `dir`: NAME.pem (private, PKCS#8) and
// NAME.pub.pem (public, SPKI), as a party would before `canje party key add`. False (and the
// test fails) when openssl does not succeed.
bool MakeEd25519KeyPair(const std::filesystem::path& dir, const std::string& name);

// Starts the program `argv` (argv[0] a path) with this process's environment but its CANJE_
// variables, and `env` (NAME=VALUE each), as RunProgram does; calls `ready()` every
// `poll` until it is true, then kills the program (SIGKILL). Fails the test (fatally) when the
// program ends before, saying "`what` ended before it could be killed", or was not killed.
void KillWhenReady(std::vector<std::string> argv, std::vector<std::string> env,
                   const std::function<bool()>& ready, std::chrono::microseconds poll,
                   const std::string& what);
// Starts `canje key rotate` on `canje`'s store and kills it (SIGKILL) as soon as the new key is
// in the key file, while the store is being re-wrapped; fails the test (fatally) when the
// rotation ends before it could be killed.
void KillKeyRotationHalfWay(const CanjeRunner& canje);

// `after` is `canje persons --json` after the person at index `erased` of `before` (the same
// list read earlier) was erased: the list keeps its length (counts stay), that person is marked
// erased with no name and the same custody, and every other person is unchanged.
void ExpectOnlyErased(const nlohmann::json& before, const nlohmann::json& after, size_t erased);

// A way of tampering with a store's log (SQL run on a copy of the store) and what
// `canje log verify` must then say on stderr.
struct LogTampering {
  std::string name;
  std::string sql;
  std::string expected;
};
// The tamperings written the same in SQLite's SQL and PostgreSQL's.
std::vector<LogTampering> TamperingsOnEitherBackend();
// For each of `cases` and of TamperingsOnEitherBackend(), `verify_tampered(name, sql)` runs
// `canje log verify` on a copy of the store changed by `sql`: it must exit with status 65 and
// say the case's `expected` on stderr.
void ExpectTamperingsCaught(
    std::vector<LogTampering> cases,
    const std::function<RunResult(const std::string&, const std::string&)>& verify_tampered);

}  // namespace canje::cli::testing
