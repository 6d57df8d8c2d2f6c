// The engine end to end on small synthetic lists: settings errors, comparison wiring, EM,
// explanations, the clustering guard and accuracy on FEBRL dataset 1.
#include "linkage/febrl_accuracy_test_support.h"
#include "linkage/linkage_engine.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "linkage/link_settings.h"
#include "linkage/linkage_test_util.h"
#include "linkage/record_table.h"

namespace canje::linkage {
namespace {

using testing::kPersonSettings;

LinkSettings Settings(const std::string& json) {
  Result<LinkSettings> settings = ParseLinkSettings(json, "s.json");
  EXPECT_TRUE(settings.ok()) << settings.status().message();
  return *settings;
}

RecordTable Table(const std::string& csv, const SideSettings& side,
                  const std::string& name = "list.csv") {
  std::istringstream in(csv);
  Result<RecordTable> table = LoadRecordTableFromStream(in, name, side, "s.json", 1);
  EXPECT_TRUE(table.ok()) << table.status().message();
  return std::move(table).value();
}

Status LoadError(const std::string& csv, const std::string& settings_json = kPersonSettings) {
  const LinkSettings settings = Settings(settings_json);
  std::istringstream in(csv);
  Result<RecordTable> table = LoadRecordTableFromStream(in, "list.csv", settings.left, "s.json", 1);
  return table.ok() ? Status::Ok() : table.status();
}

TEST(LinkSettingsTest, UnknownKindNamesFileLineAndColumn) {
  Result<LinkSettings> settings = ParseLinkSettings(
      "{\"id\": \"id\",\n \"fields\": [\n  {\"column\": \"x\", \"kind\": \"nmae\"}]}", "s.json");
  ASSERT_FALSE(settings.ok());
  EXPECT_EQ(settings.status().code(), StatusCode::kInvalid);
  EXPECT_NE(settings.status().message().find("s.json:3:27: "), std::string::npos)
      << settings.status().message();
  EXPECT_NE(settings.status().message().find("nmae"), std::string::npos);
}

TEST(LinkSettingsTest, BadJsonAndBadDateFormatAreInvalid) {
  EXPECT_EQ(ParseLinkSettings("{\"id\": ", "s.json").status().code(), StatusCode::kInvalid);
  Result<LinkSettings> format = ParseLinkSettings(
      R"({"id": "id", "fields": [{"column": "d", "kind": "date", "format": "DDMMYY"}]})", "s.json");
  ASSERT_FALSE(format.ok());
  EXPECT_NE(format.status().message().find("s.json:1:"), std::string::npos);
}

TEST(LinkSettingsTest, LeftAndRightMustPairUp) {
  Result<LinkSettings> settings = ParseLinkSettings(R"({
    "left": {"id": "id", "fields": [{"column": "n", "kind": "full_name"},
                                    {"column": "d", "kind": "date"}]},
    "right": {"id": "id", "fields": [{"column": "n", "kind": "full_name"}]}})",
                                                    "s.json");
  ASSERT_FALSE(settings.ok());
  EXPECT_NE(settings.status().message().find("date"), std::string::npos);
}

TEST(DateFormatTest, ReadsLayoutsAndTurnsImpossibleDatesIntoMissing) {
  EXPECT_EQ(DateFormat::Parse("YYYYMMDD")->Read("19900403"), ComparableDate::Day(1990, 4, 3));
  EXPECT_EQ(DateFormat::Parse("DD/MM/YYYY")->Read("3/4/1990"), ComparableDate::Day(1990, 4, 3));
  EXPECT_EQ(DateFormat::Parse("MM/DD/YYYY")->Read("04/03/1990"), ComparableDate::Day(1990, 4, 3));
  EXPECT_TRUE(DateFormat::Parse("YYYYMMDD")->Read("19900230").missing());
  EXPECT_TRUE(DateFormat::Parse("YYYYMMDD")->Read("1990043").missing());
  EXPECT_EQ(DateFormat().Read("1990-04"), ComparableDate::Month(1990, 4));
}

TEST(RecordTableTest, UnknownColumnNamesSettingsPositionAndHeader) {
  const Status status = LoadError("id,given,family,born,doc,sex\n1,a,b,,,\n");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kInvalid);
  EXPECT_NE(status.message().find("s.json:9:16: column 'town' is not in list.csv:1"),
            std::string::npos)
      << status.message();
}

TEST(RecordTableTest, EmptyFileWrongFieldCountAndInvalidUtf8AreLocated) {
  const Status empty = LoadError("");
  EXPECT_EQ(empty.code(), StatusCode::kInvalid);
  EXPECT_NE(empty.message().find("list.csv:1:1:"), std::string::npos) << empty.message();

  const Status fields = LoadError("id,given,family,born,doc,sex,town\n1,a,b,,,,\n2,a,b\n");
  EXPECT_EQ(fields.code(), StatusCode::kInvalid);
  EXPECT_NE(fields.message().find("list.csv:3:4:"), std::string::npos) << fields.message();

  const Status utf8 = LoadError("id,given,family,born,doc,sex,town\n1,a,b\xff,,,,\n");
  EXPECT_EQ(utf8.code(), StatusCode::kInvalid);
  EXPECT_NE(utf8.message().find("list.csv:2:3:"), std::string::npos) << utf8.message();
}

TEST(RecordTableTest, ImpossibleDateCountsAsMissingNotAsError) {
  const LinkSettings settings = Settings(kPersonSettings);
  const RecordTable table = Table(
      " id , given, family, born, doc, sex, town\n1,Ana,Pérez,31/02/1990,,F,\n", settings.left);
  ASSERT_EQ(table.size(), 1U);
  EXPECT_EQ(table.unparsed_dates, 1);
  EXPECT_TRUE(table.dates[0][0].missing());
}

// Each comparison kind reaches the model with the level its comparison function returns.
TEST(ComparisonSchemaTest, EveryKindIsWiredToItsLevels) {
  const LinkSettings settings = Settings(kPersonSettings);
  const RecordTable table = Table(
      "id,given,family,born,doc,sex,town\n"
      "a,José Luis,Pérez Rodríguez,03/04/1990,V-12.345.678,M,San Cristóbal\n"
      "b,José,Pérez,04/03/1990,12354678,M,San Cristobal\n"
      "c,Pérez,José,,,F,Maracaibo\n",
      settings.left);
  Result<ComparisonSchema> schema = ComparisonSchema::FromSettings(settings);
  ASSERT_TRUE(schema.ok());
  std::map<std::string, std::string> levels;
  ComparisonVector vector;
  schema->Compare(table, 0, table, 1, vector);
  for (int c = 0; c < schema->size(); ++c) {
    const ComparisonSpec& spec = schema->comparisons()[static_cast<std::size_t>(c)];
    levels[spec.name] = std::string(
        ComparisonLevelName(LevelSetFor(spec.kind).at(vector[static_cast<std::size_t>(c)])));
  }
  EXPECT_EQ(levels["given_name"], "token_subset");
  EXPECT_EQ(levels["family_name"], "token_subset");
  EXPECT_EQ(levels["born"], "day_month_swapped");
  EXPECT_EQ(levels["identifier"], "transposed_digits");
  EXPECT_EQ(levels["sex"], "exact");
  EXPECT_EQ(levels["town"], "exact");  // accents removed for comparison

  schema->Compare(table, 1, table, 2, vector);
  EXPECT_EQ(ComparisonLevelName(LevelSetFor(ComparisonKind::kGivenName).at(vector[0])), "swapped");
  EXPECT_EQ(ComparisonLevelName(LevelSetFor(ComparisonKind::kDate).at(vector[2])), "missing");
  EXPECT_EQ(ComparisonLevelName(LevelSetFor(ComparisonKind::kDocumentNumber).at(vector[5])),
            "missing");
  EXPECT_EQ(ComparisonLevelName(LevelSetFor(ComparisonKind::kExactValue).at(vector[3])),
            "different");
  EXPECT_EQ(CompareTexts(U"maracaibo", U"maracaybo"), ComparisonLevel::kJaroWinklerHigh);
}

// A small synthetic list: 60 people, 20 of them written twice with a slip.
std::string SyntheticList() {
  const char* given[] = {"Ana",  "Luis",  "Carlos", "María", "José",
                         "Rosa", "Pedro", "Elena",  "Jorge", "Lucía"};
  const char* family[] = {"Pérez",  "Gómez", "Rodríguez", "Díaz",    "Morales",  "Castillo",
                          "Vargas", "Rojas", "Suárez",    "Mendoza", "Quintero", "Zambrano"};
  std::ostringstream csv;
  csv << "id,given,family,born,doc,sex,town\n";
  for (int p = 0; p < 60; ++p) {
    const std::string g = given[p % 10];
    const std::string f = std::string(family[p % 12]) + " " + family[(p * 7 + 3) % 12];
    const int day = 1 + p % 28, month = 1 + (p * 5) % 12, year = 1950 + (p * 13) % 50;
    char born[16];
    std::snprintf(born, sizeof born, "%02d/%02d/%04d", day, month, year);
    csv << "p" << p << "," << g << "," << f << "," << born << "," << 10000000 + p * 7919 << ","
        << (p % 2 ? "M" : "F") << ",Town" << p % 9 << "\n";
    if (p % 3 == 0) {
      csv << "p" << p << "-dup," << g << "," << family[p % 12] << "," << born << ",,"
          << (p % 2 ? "M" : "F") << ",\n";
    }
  }
  return csv.str();
}

LinkageEngine TrainedEngine(const std::string& csv) {
  const LinkSettings settings = Settings(kPersonSettings);
  LinkOptions options;
  options.threads = 2;
  Result<LinkageEngine> engine =
      LinkageEngine::Create(settings, Table(csv, settings.left), std::nullopt, options);
  EXPECT_TRUE(engine.ok()) << engine.status().message();
  engine->Train();
  return std::move(engine).value();
}

TEST(LinkageEngineTest, FindsTheDuplicatesOfASyntheticList) {
  LinkageEngine engine = TrainedEngine(SyntheticList());
  const std::vector<ScoredPair> pairs = engine.ScorePairs(0.9);
  std::set<std::pair<std::string, std::string>> found;
  for (const ScoredPair& pair : pairs) {
    EXPECT_LT(pair.left, pair.right);
    found.emplace(engine.RecordId(pair.left), engine.RecordId(pair.right));
  }
  int expected = 0;
  for (int p = 0; p < 60; p += 3) {
    ++expected;
    EXPECT_TRUE(found.count({"p" + std::to_string(p), "p" + std::to_string(p) + "-dup"}))
        << "p" << p;
  }
  EXPECT_EQ(static_cast<int>(found.size()), expected);
  // Statistics report each rule's pairs, and the union is their sum.
  uint64_t sum = 0;
  for (const BlockingRuleStats& rule : engine.statistics().rules) sum += rule.pairs;
  EXPECT_EQ(sum, engine.statistics().candidate_pairs);
  int rules_with_pairs = 0;
  for (const BlockingRuleStats& rule : engine.statistics().rules)
    rules_with_pairs += rule.pairs > 0;
  EXPECT_GE(rules_with_pairs, 2);
}

TEST(LinkageEngineTest, ExplanationWeightsSumToTheFinalLogOdds) {
  LinkageEngine engine = TrainedEngine(SyntheticList());
  const std::optional<uint32_t> a = engine.FindRecord("p3", false);
  const std::optional<uint32_t> b = engine.FindRecord("p3-dup", false);
  const std::optional<uint32_t> c = engine.FindRecord("p4", false);
  ASSERT_TRUE(a && b && c);
  for (const auto& [x, y] : {std::pair{*a, *b}, std::pair{*a, *c}}) {
    const PairExplanation why = engine.Explain(x, y);
    ASSERT_EQ(static_cast<int>(why.terms.size()), engine.schema().size());
    double sum = why.prior_log2_odds;
    for (const ComparisonTerm& term : why.terms) sum += term.weight;
    EXPECT_NEAR(sum, why.log2_odds, 1e-9);
    EXPECT_NEAR(why.probability, engine.Probability(x, y), 1e-12);
    EXPECT_NEAR(why.probability, std::exp2(why.log2_odds) / (1 + std::exp2(why.log2_odds)), 1e-9);
    EXPECT_NEAR(why.prior_log2_odds, std::log2(why.prior / (1 - why.prior)), 1e-9);
  }
  const PairExplanation same = engine.Explain(*a, *b);
  const PairExplanation other = engine.Explain(*a, *c);
  EXPECT_GT(same.probability, 0.9);
  EXPECT_LT(other.probability, 0.1);
  EXPECT_EQ(same.terms[1].level, "token_subset");
  EXPECT_EQ(same.terms[1].left_value, "diaz perez");
  EXPECT_EQ(same.terms[1].right_value, "diaz");
}

TEST(LinkageEngineTest, ExactAgreementOnARareNameWeighsMoreThanOnACommonOne) {
  const LinkSettings settings = Settings(kPersonSettings);
  std::ostringstream csv;
  csv << "id,given,family,born,doc,sex,town\n";
  for (int i = 0; i < 40; ++i)
    csv << "c" << i << ",Ana,Pérez,,,"
        << "F,\n";
  csv << "r1,Ana,Zuloaga,,,F,\nr2,Ana,Zuloaga,,,F,\n";
  Result<LinkageEngine> engine =
      LinkageEngine::Create(settings, Table(csv.str(), settings.left), std::nullopt);
  ASSERT_TRUE(engine.ok());
  engine->Train();
  const PairExplanation common = engine->Explain(0, 1);
  const PairExplanation rare = engine->Explain(40, 41);
  EXPECT_TRUE(rare.terms[1].term_frequency_adjusted);
  EXPECT_GT(rare.terms[1].weight, common.terms[1].weight + 3);
}

// A list that wrote the names in each other's columns: the swap is one observation, so the
// family name's "swapped" weighs nothing and the given name's carries it (fellegi_sunter.h).
TEST(LinkageEngineTest, SwappedNamesWeighOnce) {
  LinkageEngine engine =
      TrainedEngine(SyntheticList() + "s1,Wenceslao,Urdaneta,02/02/1962,,M,\n"
                                      "s2,Urdaneta,Wenceslao,02/02/1962,,M,\n");
  const PairExplanation why =
      engine.Explain(*engine.FindRecord("s1", false), *engine.FindRecord("s2", false));
  ASSERT_EQ(why.terms[0].level, "swapped");
  ASSERT_EQ(why.terms[1].level, "swapped");
  EXPECT_GT(why.terms[0].weight, 0);
  EXPECT_EQ(why.terms[1].weight, 0);
  EXPECT_GT(why.terms[1].m, 0) << "its m and u are still estimated and shown";
}

// The list with the dates of birth of `ids` left out (rows "id,given,family,born,...").
std::string WithoutDates(std::string csv, const std::vector<std::string>& ids) {
  for (const std::string& id : ids) {
    const std::size_t row = csv.find("\n" + id + ",");
    std::size_t born = row;
    for (int comma = 0; comma < 3; ++comma) born = csv.find(',', born + 1);
    csv.erase(born + 1, csv.find(',', born + 1) - born - 1);
  }
  return csv;
}

// Chaining guard: a–b and b–c link at the threshold but a and c disagree; they must not end up
// in one cluster. A strong pair still forms a cluster. (Without dates of birth, so that only
// the density guard is at work, not the one against conflicting dates: link_rules.h.)
TEST(LinkageEngineTest, ClusteringDoesNotChainThroughAWeakLink) {
  LinkageEngine engine = TrainedEngine(WithoutDates(SyntheticList(), {"p1", "p2", "p4", "p5"}));
  const uint32_t a = *engine.FindRecord("p1", false);
  const uint32_t b = *engine.FindRecord("p2", false);
  const uint32_t c = *engine.FindRecord("p4", false);
  const uint32_t d = *engine.FindRecord("p5", false);
  ASSERT_LT(engine.Probability(a, c), 0.5);
  ASSERT_LT(engine.Probability(b, d), 0.5);
  // Forced links a–b (0.99), b–c (0.95), c–d (0.93): single linkage would make one cluster.
  const std::vector<ScoredPair> pairs = {{a, b, 0.99}, {b, c, 0.95}, {c, d, 0.93}};
  const std::vector<uint32_t> clusters = engine.Cluster(pairs, 0.9);
  EXPECT_EQ(clusters[a], clusters[b]);
  EXPECT_NE(clusters[a], clusters[c]);
  EXPECT_EQ(clusters[c], clusters[d]);
  // Every record has a cluster, numbered from 1 in order of first record.
  EXPECT_EQ(clusters[0], 1U);
  for (uint32_t cluster : clusters) EXPECT_GE(cluster, 1U);
}

TEST(LinkageEngineTest, LinkageKeepsTwoRecordsOfOneListApartWithoutStrongEvidence) {
  const LinkSettings settings = Settings(kPersonSettings);
  const std::string header = "id,given,family,born,doc,sex,town\n";
  // Left holds two different people who both resemble the right record.
  RecordTable left = Table(header +
                               "L1,Ana María,Pérez,03/04/1990,,F,\n"
                               "L2,Ana,Pérez Gómez,17/09/1990,,F,\n" +
                               SyntheticList().substr(header.size()),
                           settings.left);
  RecordTable right = Table(header + "R1,Ana,Pérez,03/04/1990,,F,\n", settings.left);
  Result<LinkageEngine> engine = LinkageEngine::Create(settings, std::move(left), std::move(right));
  ASSERT_TRUE(engine.ok());
  engine->Train();
  const uint32_t l1 = 0, l2 = 1;
  const uint32_t r1 = static_cast<uint32_t>(engine->left_size());
  ASSERT_LT(engine->Probability(l1, l2), 0.99);
  const std::vector<ScoredPair> pairs = {{l1, r1, 0.97}, {l2, r1, 0.96}};
  const std::vector<uint32_t> clusters = engine->Cluster(pairs, 0.9);
  EXPECT_EQ(clusters[l1], clusters[r1]);
  EXPECT_NE(clusters[l2], clusters[r1]);
}

using testing::FebrlF1;

TEST(LinkageAccuracyTest, FebrlDataset1WithoutLabels) {
  EXPECT_GE(FebrlF1(std::string(CANJE_TESTDATA_DIR) + "/febrl/dataset1.csv"), 0.98);
}

}  // namespace
}  // namespace canje::linkage
