#include "store/postgres/postgres_test_database.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>

namespace canje::store::testing {
namespace {

// Runs one statement as the cluster's superuser; returns an error message, empty on success.
std::string RunAsSuperuser(const std::string& sql) {
  PGconn* connection = PQconnectdb(TestPostgresUrl().c_str());
  std::string error;
  if (PQstatus(connection) != CONNECTION_OK) {
    error = PQerrorMessage(connection);
  } else {
    PGresult* result = PQexec(connection, sql.c_str());
    if (PQresultStatus(result) != PGRES_COMMAND_OK) error = PQresultErrorMessage(result);
    PQclear(result);
  }
  PQfinish(connection);
  return error;
}

}  // namespace

std::string TestPostgresUrl() {
  const char* url = std::getenv("CANJE_TEST_POSTGRES_URL");
  return url != nullptr ? url : "";
}

bool TestsUsePostgres() {
  const char* backend = std::getenv("CANJE_TEST_BACKEND");
  return backend != nullptr && std::string(backend) == "postgres" && !TestPostgresUrl().empty();
}

std::string PostgresUrlForDatabase(const std::string& url, const std::string& database) {
  size_t authority = url.find("://");
  authority = authority == std::string::npos ? 0 : authority + 3;
  size_t query = url.find('?', authority);
  std::string base = url.substr(0, query);
  std::string rest = query == std::string::npos ? "" : url.substr(query);
  size_t slash = base.find('/', authority);
  if (slash != std::string::npos) base.erase(slash);
  return base + "/" + database + rest;
}

TestDatabase::TestDatabase() {
  if (TestPostgresUrl().empty()) {
    error_ = "no CANJE_TEST_POSTGRES_URL";
    return;
  }
  static std::atomic<int> counter{0};
  auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
  name_ = "canje_unit_" + std::to_string(getpid()) + "_" + std::to_string(ticks % 1000000007) +
          "_" + std::to_string(counter++);
  error_ = RunAsSuperuser("CREATE DATABASE " + name_);
  if (error_.empty()) url_ = PostgresUrlForDatabase(TestPostgresUrl(), name_);
}

TestDatabase::~TestDatabase() {
  if (ok()) RunAsSuperuser("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
}

}  // namespace canje::store::testing
