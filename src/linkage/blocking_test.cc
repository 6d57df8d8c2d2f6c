// Blocking: the frequency-adaptive rules refine a frequent key and keep a rare one, and the
// keys and blocks come out the same on one thread and on several.
#include "linkage/blocking.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

#include "linkage/link_settings.h"
#include "linkage/record_table.h"

namespace canje::linkage {
namespace {

constexpr int kGivenPhoneticRule = 6;  // given_phonetic+family_initial+birth_year
constexpr int kNamesOnlyRule = 8;      // first_family_phonetic+first_given_phonetic

// Columns id,given,family,born,doc,sex; dates ISO 8601 (a year alone is a year-only date).
constexpr char kSettings[] = R"({
  "id": "id",
  "fields": [
    {"column": "given", "kind": "given_name"},
    {"column": "family", "kind": "family_name"},
    {"column": "born", "kind": "date"},
    {"column": "doc", "kind": "identifier"},
    {"column": "sex", "kind": "exact"}
  ]
})";

RecordTable PersonTable(const std::string& csv) {
  Result<LinkSettings> settings = ParseLinkSettings(kSettings, "s.json");
  EXPECT_TRUE(settings.ok()) << settings.status().message();
  std::istringstream in(csv);
  Result<RecordTable> table = LoadRecordTableFromStream(in, "list.csv", settings->left, "s.json", 1);
  EXPECT_TRUE(table.ok()) << table.status().message();
  return std::move(table).value();
}

// 120 namesakes "José Pérez" (ids p0..p119; born in 1980, month 1 + id % 12; every third one
// "José Luis"), then two records of a rare name, one of them without a date, and one namesake
// with a year-only date. Records 0..119 are the namesakes, 120 and 121 the rare name, 122 the
// year-only namesake.
std::string NamesakeCsv() {
  std::string csv = "id,given,family,born,doc,sex\n";
  for (int k = 0; k < 120; ++k) {
    const std::string given = k % 3 == 0 ? "José Luis" : "José";
    const int month = 1 + k % 12;
    csv += "p" + std::to_string(k) + "," + given + ",Pérez,1980-" + (month < 10 ? "0" : "") +
           std::to_string(month) + "-01,,M\n";
  }
  csv += "r1,Zacarías,Quiñones,1975-04-03,,M\n";
  csv += "r2,Zacarias,Quinones,,,M\n";
  csv += "y1,José,Pérez,1980,,M\n";
  return csv;
}

// 120 namesakes of the first family name and given name, each born another year and month and
// with one of 30 second surnames (so that no rule without refinement puts them all together),
// every third one "José Luis"; then the two rare records of NamesakeCsv.
std::string SpreadNamesakeCsv() {
  std::string csv = "id,given,family,born,doc,sex\n";
  for (int k = 0; k < 120; ++k) {
    const std::string given = k % 3 == 0 ? "José Luis" : "José";
    const int month = 1 + k % 12;
    const std::string second = std::string("Sa") + "bdfkl"[k % 30 / 6] + "o" + "mnprtz"[k % 6];
    csv += "p" + std::to_string(k) + "," + given + ",Pérez " + second + "," +
           std::to_string(1940 + k % 40) + "-" + (month < 10 ? "0" : "") +
           std::to_string(month) + "-01,,M\n";
  }
  csv += "r1,Zacarías,Quiñones,1975-04-03,,M\n";
  csv += "r2,Zacarias,Quinones,,,M\n";
  return csv;
}

// The keys of NamesakeCsv's records, without refinement and with refinement above 100 records.
struct BroadAndRefined {
  BlockingKeys broad;
  BlockingKeys refined;
};

BroadAndRefined NamesakeKeys() {
  const RecordTable table = PersonTable(NamesakeCsv());
  return {ComputeBlockingKeys(table, nullptr, 0), ComputeBlockingKeys(table, nullptr, 100)};
}

TEST(RefineFrequentKeysTest, RefinesKeysAboveTheLimitAndKeepsTheOthers) {
  // Key 7 is held by four records, key 9 by two; 0 is "no key".
  std::vector<uint64_t> keys = {7, 7, 7, 7, 9, 9, 0};
  const std::vector<uint64_t> parts = {1, 1, 2, 0, 5, 6, 3};
  EXPECT_EQ(RefineFrequentKeys(keys, parts, 3), 4U);
  EXPECT_EQ(keys[0], keys[1]);  // same part: still together
  EXPECT_NE(keys[0], 7U);
  EXPECT_NE(keys[0], keys[2]);  // another part: apart
  EXPECT_NE(keys[2], 0U);
  EXPECT_EQ(keys[3], 0U);  // no part: leaves the rule
  EXPECT_EQ(keys[4], 9U);  // rare key kept, whatever the parts
  EXPECT_EQ(keys[5], 9U);
  EXPECT_EQ(keys[6], 0U);
}

TEST(RefineFrequentKeysTest, AKeyAtTheLimitIsKept) {
  std::vector<uint64_t> keys = {7, 7, 7};
  EXPECT_EQ(RefineFrequentKeys(keys, {1, 2, 3}, 3), 0U);
  EXPECT_EQ(keys, (std::vector<uint64_t>{7, 7, 7}));
}

TEST(BlockingKeysTest, FrequentNamesOnlyKeyIsRefinedByAllGivenNamesAndRareOneKept) {
  const auto [broad, refined] = NamesakeKeys();
  const std::vector<uint64_t>& before = broad.keys[kNamesOnlyRule];
  const std::vector<uint64_t>& after = refined.keys[kNamesOnlyRule];
  // Unrefined, every "José (Luis) Pérez" shares one key.
  EXPECT_EQ(before[0], before[1]);
  // Refined: "José Luis" (0, 3, ...) apart from "José" (1, 2, 4, ...), each still together.
  EXPECT_EQ(after[0], after[3]);
  EXPECT_EQ(after[1], after[2]);
  EXPECT_EQ(after[1], after[122]);  // no date needed
  EXPECT_NE(after[0], after[1]);
  EXPECT_NE(after[0], 0U);
  // The rare name keeps the broad key, so the record without a date still meets its pair.
  EXPECT_NE(after[120], 0U);
  EXPECT_EQ(after[120], after[121]);
  EXPECT_EQ(after[120], before[120]);
  // The 121 namesakes were refined; nothing without refinement.
  EXPECT_EQ(refined.refined[kNamesOnlyRule], 121U);
  EXPECT_EQ(broad.refined[kNamesOnlyRule], 0U);
}

TEST(BlockingKeysTest, FrequentGivenPhoneticKeyIsRefinedByMonth) {
  const auto [broad, refined] = NamesakeKeys();
  const std::vector<uint64_t>& before = broad.keys[kGivenPhoneticRule];
  const std::vector<uint64_t>& after = refined.keys[kGivenPhoneticRule];
  EXPECT_EQ(before[0], before[1]);
  EXPECT_EQ(before[0], before[122]);
  EXPECT_EQ(after[0], after[12]);  // same month
  EXPECT_NE(after[0], after[1]);   // another month
  EXPECT_NE(after[0], 0U);
  EXPECT_EQ(after[122], 0U);  // a year-only date leaves the frequent key
  // The rare name's key (one record with a date) is kept; the dateless one has none.
  EXPECT_EQ(after[120], before[120]);
  EXPECT_NE(after[120], 0U);
  EXPECT_EQ(after[121], 0U);
  EXPECT_EQ(refined.refined[kGivenPhoneticRule], 121U);
}

TEST(BlockingKeysTest, RulesWithoutRefinementAreUntouched) {
  const auto [broad, refined] = NamesakeKeys();
  const std::set<int> refined_rules(std::begin(kRefinedRules), std::end(kRefinedRules));
  for (int rule = 0; rule < kBlockingRuleCount; ++rule) {
    if (refined_rules.count(rule) == 0) {
      EXPECT_EQ(broad.keys[static_cast<std::size_t>(rule)],
                refined.keys[static_cast<std::size_t>(rule)])
          << BlockingRuleNames()[static_cast<std::size_t>(rule)];
    }
  }
}

TEST(BlockingKeysTest, RefinementRemovesNamesakePairsAndKeepsTheRarePair) {
  const RecordTable table = PersonTable(SpreadNamesakeCsv());
  auto rule_pairs = [&](std::size_t refine_above) {
    BlockingKeys keys = ComputeBlockingKeys(table, nullptr, refine_above);
    std::vector<BlockingRuleStats> stats;
    const std::vector<RuleBlocks> blocks =
        BuildBlocks(keys, table.size(), false, 300, &stats, 1);
    std::set<std::pair<uint32_t, uint32_t>> pairs;
    ForEachCandidatePair(keys, blocks, table.size(), false, 1,
                         [&](int, int, uint32_t i, uint32_t j) { pairs.insert({i, j}); });
    return pairs;
  };
  const auto broad = rule_pairs(0);
  const auto refined = rule_pairs(100);
  EXPECT_LT(refined.size(), broad.size());
  // Unrefined, the names-only rule pairs all 120 namesakes (7,140 pairs); refined, only
  // "José Luis" with "José Luis" (780) and "José" with "José" (3,160), about as many as the
  // other rules add.
  EXPECT_GE(broad.size(), 7140U);
  EXPECT_GT(broad.size(), refined.size() + 2000);
  EXPECT_EQ(refined.count({120, 121}), 1U);  // the rare name without a date
  EXPECT_EQ(refined.count({0, 3}), 1U);      // "José Luis Pérez", same names
  for (const auto& pair : refined) EXPECT_EQ(broad.count(pair), 1U);
}

TEST(BlockingKeysTest, ThreadsGiveTheSameKeysAndBlocks) {
  // Enough records that ComputeBlockingKeys uses more than one thread (10,000 per thread).
  std::string csv = "id,given,family,born,doc,sex\n";
  const char* given[] = {"José", "Luis", "María", "Ana", "Carlos", "Pedro", "Juana"};
  const char* family[] = {"Pérez", "Gómez", "Rodríguez", "Díaz", "Quiñones"};
  for (int k = 0; k < 25000; ++k) {
    const int month = 1 + k % 12, day = 1 + k % 28;
    csv += "r" + std::to_string(k) + "," + given[k % 7] + "," + family[(k / 7) % 5] + "," +
           std::to_string(1950 + k % 50) + "-" + (month < 10 ? "0" : "") + std::to_string(month) +
           "-" + (day < 10 ? "0" : "") + std::to_string(day) + ",D" + std::to_string(k % 9000) +
           ",M\n";
  }
  const RecordTable table = PersonTable(csv);
  BlockingKeys one = ComputeBlockingKeys(table, nullptr, 100, 1);
  BlockingKeys two = ComputeBlockingKeys(table, nullptr, 100, 2);
  EXPECT_EQ(one.keys, two.keys);
  std::vector<BlockingRuleStats> stats_one, stats_two;
  const std::vector<RuleBlocks> blocks_one = BuildBlocks(one, table.size(), false, 300, &stats_one, 1);
  const std::vector<RuleBlocks> blocks_two = BuildBlocks(two, table.size(), false, 300, &stats_two, 2);
  ASSERT_EQ(blocks_one.size(), blocks_two.size());
  for (std::size_t rule = 0; rule < blocks_one.size(); ++rule) {
    EXPECT_EQ(blocks_one[rule].records, blocks_two[rule].records);
    EXPECT_EQ(stats_one[rule].rule, stats_two[rule].rule);
    EXPECT_EQ(stats_one[rule].blocks, stats_two[rule].blocks);
    EXPECT_EQ(stats_one[rule].skipped_blocks, stats_two[rule].skipped_blocks);
  }
  EXPECT_EQ(one.keys, two.keys);  // oversized blocks cleared alike
}

}  // namespace
}  // namespace canje::linkage
