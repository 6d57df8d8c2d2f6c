#include "linkage/blocking.h"

#include <algorithm>

namespace canje::linkage {
namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

uint64_t Mix(uint64_t hash, uint64_t value) {
  for (int i = 0; i < 8; ++i) {
    hash ^= (value >> (8 * i)) & 0xFF;
    hash *= kFnvPrime;
  }
  return hash;
}

uint64_t HashText(uint64_t hash, std::u32string_view text) {
  for (char32_t c : text) hash = Mix(hash, c);
  return Mix(hash, 0xFFFFFFFFULL);
}

uint64_t HashText(uint64_t hash, std::string_view text) {
  for (unsigned char c : text) {
    hash ^= c;
    hash *= kFnvPrime;
  }
  return Mix(hash, 0xFFFFFFFFULL);
}

uint64_t NonZero(uint64_t hash) { return hash == 0 ? 1 : hash; }

void KeysOf(const RecordTable& table, std::size_t offset, BlockingKeys& keys) {
  for (std::size_t r = 0; r < table.size(); ++r) {
    const std::size_t g = offset + r;
    const ComparableDate* date = table.dates.empty() ? nullptr : &table.dates[0][r];
    if (table.has_names && !table.family[r].empty()) {
      const PreparedName& family = table.family[r];
      if (date != nullptr && !date->missing()) {
        keys.keys[0][g] = NonZero(Mix(HashText(kFnvOffset + 0, family.unit(0)),
                                      static_cast<uint64_t>(date->year)));
      }
      const PreparedName& given = table.given[r];
      if (!given.empty() && !family.phonetic(0).empty()) {
        keys.keys[1][g] =
            NonZero(Mix(HashText(kFnvOffset + 1, family.phonetic(0)), given.unit(0)[0]));
      }
    }
    for (const auto& column : table.identifiers) {
      if (!column[r].empty()) {
        keys.keys[2][g] = NonZero(HashText(kFnvOffset + 2, column[r]));
        break;
      }
    }
    if (date != nullptr && !date->missing() &&
        date->precision == ComparableDate::Precision::kDay) {
      keys.keys[3][g] =
          NonZero(Mix(Mix(Mix(kFnvOffset + 3, date->year), date->month), date->day));
    }
  }
}

}  // namespace

const std::vector<std::string>& BlockingRuleNames() {
  static const std::vector<std::string> names = {"family_name+birth_year",
                                                 "family_phonetic+given_initial", "identifier",
                                                 "birth_date"};
  return names;
}

BlockingKeys ComputeBlockingKeys(const RecordTable& left, const RecordTable* right) {
  BlockingKeys keys;
  const std::size_t n = left.size() + (right != nullptr ? right->size() : 0);
  keys.keys.assign(kBlockingRuleCount, std::vector<uint64_t>(n, 0));
  KeysOf(left, 0, keys);
  if (right != nullptr) KeysOf(*right, left.size(), keys);
  return keys;
}

std::vector<RuleBlocks> BuildBlocks(BlockingKeys& keys, std::size_t n_left, bool linkage,
                                    std::size_t max_block_size,
                                    std::vector<BlockingRuleStats>* stats) {
  std::vector<RuleBlocks> blocks(keys.keys.size());
  stats->clear();
  for (std::size_t rule = 0; rule < keys.keys.size(); ++rule) {
    std::vector<uint64_t>& rule_keys = keys.keys[rule];
    std::vector<std::pair<uint64_t, uint32_t>> entries;
    entries.reserve(rule_keys.size());
    for (std::size_t g = 0; g < rule_keys.size(); ++g) {
      if (rule_keys[g] != 0) entries.emplace_back(rule_keys[g], static_cast<uint32_t>(g));
    }
    std::sort(entries.begin(), entries.end());
    BlockingRuleStats rule_stats;
    rule_stats.rule = BlockingRuleNames()[rule];
    RuleBlocks& out = blocks[rule];
    for (std::size_t begin = 0; begin < entries.size();) {
      std::size_t end = begin + 1;
      while (end < entries.size() && entries[end].first == entries[begin].first) ++end;
      const std::size_t size = end - begin;
      uint64_t pairs;
      if (linkage) {
        std::size_t lefts = 0;
        for (std::size_t e = begin; e < end; ++e) lefts += entries[e].second < n_left;
        pairs = static_cast<uint64_t>(lefts) * (size - lefts);
      } else {
        pairs = static_cast<uint64_t>(size) * (size - 1) / 2;
      }
      if (pairs > 0) {
        if (size > max_block_size) {
          ++rule_stats.skipped_blocks;
          rule_stats.skipped_pairs += pairs;
          for (std::size_t e = begin; e < end; ++e) rule_keys[entries[e].second] = 0;
        } else {
          ++rule_stats.blocks;
          const uint32_t run_begin = static_cast<uint32_t>(out.records.size());
          for (std::size_t e = begin; e < end; ++e) out.records.push_back(entries[e].second);
          out.runs.emplace_back(run_begin, static_cast<uint32_t>(out.records.size()));
        }
      }
      begin = end;
    }
    // Large blocks first, so threads finish together.
    std::sort(out.runs.begin(), out.runs.end(), [](const auto& a, const auto& b) {
      return a.second - a.first > b.second - b.first;
    });
    stats->push_back(rule_stats);
  }
  return blocks;
}

}  // namespace canje::linkage
