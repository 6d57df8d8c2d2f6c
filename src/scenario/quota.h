// Exact shares: splitting a count among categories by weights, and placing a rank in them.
//
// Scenarios promise exact counts ("252 men", "2 minors", "13 Colombians of 50"); scaling by
// `size` must keep the shares. Apportion uses the largest-remainder method, so the parts always
// add up to the total and each part is within one of its exact share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace canje::scenario {

// Splits `total` into parts proportional to `weights` (largest remainder; ties go to the
// earlier weight). Requires total >= 0 and a positive sum of weights.
std::vector<int64_t> Apportion(int64_t total, const std::vector<int64_t>& weights);

// The part a rank falls in when parts are laid end to end: 0 for rank < parts[0], 1 for the
// next parts[1] ranks, and so on. Requires rank < the sum of parts.
size_t PartOfRank(int64_t rank, const std::vector<int64_t>& parts);

// Index ranges [first, last) laid end to end: the number of indices they hold, and the index at
// `offset` (offset 0 is ranges[0].first). Requires 0 <= offset < RangesSize(ranges).
using IndexRanges = std::vector<std::pair<int64_t, int64_t>>;
int64_t RangesSize(const IndexRanges& ranges);
int64_t IndexAtOffset(const IndexRanges& ranges, int64_t offset);

// round(count * numerator / denominator), for scaling natural sizes.
int64_t Scale(int64_t count, int64_t numerator, int64_t denominator);

// The size a scenario runs at: `natural` when `size` is 0, else `size` itself, which must lie
// in [minimum, kMaximumScenarioSize]. `meaning` says what the size counts, for the message.
inline constexpr int64_t kMaximumScenarioSize = 100'000'000;
Result<int64_t> ResolveScenarioSize(std::string_view scenario, int64_t size, int64_t natural,
                                    int64_t minimum, std::string_view meaning);

}  // namespace canje::scenario
