// Blocking: which record pairs are compared at all.
//
// Several rules each give every record at most one key; records sharing a key under a rule form a
// block, and every pair in a block is a candidate. The candidate set is the union over the rules.
// A pair that an earlier rule already produced is not produced again by a later one (checked by
// comparing the two records' earlier keys, so no set of pairs is kept), and `pairs` of a rule
// counts only the pairs it adds. Blocks larger than max_block_size are skipped (a key such as a
// blank-looking name shared by thousands says nothing) and counted in `skipped_blocks`.
//
// Rules (BlockingKeys computes them; a record without the needed fields has no key). They are
// chosen so that every block stays small on national-scale lists with skewed surnames, while a
// true pair with one or two errors still meets under some rule:
//   family_names+birth_year                     all family names (comparison form) and birth year
//   family_phonetic+given_initial+birth_year    phonetic key of the first family name, first
//                                               letter of the given names, birth year ("Pérez"
//                                               meets "Pérez Rodríguez"; typos in surnames)
//   identifier                                  the first non-empty normalised document number
//   birth_date+initials                         full date of birth and the initials of given and
//                                               family name in alphabetical order (swapped or
//                                               misspelt names)
//   full_name                                   family and given names exactly (wrong dates)
//   family_phonetic+given_initial+birth_day     as the second rule with month and day instead of
//                                               the year (a year typed wrong)
//   given_phonetic+family_initial+birth_year    phonetic key of the first given name, first
//                                               letter of the family names, birth year (first
//                                               surname misspelt beyond its phonetic key)
//   family_names_phonetic+given_initial         phonetic key of all family names and the first
//                                               letter of the given names (no date needed)
//   first_family_phonetic+first_given_phonetic  phonetic keys of the first family name and the
//                                               first given name (a surname cut, no date); its
//                                               blocks are the largest, and the size cap skips
//                                               the commonest names on large lists
// Frequency-adaptive rules: on large lists with skewed names the broad keys of rules 6 and 8
// hold thousands of records each, and their pairs (namesakes whose names alone can never reach a
// link, since the term-frequency adjustment weighs a common name little) were most of the work.
// So a key of those rules held by more than `refine_above` records is refined: the key of each
// of its records gets a second part, and a record without that part leaves the rule for that
// key. A rare key keeps the broad rule, so small lists and rare names (and records without a
// date there) keep their recall. The second parts:
//   given_phonetic+family_initial+birth_year    + the month of birth (a date without a month
//                                               leaves a frequent key)
//   first_family_phonetic+first_given_phonetic  + the phonetic keys of all the given names (no
//                                               date needed: "José Luis" meets "Jose Luiz")
// The cap on block size applies after refinement. Refinement is off by default
// (kDefaultRefineAbove 0; `canje link --refine-above N` for files): on a generated roster of
// 1,000,000 records it cut the candidate pairs by 29% and the CPU time by a quarter, but fewer
// namesake pairs raised EM's prior, and linking that roster to a 944,444-record manifest lost
// 0.025 of F1 and 0.05 of precision (docs/benchmarks.md, "Accuracy at scale"). It waits for a
// prior estimated before refinement.
// Only when some record of the tables has a name written in Cyrillic (otherwise these give no
// key), on the transliteration skeletons of the first units (transliteration_skeleton.h), so that
// a Cyrillic name meets its Latin spellings whatever the standard:
//   transliterated_names                        the skeletons of the first family name and first
//                                               given name, in alphabetical order (names written
//                                               in each other's column meet too; no date needed)
//   family_transliterated+birth_year            the first family name's skeleton and birth year
//                                               (a typo in the given name)
//   given_transliterated+birth_date             the first given name's skeleton and the full
//                                               date of birth (a typo in the family name)
// The birth year and date come from the first date field.
//
// Record indices: in de-duplication, 0..n-1 of the one table. In linkage, left records are
// 0..n_left-1 and right records n_left..n_left+n_right-1; only left-right pairs are candidates.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "linkage/record_table.h"

namespace canje::linkage {

inline constexpr int kBlockingRuleCount = 12;
// The rules whose frequent keys are refined (see above).
inline constexpr int kRefinedRules[] = {6, 8};
// The default `refine_above` (a key held by more records than this is refined): 0, none (see
// above for why).
inline constexpr std::size_t kDefaultRefineAbove = 0;

// Names of the rules, in the order they run.
const std::vector<std::string>& BlockingRuleNames();

struct BlockingKeys {
  // keys[rule][record], 0 meaning "no key"; records indexed as described above.
  std::vector<std::vector<uint64_t>> keys;
  // refinements[rule][record]: the second key part of a refined rule (0: none); empty for the
  // other rules.
  std::vector<std::vector<uint64_t>> refinements;
  // refined[rule]: how many records' keys RefineFrequentKeys refined.
  std::vector<uint64_t> refined;
  // The keys again, record by record (by_record[record * rules + rule]), as BuildBlocks left
  // them: the check "an earlier rule produced this pair" then reads one cache line per record.
  std::vector<uint64_t> by_record;
};

// Keys of every record of `left` and (for linkage) `right`, computed on `threads` threads, with
// the frequent keys of the refined rules refined (refine_above 0: none refined).
BlockingKeys ComputeBlockingKeys(const RecordTable& left, const RecordTable* right,
                                 std::size_t refine_above = kDefaultRefineAbove,
                                 int threads = 1);

// Replaces every key held by more than `refine_above` records with a key mixing it and the
// record's part (parts[record]), or with 0 (no key) when the part is 0. Keys held by fewer stay
// as they are. Returns how many records' keys were refined (or dropped).
std::size_t RefineFrequentKeys(std::vector<uint64_t>& keys, const std::vector<uint64_t>& parts,
                               std::size_t refine_above);

struct BlockingRuleStats {
  std::string rule;
  uint64_t pairs = 0;           // new candidate pairs this rule added
  uint64_t blocks = 0;          // blocks with at least one pair
  uint64_t skipped_blocks = 0;  // blocks over the size cap
  uint64_t skipped_pairs = 0;   // pairs in those blocks
  uint64_t refined_records = 0; // records whose frequent key was refined (or dropped)
};

// A sorted list of blocks for one rule, ready to enumerate.
struct RuleBlocks {
  std::vector<uint32_t> records;                    // grouped by key, ascending index in a block
  std::vector<std::pair<uint32_t, uint32_t>> runs;  // [begin, end) into records, size >= 2
};

// Builds the blocks of every rule (rules shared among `threads` threads) and keys.by_record.
// Records of oversized blocks get their key cleared, so later rules do not treat pairs there as
// already produced.
// `n_left` is the table size in de-duplication; `linkage` says whether records >= n_left are a
// second table. `stats` gets one entry per rule, in rule order.
std::vector<RuleBlocks> BuildBlocks(BlockingKeys& keys, std::size_t n_left, bool linkage,
                                    std::size_t max_block_size,
                                    std::vector<BlockingRuleStats>* stats, int threads = 1);

// Calls visit(thread, rule, i, j) once for every candidate pair (i < j; in linkage i is a left
// record and j a right record), on `threads` threads. visit must be safe to call concurrently
// for different thread numbers. Returns the pairs visited per rule.
template <typename Visit>
std::vector<uint64_t> ForEachCandidatePair(const BlockingKeys& keys,
                                           const std::vector<RuleBlocks>& blocks,
                                           std::size_t n_left, bool linkage, int threads,
                                           Visit visit) {
  std::vector<uint64_t> per_rule(blocks.size(), 0);
  const std::size_t rules = keys.keys.size();
  for (std::size_t rule = 0; rule < blocks.size(); ++rule) {
    const RuleBlocks& rule_blocks = blocks[rule];
    std::atomic<std::size_t> next_run{0};
    std::vector<uint64_t> counts(static_cast<std::size_t>(threads), 0);
    auto work = [&](int thread) {
      uint64_t count = 0;
      while (true) {
        const std::size_t run_index = next_run.fetch_add(1, std::memory_order_relaxed);
        if (run_index >= rule_blocks.runs.size()) break;
        const auto [begin, end] = rule_blocks.runs[run_index];
        for (uint32_t a = begin; a < end; ++a) {
          const uint32_t i = rule_blocks.records[a];
          if (linkage && i >= n_left) break;
          const uint64_t* keys_i = keys.by_record.data() + std::size_t{i} * rules;
          for (uint32_t b = a + 1; b < end; ++b) {
            const uint32_t j = rule_blocks.records[b];
            if (linkage && j < n_left) continue;
            const uint64_t* keys_j = keys.by_record.data() + std::size_t{j} * rules;
            bool seen = false;
            for (std::size_t earlier = 0; earlier < rule && !seen; ++earlier) {
              seen = keys_i[earlier] != 0 && keys_i[earlier] == keys_j[earlier];
            }
            if (seen) continue;
            ++count;
            visit(thread, static_cast<int>(rule), i, j);
          }
        }
      }
      counts[static_cast<std::size_t>(thread)] = count;
    };
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t) workers.emplace_back(work, t);
    work(0);
    for (std::thread& worker : workers) worker.join();
    for (uint64_t count : counts) per_rule[rule] += count;
  }
  return per_rule;
}

}  // namespace canje::linkage
