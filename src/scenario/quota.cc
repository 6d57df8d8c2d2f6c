#include "scenario/quota.h"

#include <cstdlib>
#include <numeric>
#include <string>

namespace canje::scenario {
namespace {

__extension__ typedef __int128 Int128;  // exact products of two 64-bit values

}  // namespace

std::vector<int64_t> Apportion(int64_t total, const std::vector<int64_t>& weights) {
  const int64_t weight_sum = std::accumulate(weights.begin(), weights.end(), int64_t{0});
  if (total < 0 || weight_sum <= 0) std::abort();
  std::vector<int64_t> parts(weights.size());
  std::vector<int64_t> remainders(weights.size());
  int64_t assigned = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    // total * weight may exceed 64 bits only for absurd totals; scenarios cap size at 10^8.
    const Int128 product = static_cast<Int128>(total) * weights[i];
    parts[i] = static_cast<int64_t>(product / weight_sum);
    remainders[i] = static_cast<int64_t>(product % weight_sum);
    assigned += parts[i];
  }
  for (int64_t left = total - assigned; left > 0; --left) {
    size_t best = 0;
    for (size_t i = 1; i < weights.size(); ++i) {
      if (remainders[i] > remainders[best]) best = i;
    }
    ++parts[best];
    remainders[best] = -1;
  }
  return parts;
}

size_t PartOfRank(int64_t rank, const std::vector<int64_t>& parts) {
  for (size_t i = 0; i < parts.size(); ++i) {
    if (rank < parts[i]) return i;
    rank -= parts[i];
  }
  std::abort();
}

int64_t RangesSize(const IndexRanges& ranges) {
  int64_t size = 0;
  for (const auto& [first, last] : ranges) size += last - first;
  return size;
}

int64_t IndexAtOffset(const IndexRanges& ranges, int64_t offset) {
  for (const auto& [first, last] : ranges) {
    if (offset < last - first) return first + offset;
    offset -= last - first;
  }
  std::abort();
}

int64_t Scale(int64_t count, int64_t numerator, int64_t denominator) {
  const Int128 scaled = static_cast<Int128>(count) * numerator * 2 + denominator;
  return static_cast<int64_t>(scaled / (2 * static_cast<Int128>(denominator)));
}

Result<int64_t> ResolveScenarioSize(std::string_view scenario, int64_t size, int64_t natural,
                                    int64_t minimum, std::string_view meaning) {
  if (size == 0) return natural;
  if (size < minimum || size > kMaximumScenarioSize) {
    return Status::Usage(std::string(scenario) + ": size " + std::to_string(size) +
                         " is out of range; give " + std::to_string(minimum) + " to " +
                         std::to_string(kMaximumScenarioSize) + " (" + std::string(meaning) +
                         "), or 0 for the natural size " + std::to_string(natural));
  }
  return size;
}

}  // namespace canje::scenario
