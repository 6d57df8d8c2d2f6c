// The model a `canje link` run saves (link_model.h), on a real SQLite store: it reloads with the
// parameters the run trained, and an explanation with it stays the run's own after more lists
// are imported, while one trained on today's records changes.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "protect/sealing_contexts.h"
#include "reconciliation/link_model.h"
#include "reconciliation/linker.h"
#include "reconciliation/review.h"
#include "registry/scenario_loader.h"
#include "scenario/scenario.h"
#include "store/link_model_tables.h"
#include "store/link_tables.h"

namespace canje::reconciliation {
namespace {

using nlohmann::json;

class LinkModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "canje-link-model-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
    open_.database = (dir_ / "canje.db").string();
    open_.master_key_file = (dir_ / "canje.db.key").string();
    ASSERT_TRUE(instance::Instance::Initialize({open_.database, open_.master_key_file}).ok());
    auto admin = instance::Instance::Open(open_);
    ASSERT_TRUE(admin.ok()) << admin.status().ToString();
    admin_ = std::move(*admin);
    // cecot-2025 at a small size, its lists in two batches: the deportation (El Salvador's
    // roster and the removal manifest) first, the rest later.
    ASSERT_TRUE(scenario::WriteScenario({"cecot-2025", 2025, 120}, dir_ / "all").ok());
    std::ifstream in(dir_ / "all" / "scenario.json");
    const json manifest = json::parse(in);
    json first = manifest, later = manifest;
    first["lists"] = json::array();
    later["lists"] = json::array();
    for (json list : manifest["lists"]) {
      const std::string file = list["file"];
      list["file"] = "../all/" + file;
      const bool deportation =
          file == "slv_cecot_roster.csv" || file == "usa_removal_manifest.csv";
      (deportation ? first : later)["lists"].push_back(list);
    }
    ASSERT_EQ(first["lists"].size(), 2U);
    ASSERT_GE(later["lists"].size(), 2U);
    for (const auto& [name, part] : {std::pair("first", first), std::pair("later", later)}) {
      std::filesystem::create_directories(dir_ / name);
      std::ofstream(dir_ / name / "scenario.json") << part.dump();
    }
  }
  void TearDown() override {
    admin_.reset();
    std::filesystem::remove_all(dir_);
  }

  void Load(const char* part) {
    Status loaded = registry::LoadScenario(*admin_, dir_ / part);
    ASSERT_TRUE(loaded.ok()) << loaded.ToString();
  }
  LinkStoreReport Link() {
    auto report = LinkStore(*admin_, {});
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : LinkStoreReport();
  }
  // A queued pair: scored in the review band, so its explanation weighs every kind of evidence.
  std::pair<int64_t, int64_t> QueuedPair() {
    auto queue = store::ReviewQueue(admin_->store());
    EXPECT_TRUE(queue.ok() && !queue->empty());
    if (!queue.ok() || queue->empty()) return {1, 2};
    return {queue->front().left_record, queue->front().right_record};
  }
  linkage::PairExplanation Explain(std::pair<int64_t, int64_t> pair,
                                   std::optional<int64_t> run = std::nullopt,
                                   ModelSource* source = nullptr) {
    auto item = ExplainRecords(*admin_, pair.first, pair.second, run);
    EXPECT_TRUE(item.ok()) << item.status().ToString();
    if (!item.ok()) return {};
    if (source) *source = item->model;
    return item->explanation;
  }

  std::filesystem::path dir_;
  instance::OpenOptions open_;
  std::unique_ptr<instance::Instance> admin_;
};

// Explanations equal to the last bit (`tolerance` 0), or within a relative `tolerance`: training
// again on the same records repeats the run's arithmetic only up to rounding (EM adds up its
// patterns in the varying order the threads collected them), which is one more reason to keep the run's own model.
void ExpectSameExplanation(const linkage::PairExplanation& a, const linkage::PairExplanation& b,
                           double tolerance = 0) {
  auto same = [tolerance](double x, double y) {
    return tolerance == 0 ? x == y : std::abs(x - y) <= tolerance * std::max(1.0, std::abs(x));
  };
  EXPECT_TRUE(same(a.prior, b.prior)) << a.prior << " " << b.prior;
  EXPECT_TRUE(same(a.log2_odds, b.log2_odds)) << a.log2_odds << " " << b.log2_odds;
  EXPECT_TRUE(same(a.probability, b.probability)) << a.probability << " " << b.probability;
  ASSERT_EQ(a.terms.size(), b.terms.size());
  for (size_t i = 0; i < a.terms.size(); ++i) {
    EXPECT_EQ(a.terms[i].comparison, b.terms[i].comparison);
    EXPECT_EQ(a.terms[i].level, b.terms[i].level);
    EXPECT_TRUE(same(a.terms[i].m, b.terms[i].m)) << a.terms[i].comparison;
    EXPECT_TRUE(same(a.terms[i].u, b.terms[i].u)) << a.terms[i].comparison;
    EXPECT_TRUE(same(a.terms[i].weight, b.terms[i].weight)) << a.terms[i].comparison;
    EXPECT_EQ(a.terms[i].term_frequency_adjusted, b.terms[i].term_frequency_adjusted);
  }
}

TEST_F(LinkModelTest, ARunSavesItsModelWhichReloadsWithTheSameParameters) {
  Load("first");
  EXPECT_EQ(ReadLinkModel(*admin_, std::nullopt).status().code(), StatusCode::kNotFound);
  const LinkStoreReport report = Link();
  ASSERT_TRUE(report.changed);

  auto saved = ReadLinkModel(*admin_, std::nullopt);
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ(saved->run, 1);
  EXPECT_EQ(saved->runs, 1);
  EXPECT_EQ(saved->event_seq, report.event_seq);
  EXPECT_EQ(saved->records_compared, report.compared);
  EXPECT_EQ(saved->names_counted, report.compared);
  EXPECT_EQ(saved->data_sha256.size(), 64U);
  EXPECT_EQ(saved->settings.threshold, kDefaultStoreThreshold);
  EXPECT_EQ(saved->settings.review_low, kDefaultReviewLow);
  EXPECT_EQ(saved->settings.review_high, kDefaultReviewHigh);
  // Given and family names, patronymic, date of birth, two documents, sex, nationality and
  // service number.
  EXPECT_EQ(saved->settings.fields.size(), 9U);

  // The same records trained again give what the run trained (up to rounding: see above).
  auto trained = TrainOnStore(*admin_, 2);
  ASSERT_TRUE(trained.ok() && trained->engine);
  const linkage::FellegiSunterModel& model = trained->engine->model();
  EXPECT_NEAR(saved->prior, model.prior(), 1e-9 * model.prior());
  ASSERT_EQ(saved->comparisons.size(), static_cast<size_t>(model.comparisons()));
  for (int c = 0; c < model.comparisons(); ++c) {
    const ComparisonParameters& comparison = saved->comparisons[static_cast<size_t>(c)];
    EXPECT_EQ(comparison.comparison, trained->engine->schema().comparisons()[c].name);
    ASSERT_EQ(comparison.levels.size(), static_cast<size_t>(model.levels(c)));
    for (int level = 0; level < model.levels(c); ++level) {
      const LevelParameters& saved_level = comparison.levels[static_cast<size_t>(level)];
      EXPECT_NEAR(saved_level.m, model.m(c, level), 1e-9) << comparison.comparison << level;
      EXPECT_NEAR(saved_level.u, model.u(c, level), 1e-9) << comparison.comparison << level;
      EXPECT_NEAR(saved_level.weight, model.Weight(c, level), 1e-6);
    }
  }

  // The saved model, loaded into an engine for explaining, holds exactly what was saved.
  auto loaded = LinkageForExplaining(*admin_, 1);
  ASSERT_TRUE(loaded.ok() && loaded->engine) << loaded.status().ToString();
  EXPECT_EQ(loaded->model.run, 1);
  const linkage::FellegiSunterModel& reloaded = loaded->engine->model();
  EXPECT_EQ(reloaded.prior(), saved->prior);
  for (int c = 0; c < reloaded.comparisons(); ++c) {
    for (int level = 0; level < reloaded.levels(c); ++level) {
      const LevelParameters& saved_level =
          saved->comparisons[static_cast<size_t>(c)].levels[static_cast<size_t>(level)];
      EXPECT_EQ(reloaded.m(c, level), saved_level.m);
      EXPECT_EQ(reloaded.u(c, level), saved_level.u);
    }
  }

  // No name reaches the table in the clear: not in the settings, the parameters or the sealed
  // name counts.
  auto row = store::FindLinkModel(admin_->store(), 1);
  ASSERT_TRUE(row.ok() && *row);
  auto record = store::FindLinkRecord(admin_->store(), 1);
  ASSERT_TRUE(record.ok() && *record);
  const std::string stored = (*row)->settings + (*row)->parameters +
                             std::string((*row)->name_counts_sealed.begin(),
                                         (*row)->name_counts_sealed.end());
  std::ifstream roster(dir_ / "all" / "slv_cecot_roster.csv");
  std::string header, line;
  std::getline(roster, header);
  int checked = 0;
  while (std::getline(roster, line) && checked < 20) {
    // Every field of the row of at least 5 characters (names, documents, dates).
    size_t start = 0;
    while (start < line.size()) {
      size_t comma = line.find(',', start);
      if (comma == std::string::npos) comma = line.size();
      const std::string field = line.substr(start, comma - start);
      if (field.size() >= 5) {
        EXPECT_EQ(stored.find(field), std::string::npos) << field;
        ++checked;
      }
      start = comma + 1;
    }
  }
  EXPECT_GT(checked, 10);
  // A run that changes nothing saves nothing.
  EXPECT_FALSE(Link().changed);
  EXPECT_EQ(*store::LinkModelCount(admin_->store()), 1);
}

TEST_F(LinkModelTest, AnExplanationWithTheSavedModelIsTheRunsOwnAfterMoreListsAreImported) {
  Load("first");
  ASSERT_TRUE(Link().changed);
  const std::pair<int64_t, int64_t> pair = QueuedPair();
  ModelSource source;
  const linkage::PairExplanation at_run = Explain(pair, std::nullopt, &source);
  EXPECT_EQ(source.run, 1);
  bool name_frequency_used = false;
  for (const auto& term : at_run.terms) name_frequency_used |= term.term_frequency_adjusted;

  Load("later");  // more lists: the prior, m, u and name frequencies all move
  ExpectSameExplanation(Explain(pair), at_run);

  // What retraining on today's records would say instead: it differs, so the test above can fail.
  auto retrained = TrainOnStore(*admin_, 2);
  ASSERT_TRUE(retrained.ok() && retrained->engine);
  auto left = retrained->RowOf(pair.first), right = retrained->RowOf(pair.second);
  ASSERT_TRUE(left && right);
  const linkage::PairExplanation today = retrained->engine->Explain(*left, *right);
  EXPECT_NE(today.prior, at_run.prior);
  EXPECT_NE(today.log2_odds, at_run.log2_odds);
  if (name_frequency_used) {
    bool frequency_moved = false;
    for (size_t i = 0; i < today.terms.size(); ++i) {
      frequency_moved |= today.terms[i].term_frequency_adjusted &&
                         today.terms[i].u != at_run.terms[i].u;
    }
    EXPECT_TRUE(frequency_moved);
  }

  // A second run saves its own model; run 1's explanation is still there to reproduce.
  ASSERT_TRUE(Link().changed);
  Explain(pair, std::nullopt, &source);
  EXPECT_EQ(source.run, 2);
  ExpectSameExplanation(Explain(pair, 1, &source), at_run);
  EXPECT_EQ(source.run, 1);
  ExpectSameExplanation(Explain(pair, 2), today, 1e-9);  // run 2 trained on the same records
  EXPECT_EQ(ExplainRecords(*admin_, pair.first, pair.second, 3).status().code(),
            StatusCode::kNotFound);
}

TEST_F(LinkModelTest, WithoutASavedRunTheExplanationIsTrainedNowAndSaysSo) {
  Load("first");
  ModelSource source;
  source.run = -1;
  Explain({1, 2}, std::nullopt, &source);
  EXPECT_EQ(source.run, 0);
  auto named = ExplainRecords(*admin_, 1, 2, 1);
  EXPECT_EQ(named.status().code(), StatusCode::kNotFound);
  EXPECT_NE(named.status().message().find("no `canje link` run has saved a model yet"),
            std::string::npos)
      << named.status().message();
}

// A model saved before canje compared patronymics and service numbers (the latest run's model
// with those two comparisons taken out, saved as run 2) still loads, the two weighing nothing;
// a model that compares a field this canje does not (run 3) is refused, saying what to do.
TEST_F(LinkModelTest, AnOlderModelLoadsWithoutTheNewComparisonsAndAForeignOneIsRefused) {
  Load("first");
  ASSERT_TRUE(Link().changed);
  auto latest = store::LatestLinkModel(admin_->store());
  ASSERT_TRUE(latest.ok() && latest->has_value());
  auto save_as_next_run = [&](const std::function<void(nlohmann::json&)>& edit) {
    store::LinkModelRow row = **latest;
    nlohmann::json parameters = nlohmann::json::parse(row.parameters);
    edit(parameters["comparisons"]);
    row.parameters = parameters.dump();
    Status saved = admin_->store().MigrateData([&](store::WriteTransaction& transaction) {
      CANJE_ASSIGN_OR_RETURN(row.run, store::NextLinkModelRun(transaction));
      row.name_counts_sealed = admin_->vault().Seal(
          admin_->vault().TextKey(),
          *admin_->vault().Open(admin_->vault().TextKey(), (*latest)->name_counts_sealed,
                                protect::LinkModelNameCountsContext((*latest)->run)),
          protect::LinkModelNameCountsContext(row.run));
      return store::AddLinkModel(transaction, row);
    });
    ASSERT_TRUE(saved.ok()) << saved.ToString();
  };
  save_as_next_run([](nlohmann::json& comparisons) {
    nlohmann::json older = nlohmann::json::array();
    for (const auto& comparison : comparisons) {
      if (comparison["comparison"] != "patronymic" && comparison["comparison"] != "service_number") {
        older.push_back(comparison);
      }
    }
    comparisons = older;
  });
  auto older = LinkageForExplaining(*admin_, 2);
  ASSERT_TRUE(older.ok() && older->engine) << older.status().ToString();
  const linkage::LinkageEngine& engine = *older->engine;
  for (int c = 0; c < engine.schema().size(); ++c) {
    const std::string& name = engine.schema().comparisons()[static_cast<size_t>(c)].name;
    if (name != "patronymic" && name != "service_number") continue;
    for (int level = 0; level < engine.model().levels(c); ++level) {
      EXPECT_EQ(engine.model().Weight(c, level), 0.0) << name << " " << level;
    }
  }
  const linkage::PairExplanation with_older = Explain(QueuedPair(), 2);
  bool found = false;
  for (const linkage::ComparisonTerm& term : with_older.terms) {
    if (term.comparison == "patronymic") {
      found = true;
      EXPECT_EQ(term.weight, 0.0);
    }
  }
  EXPECT_TRUE(found);

  save_as_next_run([](nlohmann::json& comparisons) { comparisons[0]["comparison"] = "height"; });
  auto foreign = LinkageForExplaining(*admin_, 3);
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.status().code(), StatusCode::kInvalid);
  EXPECT_NE(foreign.status().message().find(
                "the model of link run 3 compares other fields than this canje; run canje link "
                "again"),
            std::string::npos)
      << foreign.status().ToString();
}

}  // namespace
}  // namespace canje::reconciliation
