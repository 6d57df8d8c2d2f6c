// An instance for in-process tests: a real store in a temporary folder, its master key, and the
// instance opened as any of its users — what the rules below the front doors are tested on,
// without starting the binary.
//
//   TestInstance store;                      // creates the store and its admin ("admin")
//   ASSERT_TRUE(store.ok()) << store.error();
//   store.AddParty("VEN", "Venezuela", "state");
//   store.AddUser("ven", "VEN", "negotiator");
//   auto ven = store.Open("ven");            // Result<std::unique_ptr<Instance>>
//
// Backend: a SQLite file by default. With CANJE_TEST_BACKEND=postgres and CANJE_TEST_POSTGRES_URL
// (the throwaway cluster `make test` starts), a PostgreSQL database of its own, dropped with the
// object. Everything is removed when the object is destroyed.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/status.h"
#include "instance/instance.h"
#include "store/postgres/postgres_test_database.h"

namespace canje::instance::testing {

class TestInstance {
 public:
  TestInstance();
  ~TestInstance();
  TestInstance(const TestInstance&) = delete;
  TestInstance& operator=(const TestInstance&) = delete;

  // False, with error() saying why, when the store could not be created.
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  // The temporary folder (the SQLite file and the master key file live in it).
  const std::filesystem::path& dir() const { return dir_; }
  // How to open the store; `user` empty (the store's admin).
  const OpenOptions& options() const { return options_; }
  bool on_postgres() const { return database_.has_value(); }

  // The store's admin, opened once and kept.
  Instance& admin() { return *admin_; }
  // A new instance acting as `user` (kNotPermitted for a name that is not a user).
  Result<std::unique_ptr<Instance>> Open(const std::string& user) const;

  // Adds a party or a user as the admin would (the use cases of parties_and_users.h); a failure
  // fails the current test.
  void AddParty(const std::string& code, const std::string& name, const std::string& kind);
  void AddUser(const std::string& name, const std::string& party, const std::string& role);
  // Adds the party VEN (Venezuela, a state) and its negotiator "ven": the one user a test of
  // signing in or of the API acts as.
  void AddVenezuelaNegotiator();

  // The log's last event (into `event` when given) and its payload opened, as recorded; a text
  // in parentheses saying why when it cannot be opened (which fails the current test).
  std::string LastEventPayload(store::EventRow* event = nullptr);
  // The number of events in the log.
  int64_t LogSize();

 private:
  std::filesystem::path dir_;
  std::optional<store::testing::TestDatabase> database_;
  OpenOptions options_;
  std::unique_ptr<Instance> admin_;
  std::string error_;
};

// A test on a fresh store with the party VEN and its negotiator "ven" (AddVenezuelaNegotiator):
// what the tests of signing in and of the API start from. SetUp fails the test (fatally) when
// the store could not be created.
class VenezuelaNegotiatorTest : public ::testing::Test {
 protected:
  void SetUp() override;

  TestInstance store_;
  Instance* admin_ = nullptr;  // the store's admin
};

}  // namespace canje::instance::testing
