// A throwaway PostgreSQL database for one unit test, on the cluster that `make test` starts
// (scripts/postgres-test-cluster; its superuser URL in CANJE_TEST_POSTGRES_URL).
#pragma once

#include <string>

namespace canje::store::testing {

// The test cluster's superuser URL, empty when CANJE_TEST_POSTGRES_URL is unset (tests that
// need it skip themselves).
std::string TestPostgresUrl();

// True when the tests are asked to run on PostgreSQL (CANJE_TEST_BACKEND=postgres) and the
// cluster's URL is set: the test fixtures then put their stores there.
bool TestsUsePostgres();

// `url` with its database name replaced by `database`.
std::string PostgresUrlForDatabase(const std::string& url, const std::string& database);

// Creates a database with a fresh unique name on the test cluster, and drops it (WITH FORCE)
// when destroyed. ok() is false, with error() saying why, when it could not be created.
class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  bool ok() const { return !url_.empty(); }
  const std::string& error() const { return error_; }
  const std::string& name() const { return name_; }
  const std::string& url() const { return url_; }  // the new database's URL

 private:
  std::string name_;
  std::string url_;
  std::string error_;
};

}  // namespace canje::store::testing
