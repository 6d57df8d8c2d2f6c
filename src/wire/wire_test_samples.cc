#include "wire/wire_test_samples.h"

#include <map>
#include <string>

namespace canje::wire::testing {

store::ExchangeRow SampleExchangeRow() {
  store::ExchangeRow row;
  row.id = 4;
  row.name = "north-river-2030";
  row.mediator = "MED";
  row.max_size = 10;
  row.objective = "people";
  row.created_at = "2030-01-02T10:00:00Z";
  row.created_by = "mediator.one";
  return row;
}

Names PersonNames(std::initializer_list<int64_t> persons) {
  static const std::map<int64_t, std::string> kNamed = {
      {3, "Test Person Three"}, {5, "Test Person Five"}, {9, "Test Person Nine"}};
  Names names;
  for (int64_t person : persons) names.emplace(person, kNamed.at(person));
  return names;
}

solver::Rule CountRule(double ratio) {
  solver::Rule rule;
  rule.kind = solver::Rule::Kind::kCount;
  rule.ratio = ratio;
  return rule;
}

ledger::Hash FilledHash(uint8_t byte) {
  ledger::Hash hash;
  hash.fill(byte);
  return hash;
}

}  // namespace canje::wire::testing
