#include "linkage/febrl_accuracy_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "linkage/linkage_engine.h"

namespace canje::linkage::testing {

double FebrlF1(const std::string& path) {
  Result<LinkSettings> settings =
      ReadLinkSettingsFile(std::string(CANJE_SOURCE_DIR) + "/examples/linkage/febrl.json");
  EXPECT_TRUE(settings.ok()) << settings.status().message();
  Result<RecordTable> table = LoadRecordTable(path, settings->left, "febrl.json", 2);
  EXPECT_TRUE(table.ok()) << table.status().message();
  std::map<std::string, std::vector<std::string>> people;
  const std::regex rec_id("rec-([0-9]+)-.*");
  for (const std::string& id : table->ids) {
    std::smatch match;
    EXPECT_TRUE(std::regex_match(id, match, rec_id)) << id;
    people[match[1]].push_back(id);
  }
  std::set<std::pair<std::string, std::string>> truth;
  for (auto& [person, ids] : people) {
    std::sort(ids.begin(), ids.end());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      for (std::size_t j = i + 1; j < ids.size(); ++j) truth.emplace(ids[i], ids[j]);
    }
  }
  Result<LinkageEngine> engine =
      LinkageEngine::Create(*settings, std::move(table).value(), std::nullopt);
  EXPECT_TRUE(engine.ok());
  engine->Train();
  std::size_t true_positives = 0, predicted = 0;
  for (const ScoredPair& pair : engine->ScorePairs(*settings->threshold)) {
    if (pair.hold != LinkHold::kNone) continue;  // not linked (link_rules.h)
    std::string x = engine->RecordId(pair.left), y = engine->RecordId(pair.right);
    if (y < x) std::swap(x, y);
    ++predicted;
    true_positives += truth.count({x, y});
  }
  const double precision = static_cast<double>(true_positives) / static_cast<double>(predicted);
  const double recall = static_cast<double>(true_positives) / static_cast<double>(truth.size());
  return 2 * precision * recall / (precision + recall);
}

}  // namespace canje::linkage::testing
