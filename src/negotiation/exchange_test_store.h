// A real store for the negotiation's in-process tests (instance/testing/test_instance.h): two
// states on opposite sides of exchange X1 (SLV and VEN), the mediating organisation PUENTE, one
// user of each role that acts in it, and El Salvador's custody roster L1 of four synthetic
// persons, each held by SLV (confirmed custody: versions may transfer them). On SQLite, or on
// PostgreSQL with CANJE_TEST_BACKEND=postgres.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "instance/testing/test_instance.h"

namespace canje::negotiation::testing {

class ExchangeTestStore : public ::testing::Test {
 protected:
  // Parties, users (admin "admin", mediator "med" of PUENTE, negotiators "slv" and "ven"), the
  // roster L1 and exchange X1 created by "med" — begun at `exchange_began` when not empty (a
  // negotiation recorded after the fact).
  void SetUpExchange(const std::string& exchange_began = "");

  // Imports the CSV text `roster` as El Salvador's custody roster, file `file` from `source`:
  // sets `list_id` and `persons` (the roster's persons, in id order); a failure fails the test.
  void ImportSlvRoster(const std::string& file, const std::string& roster,
                       const std::string& source, int64_t& list_id, std::vector<int64_t>& persons);

  // The store opened as `user`; a failure fails the test.
  instance::Instance& As(const std::string& user);
  int64_t LogSize() { return store_.LogSize(); }
  // The last event of the log, its payload opened.
  store::EventRow LastEvent(nlohmann::json* payload);

  instance::testing::TestInstance store_;
  std::vector<int64_t> roster_;  // the persons of L1, in id order
  int64_t exchange_ = 0;

 private:
  std::map<std::string, std::unique_ptr<instance::Instance>> opened_;
};

}  // namespace canje::negotiation::testing
