// Sample values shared by the wire golden tests (wire_test): the synthetic exchange, persons,
// rules and hashes that several shapes carry, built once so that the tests map the same values.
// Changing one changes the golden files (testdata/) of every test that uses it.
#pragma once

#include <cstdint>
#include <initializer_list>

#include "ledger/merkle_tree.h"
#include "solver/instance.h"
#include "store/exchange_tables.h"
#include "wire/proposal_json.h"

namespace canje::wire::testing {

// The exchange X4, "north-river-2030", mediated by MED, capped at 10 persons.
store::ExchangeRow SampleExchangeRow();

// The names of the synthetic persons P3, P5 and P9 ("Test Person Three", ...) among `persons`,
// as a caller allowed to see those names would get them (a person with no name here is shown
// without one).
Names PersonNames(std::initializer_list<int64_t> persons);

// A count rule: a side receives at least `ratio` times as many persons as it gives.
solver::Rule CountRule(double ratio);

// A hash whose 32 bytes are all `byte`.
ledger::Hash FilledHash(uint8_t byte);

}  // namespace canje::wire::testing
