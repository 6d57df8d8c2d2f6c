// Test support: the F1 score of unsupervised de-duplication of a FEBRL dataset with
// examples/linkage/febrl.json, against the truth in its rec_id column (rec-N-org and rec-N-dup-K
// are the same person). Used by linkage_engine_test and linkage_accuracy_full_test.
#pragma once

#include <string>

namespace canje::linkage::testing {

double FebrlF1(const std::string& path);

}  // namespace canje::linkage::testing
