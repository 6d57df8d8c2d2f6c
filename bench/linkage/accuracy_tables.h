// Helpers of the linkage accuracy benchmark (accuracy.cc): ground truth read from files, record
// tables joined into one, and precision, recall and F1 of scored pairs against the truth.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "linkage/linkage_engine.h"
#include "linkage/record_table.h"

namespace canje::bench {

// Record id -> person key, from a CSV with the columns `id_column` and `key_column` (and, when
// `file_column` is not empty, only the rows whose `file_column` equals `file`).
Result<std::map<std::string, std::string>> ReadPersonKeys(const std::string& path,
                                                          const std::string& id_column,
                                                          const std::string& key_column,
                                                          const std::string& file_column = "",
                                                          const std::string& file = "");

// The records of `b` appended to `a` (same fields, as loaded with settings of the same shape).
linkage::RecordTable Concatenate(linkage::RecordTable a, const linkage::RecordTable& b);

// An unordered pair of record ids, the smaller first.
using IdPair = std::pair<std::string, std::string>;
IdPair MakeIdPair(std::string a, std::string b);

struct Accuracy {
  uint64_t true_pairs = 0;
  uint64_t predicted = 0;
  uint64_t correct = 0;
  double precision() const { return predicted == 0 ? 1.0 : double(correct) / double(predicted); }
  double recall() const { return true_pairs == 0 ? 1.0 : double(correct) / double(true_pairs); }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

// Precision, recall and F1 of the pairs scored at or above `threshold`, counting only the pairs
// (true or predicted) that `counts` accepts.
Accuracy Measure(const std::set<IdPair>& truth, const std::vector<IdPair>& predicted,
                 const std::function<bool(const IdPair&)>& counts);

}  // namespace canje::bench
