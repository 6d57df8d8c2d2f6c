#include "linkage/blocking.h"

#include <algorithm>
#include <unordered_map>

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

bool HasCyrillicNames(const RecordTable& table) {
  if (!table.has_names) return false;
  for (std::size_t r = 0; r < table.size(); ++r) {
    if (table.given[r].script() == Script::kCyrillic ||
        table.family[r].script() == Script::kCyrillic) {
      return true;
    }
  }
  return false;
}

// The three transliteration rules (9 to 11), for tables that hold a Cyrillic name.
void TransliterationKeysOf(const RecordTable& table, std::size_t offset, std::size_t begin,
                           std::size_t end, BlockingKeys& keys) {
  for (std::size_t r = begin; r < end; ++r) {
    const std::size_t g = offset + r;
    const PreparedName& given = table.given[r];
    const PreparedName& family = table.family[r];
    const bool has_given = !given.empty() && !given.transliteration(0).empty();
    const bool has_family = !family.empty() && !family.transliteration(0).empty();
    const ComparableDate* date = table.dates.empty() ? nullptr : &table.dates[0][r];
    const bool has_year = date != nullptr && !date->missing();
    if (has_given && has_family) {
      // In alphabetical order, so that names written in each other's column still meet.
      std::u32string_view first = family.transliteration(0);
      std::u32string_view second = given.transliteration(0);
      if (second < first) std::swap(first, second);
      keys.keys[9][g] = NonZero(HashText(HashText(kFnvOffset + 9, first), second));
    }
    if (has_family && has_year) {
      keys.keys[10][g] = NonZero(Mix(HashText(kFnvOffset + 10, family.transliteration(0)),
                                     static_cast<uint64_t>(date->year)));
    }
    if (has_given && has_year && date->precision == ComparableDate::Precision::kDay) {
      keys.keys[11][g] = NonZero(
          Mix(Mix(Mix(HashText(kFnvOffset + 11, given.transliteration(0)), date->year),
                  date->month),
              date->day));
    }
  }
}

// Keys of records [begin, end) of `table`; `offset` is the table's first record index.
void KeysOf(const RecordTable& table, std::size_t offset, std::size_t begin, std::size_t end,
            BlockingKeys& keys) {
  for (std::size_t r = begin; r < end; ++r) {
    const std::size_t g = offset + r;
    const ComparableDate* date = table.dates.empty() ? nullptr : &table.dates[0][r];
    const bool has_year = date != nullptr && !date->missing();
    const PreparedName* given = table.has_names ? &table.given[r] : nullptr;
    const PreparedName* family = table.has_names ? &table.family[r] : nullptr;
    const bool has_given = given != nullptr && !given->empty();
    const bool has_family = family != nullptr && !family->empty();
    if (has_family && has_year) {
      keys.keys[0][g] = NonZero(
          Mix(HashText(kFnvOffset + 0, family->joined()), static_cast<uint64_t>(date->year)));
    }
    if (has_family && has_given && has_year && !family->phonetic(0).empty()) {
      keys.keys[1][g] =
          NonZero(Mix(Mix(HashText(kFnvOffset + 1, family->phonetic(0)), given->unit(0)[0]),
                      static_cast<uint64_t>(date->year)));
    }
    for (const auto& column : table.identifiers) {
      if (!column[r].empty()) {
        keys.keys[2][g] = NonZero(HashText(kFnvOffset + 2, column[r]));
        break;
      }
    }
    if (has_year && date->precision == ComparableDate::Precision::kDay) {
      // The two initials in alphabetical order, so swapped given and family names still meet.
      uint64_t first = has_given ? given->unit(0)[0] : 0;
      uint64_t second = has_family ? family->unit(0)[0] : 0;
      if (first > second) std::swap(first, second);
      keys.keys[3][g] = NonZero(Mix(
          Mix(Mix(Mix(Mix(kFnvOffset + 3, date->year), date->month), date->day), first), second));
    }
    if (has_family && has_given && has_year && date->precision == ComparableDate::Precision::kDay &&
        !family->phonetic(0).empty()) {
      keys.keys[5][g] = NonZero(Mix(
          Mix(Mix(HashText(kFnvOffset + 5, family->phonetic(0)), given->unit(0)[0]), date->month),
          date->day));
    }
    if (has_family && has_given && has_year && !given->phonetic(0).empty()) {
      keys.keys[6][g] =
          NonZero(Mix(Mix(HashText(kFnvOffset + 6, given->phonetic(0)), family->unit(0)[0]),
                      static_cast<uint64_t>(date->year)));
      // Refined: the month of birth, when the date has one.
      if (date->precision != ComparableDate::Precision::kYear) {
        keys.refinements[6][g] = NonZero(Mix(kFnvOffset + 6, static_cast<uint64_t>(date->month)));
      }
    }
    if (has_family && has_given) {
      keys.keys[7][g] =
          NonZero(Mix(HashText(kFnvOffset + 7, family->joined_phonetic()), given->unit(0)[0]));
      if (!family->phonetic(0).empty() && !given->phonetic(0).empty()) {
        keys.keys[8][g] =
            NonZero(HashText(HashText(kFnvOffset + 8, family->phonetic(0)), given->phonetic(0)));
        // Refined: the phonetic keys of all given names (no date needed).
        keys.refinements[8][g] = NonZero(HashText(kFnvOffset + 8, given->joined_phonetic()));
      }
    }
    if (has_family && has_given) {
      keys.keys[4][g] =
          NonZero(HashText(HashText(kFnvOffset + 4, family->joined()), given->joined()));
    }
  }
}

}  // namespace

const std::vector<std::string>& BlockingRuleNames() {
  static const std::vector<std::string> names = {"family_names+birth_year",
                                                 "family_phonetic+given_initial+birth_year",
                                                 "identifier",
                                                 "birth_date+initials",
                                                 "full_name",
                                                 "family_phonetic+given_initial+birth_day",
                                                 "given_phonetic+family_initial+birth_year",
                                                 "family_names_phonetic+given_initial",
                                                 "first_family_phonetic+first_given_phonetic",
                                                 "transliterated_names",
                                                 "family_transliterated+birth_year",
                                                 "given_transliterated+birth_date"};
  return names;
}

std::size_t RefineFrequentKeys(std::vector<uint64_t>& keys, const std::vector<uint64_t>& parts,
                               std::size_t refine_above) {
  std::unordered_map<uint64_t, uint32_t> records_per_key;
  records_per_key.reserve(keys.size() / 4 + 16);
  for (uint64_t key : keys) {
    if (key != 0) ++records_per_key[key];
  }
  std::size_t refined = 0;
  for (std::size_t g = 0; g < keys.size(); ++g) {
    if (keys[g] == 0 || records_per_key[keys[g]] <= refine_above) continue;
    ++refined;
    keys[g] = parts[g] == 0 ? 0 : NonZero(Mix(keys[g], parts[g]));
  }
  return refined;
}

BlockingKeys ComputeBlockingKeys(const RecordTable& left, const RecordTable* right,
                                 std::size_t refine_above, int threads) {
  BlockingKeys keys;
  const std::size_t n = left.size() + (right != nullptr ? right->size() : 0);
  keys.keys.assign(kBlockingRuleCount, std::vector<uint64_t>(n, 0));
  keys.refinements.assign(kBlockingRuleCount, {});
  for (int rule : kRefinedRules) {
    keys.refinements[static_cast<std::size_t>(rule)].assign(n, 0);
  }
  // Records are split into `threads` ranges; each thread writes only its own records' keys.
  threads = std::max(1, std::min<int>(threads, static_cast<int>(n / 10000) + 1));
  const bool cyrillic =
      HasCyrillicNames(left) || (right != nullptr && HasCyrillicNames(*right));
  auto work = [&](int t) {
    auto range = [&](const RecordTable& table, std::size_t offset) {
      const std::size_t size = table.size();
      const std::size_t begin = size * static_cast<std::size_t>(t) / static_cast<std::size_t>(threads);
      const std::size_t end =
          size * static_cast<std::size_t>(t + 1) / static_cast<std::size_t>(threads);
      KeysOf(table, offset, begin, end, keys);
      if (cyrillic) TransliterationKeysOf(table, offset, begin, end, keys);
    };
    range(left, 0);
    if (right != nullptr) range(*right, left.size());
  };
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) workers.emplace_back(work, t);
  work(0);
  for (std::thread& worker : workers) worker.join();
  keys.refined.assign(kBlockingRuleCount, 0);
  if (refine_above > 0) {
    for (int rule : kRefinedRules) {
      const auto r = static_cast<std::size_t>(rule);
      keys.refined[r] = RefineFrequentKeys(keys.keys[r], keys.refinements[r], refine_above);
    }
  }
  return keys;
}

std::vector<RuleBlocks> BuildBlocks(BlockingKeys& keys, std::size_t n_left, bool linkage,
                                    std::size_t max_block_size,
                                    std::vector<BlockingRuleStats>* stats, int threads) {
  const std::size_t rules = keys.keys.size();
  std::vector<RuleBlocks> blocks(rules);
  stats->assign(rules, {});
  // Rules are independent: threads take them in turn.
  std::atomic<std::size_t> next_rule{0};
  auto work = [&] {
    for (std::size_t rule = next_rule++; rule < rules; rule = next_rule++) {
      std::vector<uint64_t>& rule_keys = keys.keys[rule];
      std::vector<std::pair<uint64_t, uint32_t>> entries;
      entries.reserve(rule_keys.size());
      for (std::size_t g = 0; g < rule_keys.size(); ++g) {
        if (rule_keys[g] != 0) entries.emplace_back(rule_keys[g], static_cast<uint32_t>(g));
      }
      std::sort(entries.begin(), entries.end());
      BlockingRuleStats& rule_stats = (*stats)[rule];
      rule_stats.rule = BlockingRuleNames()[rule];
      if (rule < keys.refined.size()) rule_stats.refined_records = keys.refined[rule];
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
    }
  };
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) workers.emplace_back(work);
  work();
  for (std::thread& worker : workers) worker.join();
  const std::size_t n = rules == 0 ? 0 : keys.keys[0].size();
  keys.by_record.assign(n * rules, 0);
  for (std::size_t rule = 0; rule < rules; ++rule) {
    for (std::size_t g = 0; g < n; ++g) keys.by_record[g * rules + rule] = keys.keys[rule][g];
  }
  return blocks;
}

}  // namespace canje::linkage
